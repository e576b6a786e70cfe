import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryContent } from '../../components/QueryContent';
import { useTrends, type TrendPoint } from './api';

/** How many of the latest results the card lists. */
const RECENT = 3;

function Direction({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null) return null;
  const value = Math.abs(change).toFixed(1);
  if (change > 0)
    return (
      <Group gap={4} c="teal.7" data-testid="trend-direction" data-direction="up">
        <IconArrowUpRight size={16} aria-hidden />
        <Text size="sm">{t('trends.up', { value })}</Text>
      </Group>
    );
  if (change < 0)
    return (
      <Group gap={4} c="red.7" data-testid="trend-direction" data-direction="down">
        <IconArrowDownRight size={16} aria-hidden />
        <Text size="sm">{t('trends.down', { value })}</Text>
      </Group>
    );
  return (
    <Group gap={4} c="dimmed" data-testid="trend-direction" data-direction="same">
      <IconArrowRight size={16} aria-hidden />
      <Text size="sm">{t('trends.same')}</Text>
    </Group>
  );
}

function Summary({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const scored = points.filter((p) => p.scorePct !== null);
  const last = scored.at(-1);
  const previous = scored.at(-2);
  const change = last && previous ? (last.scorePct ?? 0) - (previous.scorePct ?? 0) : null;
  const lastMock = points.filter((p) => p.percentile !== null).at(-1);
  return (
    <Stack gap={6}>
      {last && (
        <Text fw={600} data-testid="trend-latest-score">
          {t('trends.latestScore', { value: last.scorePct })}
        </Text>
      )}
      <Direction change={change} />
      {lastMock && (
        <Text size="sm" data-testid="trend-latest-percentile">
          {t('trends.latestPercentile', { value: lastMock.percentile })}
        </Text>
      )}
      <Stack gap={2}>
        {points
          .slice(-RECENT)
          .reverse()
          .map((p) => (
            <Group key={p.examId} gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" truncate>
                {p.title}
              </Text>
              <Group gap={6} wrap="nowrap">
                <Badge size="xs" variant="light" color={p.source === 'mock' ? 'grape' : 'blue'}>
                  {t(`trends.${p.source}`)}
                </Badge>
                <Text size="sm" ff="monospace">
                  {p.scorePct === null ? t('common.none') : `${p.scorePct}%`}
                </Text>
              </Group>
            </Group>
          ))}
      </Stack>
    </Stack>
  );
}

/** For the dashboard: the latest results' scores, the direction of the last change and the last mock percentile. */
export function TrendSummaryCard() {
  const { t } = useTranslation();
  const trends = useTrends();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="trend-summary-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h5" id="trend-summary-title">
            {t('trends.summaryTitle')}
          </Title>
          <Anchor component={Link} to="/progress" size="sm">
            {t('trends.summaryLink')}
          </Anchor>
        </Group>
        <QueryContent
          query={trends}
          isEmpty={(data) => data.overall.length === 0}
          empty={
            <Text size="sm" c="dimmed">
              {t('trends.emptyText')}
            </Text>
          }
        >
          {(data) => <Summary points={data.overall} />}
        </QueryContent>
      </Stack>
    </Paper>
  );
}
