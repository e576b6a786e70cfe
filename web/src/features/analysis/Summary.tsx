import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { CountSummary } from '@examtech/core';
import { Bars } from './Bars';
import { difficultyColour, formatDuration, formatShare } from './format';
import type { AttemptAnalysis } from './types';

function CountsRow({ name, counts }: { name: string; counts: CountSummary }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{name}</Table.Th>
      <Table.Td>
        {counts.marks} / {counts.maxMarks}
      </Table.Td>
      <Table.Td>{counts.correct}</Table.Td>
      <Table.Td>{counts.incorrect}</Table.Td>
      <Table.Td>{counts.partial}</Table.Td>
      <Table.Td>{counts.unattempted}</Table.Td>
      <Table.Td>{formatShare(counts.accuracy)}</Table.Td>
      <Table.Td>{formatShare(counts.attemptRate)}</Table.Td>
    </Table.Tr>
  );
}

/** Marks and counts per section and subject; the table scrolls sideways on a phone. */
export function CountsTable({ analysis }: { analysis: AttemptAnalysis }) {
  const rows = [
    ...analysis.sections.map((s) => ({ key: `section-${s.sectionId}`, name: s.name, counts: s })),
    ...(analysis.subjects.length > 1
      ? analysis.subjects.map((s) => ({ key: `subject-${s.subject}`, name: s.subject, counts: s }))
      : []),
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="sm">
        Marks by section and subject
      </Title>
      <Table.ScrollContainer minWidth={620}>
        <Table striped withTableBorder data-testid="counts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Part</Table.Th>
              <Table.Th>Marks</Table.Th>
              <Table.Th>Correct</Table.Th>
              <Table.Th>Incorrect</Table.Th>
              <Table.Th>Partial</Table.Th>
              <Table.Th>Unattempted</Table.Th>
              <Table.Th>Accuracy</Table.Th>
              <Table.Th>Attempt rate</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <CountsRow key={row.key} name={row.name} counts={row.counts} />
            ))}
            <CountsRow name="Total" counts={analysis.total} />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Score breakdown, accuracy by difficulty and time per subject, as bars. */
export function SummaryCharts({ analysis }: { analysis: AttemptAnalysis }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="h5" mb="sm">
          Score breakdown
        </Title>
        <Bars
          label="Marks per section"
          bars={analysis.sections.map((s) => ({
            label: s.name,
            value: s.marks,
            max: s.maxMarks,
            caption: `${s.marks} / ${s.maxMarks}`,
          }))}
        />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="h5" mb="sm">
          Accuracy by difficulty
        </Title>
        <Bars
          label="Accuracy by difficulty"
          bars={analysis.byDifficulty.map((d) => ({
            label: d.difficulty[0]!.toUpperCase() + d.difficulty.slice(1),
            value: d.accuracy ?? 0,
            max: 1,
            colour: difficultyColour[d.difficulty],
            caption: `${formatShare(d.accuracy)} · ${d.correct} of ${d.attempted} attempted (${d.questions} questions)`,
          }))}
        />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="h5" mb="sm">
          Time per subject
        </Title>
        <Bars
          label="Time per subject"
          bars={analysis.time.bySubject.map((s) => ({
            label: s.subject,
            value: s.timeMs,
            max: analysis.time.totalMs,
            colour: 'grape',
            caption: formatDuration(s.timeMs),
          }))}
        />
        <Text size="xs" c="dimmed" mt="xs">
          Total {formatDuration(analysis.time.totalMs)}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}
