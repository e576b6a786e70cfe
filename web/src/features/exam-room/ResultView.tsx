import { Alert, Badge, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { MathMarkdown } from '../../components/MathMarkdown';
import { isApiError } from '../../lib/api';
import { fetchResult } from './api';
import { formatAnswer, formatKey } from './answer-format';
import { pickLanguageText, type Answer, type CandidateQuestion, type Question } from '@examtech/core';
import { formatDateTime } from '../../lib/format';
import type { AttemptState, Language, ResultNotReleased } from './types';

const outcomeColour: Record<string, string> = { correct: 'teal', partial: 'yellow', wrong: 'red' };

/** After submission: the result with keys and solutions when released, otherwise a confirmation. */
export function ResultView({
  state,
  title,
  language,
}: {
  state: AttemptState;
  title: string;
  language: Language;
}) {
  const result = useQuery({
    queryKey: ['exam-room', 'result', state.attempt.id],
    queryFn: () => fetchResult(state.attempt.id),
    retry: false,
  });
  const isByDeadline = state.attempt.submitReason === 'deadline';
  const notReleased = isApiError(result.error, 'RESULT_NOT_RELEASED');
  const releasesAt = isApiError(result.error, 'RESULT_NOT_RELEASED')
    ? ((result.error.body as ResultNotReleased | undefined)?.releasesAt ?? null)
    : null;
  // Each question with its key when the result carries one (the exam may withhold keys and solutions).
  const items: { question: Question | CandidateQuestion; answer: Answer | null; keyed: Question | null }[] =
    !result.data
      ? []
      : result.data.answerKeyShown
        ? result.data.questions.map((item) => ({ ...item, keyed: item.question }))
        : result.data.questions.map((item) => ({ ...item, keyed: null }));
  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Alert
          color={isByDeadline ? 'orange' : 'teal'}
          title={
            isByDeadline ? 'Time is up — your exam has been submitted' : 'Your responses have been submitted'
          }
        >
          {notReleased
            ? releasesAt
              ? `Results will be released on ${formatDateTime(releasesAt)}, once the exam has closed for every candidate.`
              : 'Results will be published by your institute.'
            : 'Thank you. Your answers are stored safely.'}{' '}
          <Link to="/">Back to the dashboard</Link>
        </Alert>
        {result.data && !result.data.answerKeyShown && (
          <Alert color="gray" title="Answer key withheld" data-testid="answer-key-withheld">
            Your institute does not publish the answer key and solutions of this exam. Your score and your own
            answers are shown below.
          </Alert>
        )}
        {result.data && (
          <>
            <Paper withBorder p="md" radius="md">
              <Text size="sm" c="dimmed">
                Your score
              </Text>
              <Text fz={32} fw={800} data-testid="total-score">
                {result.data.totalMarks ?? '—'}
                {result.data.score ? ` / ${result.data.score.total.maxMarks}` : ''}
              </Text>
              {result.data.score && (
                <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
                  {Object.entries(result.data.score.sections).map(([sectionId, summary]) => (
                    <Paper key={sectionId} withBorder p="xs">
                      <Text size="sm" fw={600}>
                        {sectionId}
                      </Text>
                      <Text size="sm">
                        {summary.marks} / {summary.maxMarks} · {summary.correct} correct, {summary.wrong}{' '}
                        wrong, {summary.unanswered} unanswered
                      </Text>
                    </Paper>
                  ))}
                </SimpleGrid>
              )}
            </Paper>
            {items.map(({ question, answer, keyed }, index) => {
              const content = pickLanguageText(question.content, language);
              const solution = keyed ? pickLanguageText(keyed.content, language)?.solution : undefined;
              const scored = result.data.score?.questions.find((q) => q.questionId === question.id);
              return (
                <Paper
                  key={question.id}
                  withBorder
                  p="md"
                  radius="md"
                  component="article"
                  aria-label={`Result of question ${index + 1}`}
                >
                  <Group justify="space-between" mb="xs">
                    <Text fw={700}>Question {index + 1}</Text>
                    {scored && (
                      <Badge color={outcomeColour[scored.outcome] ?? 'gray'} tt="none">
                        {scored.outcome.replaceAll('_', ' ')} ·{' '}
                        {scored.marks > 0 ? `+${scored.marks}` : scored.marks}
                      </Badge>
                    )}
                  </Group>
                  <MathMarkdown>{content?.stem ?? ''}</MathMarkdown>
                  <Group gap={6} mt="xs" wrap="nowrap">
                    <Text size="sm" fw={700}>
                      Your answer:
                    </Text>
                    <MathMarkdown inline>{formatAnswer(question, answer)}</MathMarkdown>
                  </Group>
                  {keyed && (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={700}>
                        Correct answer:
                      </Text>
                      <MathMarkdown inline>{formatKey(keyed)}</MathMarkdown>
                    </Group>
                  )}
                  {solution && (
                    <div>
                      <Text size="sm" fw={700} mt="xs">
                        Solution
                      </Text>
                      <MathMarkdown>{solution}</MathMarkdown>
                    </div>
                  )}
                </Paper>
              );
            })}
          </>
        )}
      </Stack>
    </Container>
  );
}
