import { KeyRevisionsPanel } from './KeyRevisionsPanel';
import { Alert, Container, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { languageLabel, LANGUAGES, type Language } from '@examtech/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { fetchAnalysis } from './api';
import { formatShare } from './format';
import { QuestionList } from './QuestionList';
import { CountsTable, SummaryCharts } from './Summary';
import { TimeInsights } from './TimeInsights';
import type { AttemptAnalysis } from './types';

type NotReleased = { releasesAt?: string | null };

/** The languages the paper's questions are written in, in the core's order. */
function paperLanguages(analysis: AttemptAnalysis): Language[] {
  const present = new Set(analysis.questions.flatMap((q) => Object.keys(q.question.content)));
  return LANGUAGES.filter((code) => present.has(code));
}

function ScoreCard({ analysis }: { analysis: AttemptAnalysis }) {
  const { total } = analysis;
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        Your score
      </Text>
      <Text fz={32} fw={800} data-testid="total-score">
        {analysis.totalMarks ?? '—'} / {total.maxMarks}
      </Text>
      <Text size="sm">
        {total.correct} correct · {total.incorrect} incorrect · {total.partial} partially correct ·{' '}
        {total.unattempted} unattempted · accuracy {formatShare(total.accuracy)} · attempt rate{' '}
        {formatShare(total.attemptRate)}
      </Text>
      {/* Rank, percentile and the class comparison come from the results table (standing, comparison). */}
    </Paper>
  );
}

/**
 * The analysis of one submitted attempt (issue 11): score, marks per section with counts, charts,
 * time against the class, the route through the paper and every question. Before release: when
 * the results come out.
 */
export function AnalysisView({
  attemptId,
  title,
  submitReason,
  language: initialLanguage,
}: {
  attemptId: string;
  title: string;
  submitReason: string | null;
  language: Language;
}) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const analysis = useQuery({
    queryKey: ['analysis', attemptId],
    queryFn: () => fetchAnalysis(attemptId),
    retry: false,
  });
  const isByDeadline = submitReason === 'deadline';
  const notReleased = isApiError(analysis.error, 'RESULT_NOT_RELEASED');
  const releasesAt = isApiError(analysis.error, 'RESULT_NOT_RELEASED')
    ? ((analysis.error.body as NotReleased | undefined)?.releasesAt ?? null)
    : null;
  const data = analysis.data;
  const languages = data ? paperLanguages(data) : [];
  return (
    <Container size="lg" py="lg" px={{ base: 'xs', sm: 'md' }}>
      <Stack gap="md">
        <Title order={1} fz="h2">
          {data?.title ?? title}
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
        {analysis.isPending && <Loader aria-label="Loading your analysis" />}
        {analysis.isError && !notReleased && (
          <Alert color="red" title="The analysis could not be loaded">
            Try again in a moment.
          </Alert>
        )}
        {data && !data.answerKeyShown && (
          <Alert color="gray" title="Answer key withheld" data-testid="answer-key-withheld">
            Your institute does not publish the answer key and solutions of this exam. Your score, counts and
            times are shown below.
          </Alert>
        )}
        {data && (
          <>
            <ScoreCard analysis={data} />
            <CountsTable analysis={data} />
            <SummaryCharts analysis={data} />
            <TimeInsights analysis={data} />
            <KeyRevisionsPanel examId={data.examId} />
            <Group justify="space-between" align="center">
              <Title order={2} fz="h4">
                Question by question
              </Title>
              {languages.length > 1 && (
                <SegmentedControl
                  aria-label="Language of the questions"
                  value={language}
                  onChange={(value) => setLanguage(value)}
                  data={languages.map((code) => ({
                    value: code,
                    label: languageLabel(code, 'native') ?? code,
                  }))}
                />
              )}
            </Group>
            <QuestionList questions={data.questions} language={language} />
          </>
        )}
      </Stack>
    </Container>
  );
}
