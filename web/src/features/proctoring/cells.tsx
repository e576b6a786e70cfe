// Small pieces shared by the grid, the drawer and the review page.
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { kindIcons } from './kind-icons';
import { isClockRunning, statusColour, trustBand, trustColour, violationEntries } from './rows';
import { formatTimeLeft, LOW_TIME_MS, timeLeftMs } from './time';
import {
  evidenceUrl,
  type CandidateRow,
  type CandidateStatus,
  type Decision,
  type ProctorEventKind,
} from './types';
import { useTick } from './useTick';

export function StatusBadge({ status }: { status: CandidateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" color={statusColour[status]} variant="light" tt="none" fw={600}>
      {t(`proctoring.status.${status}`)}
    </Badge>
  );
}

export function TrustBadge({ score, size = 'md' }: { score: number; size?: 'md' | 'lg' | 'xl' }) {
  const band = trustBand(score);
  return (
    <Badge
      component="span"
      color={trustColour[band]}
      variant={band === 'high' ? 'light' : 'filled'}
      size={size}
      data-band={band}
    >
      {score}
    </Badge>
  );
}

const decisionColour: Record<Decision, string> = {
  cleared: 'teal',
  warned: 'yellow',
  withheld: 'orange',
  disqualified: 'red',
};

export function DecisionBadge({ decision }: { decision: Decision | null }) {
  const { t } = useTranslation();
  if (decision === null)
    return (
      <Text component="span" size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  return (
    <Badge component="span" color={decisionColour[decision]} variant="outline" tt="none">
      {t(`proctoring.decision.${decision}`)}
    </Badge>
  );
}

export function KindIcon({ kind, size = 16 }: { kind: ProctorEventKind; size?: number }) {
  const KindGlyph = kindIcons[kind];
  return <KindGlyph size={size} stroke={1.7} aria-hidden />;
}

/** Icons with counts; each names its kind on hover and to screen readers. */
export function ViolationIcons({ row, max = 6 }: { row: Pick<CandidateRow, 'violations'>; max?: number }) {
  const { t } = useTranslation();
  const entries = violationEntries(row);
  if (entries.length === 0)
    return (
      <Text component="span" size="sm" c="dimmed">
        0
      </Text>
    );
  const shown = entries.slice(0, max);
  const hidden = entries.slice(max).reduce((sum, [, count]) => sum + count, 0);
  return (
    <Group component="span" gap={8} wrap="nowrap">
      {shown.map(([kind, count]) => (
        <Tooltip key={kind} label={t(`proctoring.kinds.${kind}`)} withinPortal>
          <Group
            component="span"
            gap={2}
            wrap="nowrap"
            c="orange.8"
            aria-label={`${t(`proctoring.kinds.${kind}`)}: ${count}`}
          >
            <KindIcon kind={kind} />
            <Text component="span" size="xs" fw={700}>
              {count}
            </Text>
          </Group>
        </Tooltip>
      ))}
      {hidden > 0 && (
        <Text component="span" size="xs" c="dimmed">
          +{hidden}
        </Text>
      )}
    </Group>
  );
}

/** Counts down each second on the server's clock; nothing while the attempt's clock is stopped. */
export function TimeLeft({
  row,
  offsetMs,
}: {
  row: Pick<CandidateRow, 'deadlineAt' | 'status'>;
  offsetMs: number;
}) {
  const { t } = useTranslation();
  const now = useTick();
  const left = isClockRunning(row.status) ? timeLeftMs(row.deadlineAt, now, offsetMs) : null;
  if (left === null)
    return (
      <Text component="span" size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  return (
    <Text
      component="span"
      size="sm"
      ff="monospace"
      c={left < LOW_TIME_MS ? 'red.7' : undefined}
      fw={left < LOW_TIME_MS ? 700 : undefined}
    >
      {formatTimeLeft(left)}
    </Text>
  );
}

export function SnapshotThumb({
  evidenceId,
  alt,
  width = 48,
}: {
  evidenceId: string | null;
  alt: string;
  width?: number;
}) {
  const height = Math.round((width * 3) / 4);
  if (evidenceId === null)
    return (
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width,
          height,
          borderRadius: 4,
          background: 'var(--mantine-color-gray-2)',
        }}
      />
    );
  return (
    <img
      src={evidenceUrl(evidenceId)}
      alt={alt}
      width={width}
      height={height}
      loading="lazy"
      decoding="async"
      style={{
        objectFit: 'cover',
        borderRadius: 4,
        background: 'var(--mantine-color-gray-2)',
        display: 'block',
      }}
    />
  );
}
