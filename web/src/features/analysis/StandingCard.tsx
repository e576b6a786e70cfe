import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable';
import type { AttemptAnalysis, Figures } from './types';

const figure = (value: number | null) => (value === null ? '—' : String(Math.round(value * 100) / 100));

function Place({
  label,
  rank,
  percentile,
  count,
}: {
  label: string;
  rank: number | null;
  percentile: string | null;
  count: number;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} data-testid="standing-rank">
        {t('results.standing.rank', { rank: rank ?? '—', count })}
      </Text>
      <Text size="sm" data-testid="standing-percentile">
        {t('results.standing.percentile', { percentile: percentile ?? '—' })}
      </Text>
    </Paper>
  );
}

function ComparisonRow({ name, figures }: { name: string; figures: Figures }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{name}</Table.Th>
      <Table.Td>{figure(figures.average)}</Table.Td>
      <Table.Td>{figure(figures.topper)}</Table.Td>
      <Table.Td>{figure(figures.p90)}</Table.Td>
    </Table.Tr>
  );
}

/** Rank and NTA percentile in the institute and the batch, and the class's average, topper and 90th percentile. */
export function StandingCard({ analysis }: { analysis: AttemptAnalysis }) {
  const { t } = useTranslation();
  const { standing, comparison } = analysis;
  if (!standing && !comparison) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="standing">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('results.standing.title')}
        </Title>
        {standing && standing.status !== 'ranked' && (
          <Alert color="yellow" data-testid="standing-status">
            {standing.status === 'withheld'
              ? t('results.standing.withheld')
              : t('results.standing.disqualified')}
          </Alert>
        )}
        {standing?.institute && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Place label={t('results.standing.institute')} {...standing.institute} />
            {standing.batches.map((b) => (
              <Place key={b.batchId} label={t('results.standing.inBatch')} {...b} />
            ))}
          </SimpleGrid>
        )}
        {comparison && comparison.overall.count > 0 && (
          <>
            <Group>
              <Text fw={600} size="sm">
                {t('results.standing.comparison')}
              </Text>
            </Group>
            <ScrollTable
              minWidth={420}
              aria-label={t('results.standing.comparison')}
              head={
                <>
                  <Table.Th>{t('results.standing.subject')}</Table.Th>
                  <Table.Th>{t('results.standing.average')}</Table.Th>
                  <Table.Th>{t('results.standing.topper')}</Table.Th>
                  <Table.Th>{t('results.standing.p90')}</Table.Th>
                </>
              }
            >
              <ComparisonRow name={t('results.standing.overall')} figures={comparison.overall} />
              {comparison.subjects.map((s) => (
                <ComparisonRow key={s.subject} name={s.subject} figures={s} />
              ))}
            </ScrollTable>
          </>
        )}
      </Stack>
    </Paper>
  );
}
