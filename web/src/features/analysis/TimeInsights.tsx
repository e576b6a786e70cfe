import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAnalysisFormat } from './format';
import type { AttemptAnalysis } from './types';

const OUTCOME_GROUPS = ['correct', 'partial', 'incorrect', 'unattempted'] as const;

function NumberList({ title, numbers, hint }: { title: string; numbers: number[]; hint: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      <Text size="sm">
        {numbers.length
          ? numbers.map((number) => t('analysis.q', { number })).join(', ')
          : t('analysis.time.none')}
      </Text>
    </div>
  );
}

/** Where the time went: per outcome, the flagged questions, and the route taken through the paper. */
export function TimeInsights({ analysis }: { analysis: AttemptAnalysis }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const { time } = analysis;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="h5" mb="sm">
          {t('analysis.time.title')}
        </Title>
        <Stack gap={4} mb="sm">
          {OUTCOME_GROUPS.map((key) => (
            <Group key={key} justify="space-between" wrap="nowrap">
              <Text size="sm">{t(`analysis.outcomeGroups.${key}`)}</Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {f.duration(time.byOutcome[key])}
              </Text>
            </Group>
          ))}
        </Stack>
        <Stack gap="xs" data-testid="time-flags">
          {analysis.answerKeyShown && (
            <>
              <NumberList
                title={t('analysis.time.slowCorrect')}
                numbers={time.slowCorrect}
                hint={t('analysis.time.slowCorrectHint')}
              />
              <NumberList
                title={t('analysis.time.careless')}
                numbers={time.careless}
                hint={t('analysis.time.carelessHint')}
              />
            </>
          )}
          <NumberList
            title={t('analysis.time.unanswered', { time: f.duration(time.unansweredTimeMs) })}
            numbers={time.unansweredWithTime}
            hint={t('analysis.time.unansweredHint')}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="h5" mb="sm">
          {t('analysis.time.route')}
        </Title>
        <Group gap={4} data-testid="navigation-trail" aria-label={t('analysis.time.routeLabel')}>
          {analysis.navigation.map((number, i) => (
            <Badge
              key={number}
              variant="light"
              tt="none"
              aria-label={t('analysis.time.step', { step: i + 1, number })}
            >
              {t('analysis.q', { number })}
            </Badge>
          ))}
        </Group>
        {analysis.navigation.length === 0 && <Text size="sm">{t('analysis.time.noneOpened')}</Text>}
      </Paper>
    </SimpleGrid>
  );
}
