import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { QuestionImport } from '../../lib/types';

/** How far the server has got with checking or committing the rows. */
export function ImportProgress({ view }: { view: QuestionImport }) {
  const isCommitting = view.status === 'committing';
  const done = isCommitting ? view.committedCount : view.processedRows;
  const total = isCommitting ? view.summary.valid || view.totalRows : view.totalRows;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const label = isCommitting ? 'Adding questions to the bank' : 'Checking every row';

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{label}…</Text>
          <Text size="sm" c="dimmed">
            {total > 0
              ? `${done.toLocaleString('en-IN')} of ${total.toLocaleString('en-IN')} rows`
              : 'Reading the file'}
          </Text>
        </Group>
        <Progress
          value={total > 0 ? percent : 100}
          striped
          animated
          size="lg"
          aria-label={label}
          aria-valuetext={`${percent}%`}
        />
        <Text size="xs" c="dimmed">
          {view.fileName}
        </Text>
      </Stack>
    </Paper>
  );
}
