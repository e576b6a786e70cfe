import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Leaderboard, LeaderboardRow } from './api';

const percent = (value: string) => Number(value).toFixed(2);

function Row({ row, showExams }: { row: LeaderboardRow; showExams: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Tr
      data-testid={row.isMe ? 'leaderboard-me' : 'leaderboard-row'}
      bg={row.isMe ? 'var(--mantine-color-indigo-light)' : undefined}
      aria-current={row.isMe ? 'true' : undefined}
    >
      <Table.Td fw={600} ff="monospace">
        {row.position}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="wrap" style={{ minWidth: 0 }}>
          <Text
            size="sm"
            lineClamp={2}
            style={{ overflowWrap: 'anywhere' }}
            fs={row.name === null ? 'italic' : undefined}
            c={row.name === null ? 'dimmed' : undefined}
          >
            {row.name ?? t('leaderboard.hiddenName')}
          </Text>
          {row.isMe && (
            <Badge size="xs" variant="filled" style={{ flexShrink: 0 }}>
              {t('leaderboard.you')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        {percent(row.percentile)}
      </Table.Td>
      {showExams && (
        <Table.Td ta="right" ff="monospace">
          {row.exams}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/**
 * The top rows with the reader's own highlighted; when the reader is below the top, their row is
 * pinned under it after a gap. Fixed column widths keep it inside a 390 px phone.
 */
export function LeaderboardTable({ board }: { board: Leaderboard }) {
  const { t } = useTranslation();
  const showExams = board.board.kind !== 'exam';
  const isMeBelow = board.me !== null && !board.top.some((r) => r.isMe);
  const columns = showExams ? 4 : 3;
  return (
    <Table
      striped={false}
      highlightOnHover
      layout="fixed"
      verticalSpacing="xs"
      horizontalSpacing="xs"
      aria-label={t('leaderboard.tableLabel', { count: board.top.length })}
      data-testid="leaderboard-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>{t('leaderboard.columns.position')}</Table.Th>
          <Table.Th>{t('leaderboard.columns.name')}</Table.Th>
          <Table.Th w={showExams ? 96 : 88} ta="right">
            {showExams ? t('leaderboard.columns.averagePercentile') : t('leaderboard.columns.percentile')}
          </Table.Th>
          {showExams && (
            <Table.Th w={60} ta="right">
              {t('leaderboard.columns.exams')}
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {board.top.map((row, i) => (
          <Row key={`${row.position}-${i}`} row={row} showExams={showExams} />
        ))}
        {isMeBelow && board.me && (
          <>
            <Table.Tr aria-hidden>
              <Table.Td colSpan={columns} ta="center" c="dimmed" py={2}>
                ⋮
              </Table.Td>
            </Table.Tr>
            <Row row={board.me} showExams={showExams} />
          </>
        )}
      </Table.Tbody>
    </Table>
  );
}
