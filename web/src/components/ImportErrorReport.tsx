import { Alert, Group, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ScrollTable } from './ScrollTable';

export interface ImportRowProblem {
  row: number;
  column: string;
  /** The offending cell, when the server reports it. */
  value?: string;
  message: string;
}

/** Every spreadsheet import reports a rejected file the same way: what to do, a report, and each problem by row and column. */
export function ImportErrorReport({
  description,
  download,
  errors,
}: {
  description: ReactNode;
  download: ReactNode;
  errors: ImportRowProblem[];
}) {
  const hasValues = errors.some((error) => error.value !== undefined);
  return (
    <>
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title="Nothing was imported"
        role="alert"
        mb="md"
      >
        <Group justify="space-between" align="flex-end">
          <Text size="sm">{description}</Text>
          {download}
        </Group>
      </Alert>
      <ScrollTable
        minWidth={560}
        maxHeight={480}
        aria-label="Import errors"
        head={
          <>
            <Table.Th w={70}>Row</Table.Th>
            <Table.Th w={150}>Column</Table.Th>
            {hasValues && <Table.Th>Value</Table.Th>}
            <Table.Th>Problem</Table.Th>
          </>
        }
      >
        {errors.map((error, index) => (
          <Table.Tr key={`${error.row}-${error.column}-${index}`}>
            <Table.Td fw={600}>{error.row}</Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {error.column || '—'}
              </Text>
            </Table.Td>
            {hasValues && (
              <Table.Td>
                <Text size="sm" c={error.value ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                  {error.value || '(empty)'}
                </Text>
              </Table.Td>
            )}
            <Table.Td style={{ whiteSpace: 'normal' }}>
              <Text size="sm" c="red.8">
                {error.message}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </ScrollTable>
    </>
  );
}
