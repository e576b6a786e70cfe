import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { ScrollTable } from '../../components/ScrollTable';
import { downloadCsv } from '../../lib/csv';
import type { ImportRowError } from '../../lib/types';

export function ImportErrors({
  fileName,
  rowCount,
  errors,
}: {
  fileName: string;
  rowCount: number;
  errors: ImportRowError[];
}) {
  const rows = new Set(errors.map((error) => error.row)).size;
  const downloadReport = () =>
    downloadCsv(
      fileName.replace(/\.csv$/i, '') + '-errors.csv',
      ['row', 'column', 'value', 'message'],
      errors.map((error) => [error.row, error.column, error.value, error.message]),
    );

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
          <Text size="sm">
            Found {errors.length} problem{errors.length === 1 ? '' : 's'} in {rows} of {rowCount} row
            {rowCount === 1 ? '' : 's'}. Fix them in your file and validate again — the import runs only when
            every row is valid.
          </Text>
          <Button
            size="xs"
            color="red"
            variant="white"
            leftSection={<IconDownload size={14} />}
            onClick={downloadReport}
          >
            Download error report
          </Button>
        </Group>
      </Alert>
      <ScrollTable
        minWidth={560}
        maxHeight={480}
        aria-label="Import errors"
        head={
          <>
            <Table.Th w={70}>Row</Table.Th>
            <Table.Th w={140}>Column</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Problem</Table.Th>
          </>
        }
      >
        {errors.map((error, index) => (
          <Table.Tr key={`${error.row}-${error.column}-${index}`}>
            <Table.Td fw={600}>{error.row}</Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {error.column}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={error.value ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                {error.value || '(empty)'}
              </Text>
            </Table.Td>
            <Table.Td>
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
