import { KeyRevisionsPanel } from './KeyRevisionsPanel';
import { Alert, Container, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { languageLabel, LANGUAGES, type Language } from '@examtech/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../lib/api';
import { useLocalFormat } from '../../i18n/format';
import { fetchAnalysis, fetchStaffAnalysis } from './api';
import { useAnalysisFormat } from './format';
import { StandingCard } from './StandingCard';
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
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const { total } = analysis;
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {t('analysis.yourScore')}
      </Text>
      <Text fz={32} fw={800} data-testid="total-score">
        {f.number(analysis.totalMarks)} / {f.number(total.maxMarks)}
      </Text>
      <Text size="sm">
        {t('analysis.scoreLine', {
          correct: f.number(total.correct),
          incorrect: f.number(total.incorrect),
          partial: f.number(total.partial),
          unattempted: f.number(total.unattempted),
          accuracy: f.share(total.accuracy),
          attemptRate: f.share(total.attemptRate),
        })}
      </Text>
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
  examId,
}: {
  attemptId: string;
  /** Staff: read through the exam (no candidate's notice about submitting). */
  examId?: string;
  title: string;
  submitReason: string | null;
  language: Language;
}) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const analysis = useQuery({
    queryKey: ['analysis', attemptId, examId ?? null],
    queryFn: () => (examId ? fetchStaffAnalysis(examId, attemptId) : fetchAnalysis(attemptId)),
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
        {!examId && (
          <Alert
            color={isByDeadline ? 'orange' : 'teal'}
            title={isByDeadline ? t('analysis.timeUp') : t('analysis.submitted')}
            data-testid="submitted-notice"
          >
            {t('analysis.thanks')} <Link to="/">{t('analysis.backToDashboard')}</Link>
          </Alert>
        )}
        {notReleased && (
          <Paper withBorder p="md" radius="md" data-testid="awaiting-result">
            <Title order={2} fz="h4">
              {t('analysis.awaitingTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {releasesAt
                ? t('analysis.releasesOn', { date: format.dateTime(releasesAt) })
                : t('analysis.releasedByInstitute')}
            </Text>
          </Paper>
        )}
        {analysis.isPending && <Loader aria-label={t('analysis.loading')} />}
        {analysis.isError && !notReleased && (
          <Alert color="red" title={t('analysis.loadFailed')}>
            {t('analysis.tryLater')}
          </Alert>
        )}
        {data && !data.answerKeyShown && (
          <Alert color="gray" title={t('analysis.keyWithheldTitle')} data-testid="answer-key-withheld">
            {t('analysis.keyWithheld')}
          </Alert>
        )}
        {data && (
          <>
            <ScoreCard analysis={data} />
            <StandingCard analysis={data} />
            <CountsTable analysis={data} />
            <SummaryCharts analysis={data} />
            <TimeInsights analysis={data} />
            <KeyRevisionsPanel examId={data.examId} isOwnResult={!examId} />
            <Group justify="space-between" align="center">
              <Title order={2} fz="h4">
                {t('analysis.byQuestion')}
              </Title>
              {languages.length > 1 && (
                <SegmentedControl
                  aria-label={t('analysis.contentLanguage')}
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
