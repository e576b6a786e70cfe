import { Alert, Badge, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { MathMarkdown } from '../../components/MathMarkdown';
import { isApiError } from '../../lib/api';
import { fetchResult } from './api';
import { formatAnswer, formatKey } from './answer-format';
import type { AttemptState, Language } from './types';

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
            ? 'Results will be published by your institute.'
            : 'Thank you. Your answers are stored safely.'}{' '}
          <Link to="/">Back to the dashboard</Link>
        </Alert>
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
            {result.data.questions.map(({ question, answer }, index) => {
              const content =
                question.content[language] ?? question.content.en ?? Object.values(question.content)[0];
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
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={700}>
                      Correct answer:
                    </Text>
                    <MathMarkdown inline>{formatKey(question)}</MathMarkdown>
                  </Group>
                  {content?.solution && (
                    <div>
                      <Text size="sm" fw={700} mt="xs">
                        Solution
                      </Text>
                      <MathMarkdown>{content.solution}</MathMarkdown>
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
