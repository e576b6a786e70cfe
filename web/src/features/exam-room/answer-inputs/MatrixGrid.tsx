import { Checkbox, SimpleGrid, Table, Text } from '@mantine/core';
import type { ChoiceSpec, LocalizedChoice } from '@examtech/core';
import { useTranslation } from 'react-i18next';
import { MathMarkdown } from '../../../components/MathMarkdown';
import type { Language } from '../types';
import { useMatchListTitles } from './match-list-titles';

const textOf = (choices: readonly LocalizedChoice[] | undefined, id: string) =>
  choices?.find((c) => c.id === id)?.text ?? '';

/** List I and List II, then a grid of checkboxes: row x column. */
export function MatrixGrid({
  rows,
  columns,
  rowText,
  columnText,
  matches,
  allowMultiplePerRow,
  language,
  onChange,
}: {
  rows: readonly ChoiceSpec[];
  columns: readonly ChoiceSpec[];
  rowText: readonly LocalizedChoice[] | undefined;
  columnText: readonly LocalizedChoice[] | undefined;
  matches: Readonly<Record<string, readonly string[]>>;
  allowMultiplePerRow: boolean;
  /** The headings are part of the question: in its language ("सूची I"), not the interface's. */
  language: Language;
  onChange: (matches: Record<string, string[]>) => void;
}) {
  const { t } = useTranslation();
  const titles = useMatchListTitles(language);
  const toggle = (rowId: string, columnId: string) => {
    const current = matches[rowId] ?? [];
    const next = current.includes(columnId)
      ? current.filter((c) => c !== columnId)
      : allowMultiplePerRow
        ? [...current, columnId]
        : [columnId];
    onChange({ ...Object.fromEntries(Object.entries(matches).map(([k, v]) => [k, [...v]])), [rowId]: next });
  };
  return (
    <>
      <SimpleGrid cols={2} mb="sm">
        {[
          { title: titles.rows, ids: rows, choices: rowText },
          { title: titles.columns, ids: columns, choices: columnText },
        ].map((list) => (
          <div key={list.title}>
            <Text fw={600} size="sm" mb={4}>
              {list.title}
            </Text>
            {list.ids.map(({ id }) => (
              <Text key={id} size="sm" component="div">
                <b>{id.toUpperCase()}.</b> <MathMarkdown inline>{textOf(list.choices, id)}</MathMarkdown>
              </Text>
            ))}
          </div>
        ))}
      </SimpleGrid>
      {/* A wide grid scrolls inside its own box on a narrow phone, never the page. */}
      <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Table withTableBorder withColumnBorders w="auto" aria-label={t('examRoom.question.matchGrid')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {columns.map(({ id }) => (
                <Table.Th key={id}>{id.toUpperCase()}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ id: rowId }) => (
              <Table.Tr key={rowId}>
                <Table.Th>{rowId.toUpperCase()}</Table.Th>
                {columns.map(({ id: columnId }) => (
                  <Table.Td key={columnId}>
                    <Checkbox
                      aria-label={`${rowId.toUpperCase()} matches ${columnId.toUpperCase()}`}
                      checked={(matches[rowId] ?? []).includes(columnId)}
                      onChange={() => toggle(rowId, columnId)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}
