import { Group, List, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Step 1 of every spreadsheet import: what goes in the file, and where to get the template. */
export function TemplateStepCard({ hints, downloads }: { hints: ReactNode[]; downloads: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <div>
          <Title order={2} fz="h4" mb={4}>
            1. Fill in the template
          </Title>
          <List size="sm" c="dimmed" spacing={2}>
            {hints.map((hint, index) => (
              <List.Item key={index}>{hint}</List.Item>
            ))}
          </List>
        </div>
        <Group gap="sm">{downloads}</Group>
      </Group>
    </Paper>
  );
}
