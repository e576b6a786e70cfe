import { Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { CountSummary } from '@examtech/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalysisFormat } from './format';
import type { AttemptAnalysis } from './types';

/** recharts stays out of the exam room's bundle: the charts load when a result is shown. */
const AnalysisCharts = lazy(() => import('./Charts'));

function CountsRow({ name, counts }: { name: string; counts: CountSummary }) {
  const f = useAnalysisFormat();
  return (
    <Table.Tr>
      <Table.Th scope="row">{name}</Table.Th>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {f.number(counts.marks)} / {f.number(counts.maxMarks)}
      </Table.Td>
      <Table.Td>{f.number(counts.correct)}</Table.Td>
      <Table.Td>{f.number(counts.incorrect)}</Table.Td>
      <Table.Td>{f.number(counts.partial)}</Table.Td>
      <Table.Td>{f.number(counts.unattempted)}</Table.Td>
      <Table.Td>{f.share(counts.accuracy)}</Table.Td>
      <Table.Td>{f.share(counts.attemptRate)}</Table.Td>
    </Table.Tr>
  );
}

/** Marks and counts per section (by name) and subject; the table scrolls sideways on a phone. */
export function CountsTable({ analysis }: { analysis: AttemptAnalysis }) {
  const { t } = useTranslation();
  const rows = [
    ...analysis.sections.map((s) => ({ key: `section-${s.sectionId}`, name: s.name, counts: s })),
    ...(analysis.subjects.length > 1
      ? analysis.subjects.map((s) => ({ key: `subject-${s.subject}`, name: s.subject, counts: s }))
      : []),
  ];
  const head = [
    t('analysis.counts.part'),
    t('analysis.counts.marks'),
    t('analysis.counts.correct'),
    t('analysis.counts.incorrect'),
    t('analysis.counts.partial'),
    t('analysis.counts.unattempted'),
    t('analysis.counts.accuracy'),
    t('analysis.counts.attemptRate'),
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="sm">
        {t('analysis.counts.title')}
      </Title>
      <Table.ScrollContainer minWidth={660}>
        <Table striped withTableBorder data-testid="counts-table">
          <Table.Thead>
            <Table.Tr>
              {head.map((cell) => (
                <Table.Th key={cell}>{cell}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <CountsRow key={row.key} name={row.name} counts={row.counts} />
            ))}
            <CountsRow name={t('analysis.counts.total')} counts={analysis.total} />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Time per subject, as figures (a share of the total beside each). */
function TimePerSubject({ analysis }: { analysis: AttemptAnalysis }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const total = analysis.time.totalMs;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h5" mb="sm">
        {t('analysis.charts.timePerSubject')}
      </Title>
      <Stack gap={4}>
        {analysis.time.bySubject.map((s) => (
          <Group key={s.subject} justify="space-between" wrap="nowrap">
            <Text size="sm">{s.subject}</Text>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {f.duration(s.timeMs)} · {f.share(total > 0 ? s.timeMs / total : null)}
            </Text>
          </Group>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        {t('analysis.charts.totalTime', { time: f.duration(total) })}
      </Text>
    </Paper>
  );
}

/** Score breakdown, accuracy by difficulty and time per question (recharts, lazy), and time per subject. */
export function SummaryCharts({ analysis }: { analysis: AttemptAnalysis }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Suspense fallback={<Loader aria-label={t('analysis.charts.loading')} />}>
        <AnalysisCharts analysis={analysis} />
      </Suspense>
      <TimePerSubject analysis={analysis} />
    </Stack>
  );
}
