import { Button, Collapse, Paper, Table, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ChartTable = { head: string[]; rows: { key: string; cells: (string | number)[] }[] };

/**
 * One chart with its title and description; the drawing is an image to assistive technology
 * (named by the title, described by the text) and the same figures are a table behind a toggle.
 */
export function ChartCard({
  title,
  description,
  table,
  testId,
  children,
}: {
  title: string;
  description: string;
  table: ChartTable;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId} style={{ minWidth: 0 }}>
      <Title order={2} fz="h5" id={`${id}-title`}>
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="sm" id={`${id}-desc`}>
        {description}
      </Text>
      <div role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        {children}
      </div>
      <Button
        variant="subtle"
        size="compact-xs"
        mt={4}
        onClick={() => setShowTable((v) => !v)}
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
      >
        {showTable ? t('analysis.charts.hideTable') : t('analysis.charts.showTable')}
      </Button>
      <Collapse expanded={showTable} id={`${id}-table`}>
        <Table.ScrollContainer minWidth={260}>
          <Table fz="xs" verticalSpacing={4} striped>
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {table.head.map((cell) => (
                  <Table.Th key={cell}>{cell}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row) => (
                <Table.Tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <Table.Th key={i} scope="row">
                        {cell}
                      </Table.Th>
                    ) : (
                      <Table.Td key={i}>{cell}</Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </Paper>
  );
}
