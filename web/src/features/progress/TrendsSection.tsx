import { Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconTrendingUp } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryContent } from '../../components/QueryContent';
import { useLocalFormat } from '../../i18n/format';
import { useTrends, type Trends } from './api';
import type { ChartPoint } from './TrendCharts';

// recharts is only fetched when a trend is drawn: its own chunk, never in the exam room's bundle.
const TrendChart = lazy(() => import('./TrendCharts'));

const OVERALL = '__overall__';
const colors = {
  score: 'var(--mantine-color-blue-6)',
  accuracy: 'var(--mantine-color-teal-6)',
  percentile: 'var(--mantine-color-grape-6)',
};

function TrendsBody({ data }: { data: Trends }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const [subject, setSubject] = useState(OVERALL);
  const label = (at: string) => format.date(at);
  const picked = data.subjects.find((s) => s.subject === subject);
  const series: ChartPoint[] = picked
    ? picked.points.map((p) => ({
        key: p.examId,
        label: label(p.at),
        score: p.scorePct,
        accuracy: p.accuracy,
      }))
    : data.overall.map((p) => ({
        key: p.examId,
        label: label(p.at),
        score: p.scorePct,
        accuracy: p.accuracy,
      }));
  const mocks: ChartPoint[] = data.overall
    .filter((p) => p.source === 'mock' && p.percentile !== null)
    .map((p) => ({ key: p.examId, label: label(p.at), percentile: p.percentile }));
  return (
    <Stack gap="sm">
      <Select
        label={t('trends.subject')}
        data={[
          { value: OVERALL, label: t('trends.overall') },
          ...data.subjects.map((s) => ({ value: s.subject, label: s.subject })),
        ]}
        value={subject}
        onChange={(value) => setSubject(value ?? OVERALL)}
        allowDeselect={false}
        maw={280}
        data-testid="trends-subject"
      />
      <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <TrendChart
            title={t('trends.scoreChart')}
            data={series}
            lines={[
              { dataKey: 'score', name: t('trends.score'), color: colors.score },
              { dataKey: 'accuracy', name: t('trends.accuracy'), color: colors.accuracy },
            ]}
          />
          {mocks.length > 0 ? (
            <TrendChart
              title={t('trends.percentileChart')}
              data={mocks}
              domain={[0, 100]}
              lines={[{ dataKey: 'percentile', name: t('trends.percentile'), color: colors.percentile }]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('trends.noMocks')}
            </Text>
          )}
        </SimpleGrid>
      </Suspense>
    </Stack>
  );
}

/** Score, percentile and accuracy over time, overall or for one subject. */
export function TrendsSection() {
  const { t } = useTranslation();
  const trends = useTrends();
  return (
    <Stack gap="sm" component="section" aria-labelledby="trends-title" data-testid="trends-section">
      <Title order={2} fz="h4" id="trends-title">
        {t('trends.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('trends.description')}
      </Text>
      <QueryContent
        query={trends}
        isEmpty={(data) => data.overall.length === 0}
        empty={
          <EmptyPanel
            icon={<IconTrendingUp size={28} />}
            title={t('trends.emptyTitle')}
            description={t('trends.emptyText')}
          />
        }
      >
        {(data) => <TrendsBody data={data} />}
      </QueryContent>
    </Stack>
  );
}
