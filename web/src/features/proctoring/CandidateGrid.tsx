// The live grid: @tanstack/react-virtual mounts only the rows on screen, so 2,000 candidates and a
// merge every second stay smooth. At phone width each row is a compact two-line card.
import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './CandidateGrid.module.css';
import { DecisionBadge, SnapshotThumb, StatusBadge, TimeLeft, TrustBadge, ViolationIcons } from './cells';
import type { CandidateRow } from './types';

const ROW_HEIGHT = 60;
const COMPACT_ROW_HEIGHT = 76;
const HEADER_HEIGHT = 36;

interface RowProps {
  row: CandidateRow;
  offsetMs: number;
  selected: boolean;
  onOpen: (userId: string) => void;
}

function useRowLabel(row: CandidateRow): string {
  const { t } = useTranslation();
  return t('proctoring.room.rowLabel', {
    name: row.rollNumber ? `${row.name} (${row.rollNumber})` : row.name,
    status: t(`proctoring.status.${row.status}`),
    score: row.trustScore,
  });
}

const DesktopRow = memo(function DesktopRow({ row, offsetMs, selected, onOpen }: RowProps) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      className={`${classes.row} ${classes.columns}`}
      onClick={() => onOpen(row.userId)}
      aria-label={useRowLabel(row)}
      data-selected={selected || undefined}
      data-testid="candidate-row"
    >
      <span className={classes.cell}>
        <Text component="span" size="sm" fw={600} display="block" truncate>
          {row.name}
        </Text>
        <Text component="span" size="xs" c="dimmed" display="block" truncate>
          {row.rollNumber ?? t('common.none')}
        </Text>
      </span>
      <span>
        <StatusBadge status={row.status} />
      </span>
      <span>
        <TimeLeft row={row} offsetMs={offsetMs} />
      </span>
      <Text component="span" size="sm">
        {row.answered}
      </Text>
      <span>
        <SnapshotThumb
          evidenceId={row.latestSnapshot?.evidenceId ?? null}
          alt={t('proctoring.room.snapshotOf', { name: row.name })}
        />
      </span>
      <span className={classes.cell}>
        <ViolationIcons row={row} />
      </span>
      <span>
        <TrustBadge score={row.trustScore} />
      </span>
      <span>
        <DecisionBadge decision={row.decision} />
      </span>
    </UnstyledButton>
  );
});

const CompactRow = memo(function CompactRow({ row, offsetMs, selected, onOpen }: RowProps) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      className={`${classes.row} ${classes.compactColumns}`}
      onClick={() => onOpen(row.userId)}
      aria-label={useRowLabel(row)}
      data-selected={selected || undefined}
      data-testid="candidate-row"
    >
      <SnapshotThumb
        evidenceId={row.latestSnapshot?.evidenceId ?? null}
        alt={t('proctoring.room.snapshotOf', { name: row.name })}
        width={56}
      />
      <Stack component="span" gap={4} className={classes.cell}>
        <Text component="span" size="sm" fw={600} truncate>
          {row.name}
          {row.rollNumber && (
            <Text component="span" size="xs" c="dimmed" fw={400}>
              {' · '}
              {row.rollNumber}
            </Text>
          )}
        </Text>
        <Group component="span" gap={8} wrap="nowrap">
          <StatusBadge status={row.status} />
          <TimeLeft row={row} offsetMs={offsetMs} />
          <ViolationIcons row={row} max={3} />
        </Group>
      </Stack>
      <Stack component="span" gap={4} align="flex-end">
        <TrustBadge score={row.trustScore} />
        <Text component="span" size="xs" c="dimmed">
          {t('proctoring.room.answeredCount', { count: row.answered })}
        </Text>
      </Stack>
    </UnstyledButton>
  );
});

function HeaderRow() {
  const { t } = useTranslation();
  const cols = [
    'candidate',
    'status',
    'timeLeft',
    'answered',
    'snapshot',
    'violations',
    'trust',
    'decision',
  ] as const;
  return (
    <div className={`${classes.header} ${classes.columns}`} aria-hidden>
      {cols.map((col) => (
        <span key={col} className={classes.cell}>
          {t(`proctoring.room.col.${col}`)}
        </span>
      ))}
    </div>
  );
}

export function CandidateGrid({
  rows,
  offsetMs,
  selectedUserId,
  onOpen,
}: {
  rows: CandidateRow[];
  offsetMs: number;
  selectedUserId: string | null;
  onOpen: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const compact = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false }) ?? false;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const headerHeight = compact ? 0 : HEADER_HEIGHT;
  // The library's functions are new on every render by design; the compiler lint knows and warns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.userId ?? index,
    overscan: 8,
    // The sticky header sits above the list inside the same scroller.
    scrollMargin: headerHeight,
  });
  const Row = compact ? CompactRow : DesktopRow;

  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed" py="lg" ta="center">
        {t('proctoring.room.noRows')}
      </Text>
    );

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      style={{ height: compact ? '70dvh' : 'max(420px, calc(100dvh - 330px))' }}
    >
      {!compact && <HeaderRow />}
      <div
        role="list"
        aria-label={t('proctoring.room.gridLabel')}
        style={{
          height: virtualizer.getTotalSize(),
          position: 'relative',
          minWidth: compact ? undefined : 852,
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as CandidateRow;
          return (
            <div
              key={item.key}
              role="listitem"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: item.size,
                transform: `translateY(${item.start - headerHeight}px)`,
              }}
            >
              <Row row={row} offsetMs={offsetMs} selected={row.userId === selectedUserId} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
