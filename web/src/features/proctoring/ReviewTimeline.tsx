// The review's timeline: events and the proctors' actions in one order; each event with its
// snapshot (a click enlarges it) and, when the screen was recorded, the chunk covering it.
import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconClockPlus,
  IconMessage,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  type Icon,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KindIcon, SnapshotThumb } from './cells';
import { buildTimeline, type ScreenClip, type TimelineItem } from './timeline';
import { evidenceUrl, type ActionKind, type Review } from './types';
import { useClockFormat } from './useClockFormat';

const PAGE = 100;

const actionIcons: Record<ActionKind, Icon> = {
  message: IconMessage,
  warn: IconAlertTriangle,
  pause: IconPlayerPause,
  resume: IconPlayerPlay,
  extend: IconClockPlus,
  terminate: IconPlayerStop,
};

function ClipPlayer({ clip, label }: { clip: ScreenClip; label: string }) {
  return (
    // A screen recording has no sound and no speech to caption; `preload="none"` fetches (and logs a
    // view of) the chunk only when the reviewer plays it.
    <video
      src={evidenceUrl(clip.evidenceId)}
      controls
      muted
      preload="none"
      aria-label={label}
      style={{ width: '100%', maxWidth: 420, borderRadius: 4, background: 'black' }}
      onLoadedMetadata={(event) => {
        event.currentTarget.currentTime = clip.offsetSeconds;
      }}
      data-testid="screen-clip"
    />
  );
}

function EventItem({
  item,
  onEnlarge,
}: {
  item: Extract<TimelineItem, { type: 'event' }>;
  onEnlarge: (evidenceId: string, at: number) => void;
}) {
  const { t } = useTranslation();
  const clock = useClockFormat();
  const { event } = item;
  const at = clock.time(item.at);
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t(`proctoring.kinds.${event.kind}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {at}
          {event.durationMs > 0 &&
            ` · ${t('proctoring.review.duration', { duration: clock.duration(event.durationMs) })}`}
        </Text>
        {event.questionNumber !== null && (
          <Badge size="sm" variant="light" color="gray" tt="none">
            {t('proctoring.review.question', { number: event.questionNumber })}
          </Badge>
        )}
      </Group>
      {(item.snapshotId || item.clip) && (
        <Group gap="sm" align="flex-start" wrap="wrap">
          {item.snapshotId && (
            <UnstyledButton
              onClick={() => onEnlarge(item.snapshotId as string, item.at)}
              aria-label={t('proctoring.review.enlarge', { at })}
            >
              <SnapshotThumb evidenceId={item.snapshotId} alt="" width={96} />
            </UnstyledButton>
          )}
          {item.clip && <ClipPlayer clip={item.clip} label={t('proctoring.review.recording', { at })} />}
        </Group>
      )}
    </Stack>
  );
}

function ActionItem({ item }: { item: Extract<TimelineItem, { type: 'action' }> }) {
  const { t } = useTranslation();
  const clock = useClockFormat();
  const { action } = item;
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" fw={600} c="indigo.8">
          {t('proctoring.review.actionBy', {
            action: t(`proctoring.actions.kind.${action.kind}`),
            name: action.by.name,
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {clock.time(item.at)}
          {action.minutes !== null &&
            ` · ${t('proctoring.review.minutesAdded', { minutes: action.minutes })}`}
        </Text>
      </Group>
      {action.text && <Text size="sm">“{action.text}”</Text>}
      <Text size="xs" c="dimmed">
        {t('proctoring.review.reason')}: {action.reason}
      </Text>
    </Stack>
  );
}

export function ReviewTimeline({ review }: { review: Review }) {
  const { t } = useTranslation();
  const clock = useClockFormat();
  const items = useMemo(
    () => buildTimeline(review.events, review.actions, review.evidence),
    [review.events, review.actions, review.evidence],
  );
  const [shown, setShown] = useState(PAGE);
  const [enlarged, setEnlarged] = useState<{ evidenceId: string; at: number } | null>(null);

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="h4" mb="sm">
        {t('proctoring.review.timelineTitle')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('proctoring.review.noEvents')}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} data-testid="review-timeline">
          {items.slice(0, shown).map((item) => (
            <Timeline.Item
              key={`${item.type}:${item.type === 'event' ? item.event.id : item.action.id}`}
              bullet={
                item.type === 'event' ? (
                  <ThemeIcon size={26} radius="xl" color="orange" variant="light">
                    <KindIcon kind={item.event.kind} size={14} />
                  </ThemeIcon>
                ) : (
                  <ActionBullet kind={item.action.kind} />
                )
              }
            >
              {item.type === 'event' ? (
                <EventItem item={item} onEnlarge={(evidenceId, at) => setEnlarged({ evidenceId, at })} />
              ) : (
                <ActionItem item={item} />
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {items.length > shown && (
        <Button variant="subtle" mt="sm" onClick={() => setShown((n) => n + PAGE)}>
          {t('proctoring.review.showMore')}
        </Button>
      )}
      <Modal
        opened={enlarged !== null}
        onClose={() => setEnlarged(null)}
        size="lg"
        centered
        title={enlarged ? t('proctoring.review.snapshot', { at: clock.time(enlarged.at) }) : ''}
      >
        {enlarged && (
          <img
            src={evidenceUrl(enlarged.evidenceId)}
            alt={t('proctoring.review.snapshot', { at: clock.time(enlarged.at) })}
            style={{ width: '100%', height: 'auto', display: 'block', borderRadius: 4 }}
          />
        )}
      </Modal>
    </Paper>
  );
}

function ActionBullet({ kind }: { kind: ActionKind }) {
  const Glyph = actionIcons[kind];
  return (
    <ThemeIcon size={26} radius="xl" color={kind === 'terminate' ? 'red' : 'indigo'} variant="filled">
      <Glyph size={14} />
    </ThemeIcon>
  );
}
