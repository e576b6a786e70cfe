import {
  Alert,
  Anchor,
  Badge,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryContent } from '../../components/QueryContent';
import { i18n } from '../../i18n';
import { addAlerts, beep, readSoundPreference, storeSoundPreference, unlockAudio } from './alerts';
import { AlertsPanel } from './AlertsPanel';
import { ROOM_CAP, useRoom } from './api';
import { CandidateDrawer } from './CandidateDrawer';
import { CandidateGrid } from './CandidateGrid';
import classes from './CandidateGrid.module.css';
import { countTotals, visibleRows, type RowFilter } from './rows';
import type { ProctorAlert, RoomData, Totals } from './types';
import { useLiveRoom, type LiveState } from './useLiveRoom';

/** The room's one toast: each batch of alerts replaces the last, so toasts never pile over the page. */
const TOAST_ID = 'proctor-alert';

function announce(batch: ProctorAlert[]): void {
  const [first] = batch;
  if (!first) return;
  notifications.hide(TOAST_ID);
  notifications.show({
    id: TOAST_ID,
    color: 'orange',
    autoClose: 4_000,
    title: batch.length === 1 ? first.name : i18n.t('proctoring.room.alerts.many', { count: batch.length }),
    message:
      batch.length === 1
        ? i18n.t(`proctoring.kinds.${first.kind}`)
        : [...new Set(batch.map((alert) => alert.name))].slice(0, 3).join(', '),
  });
}

function TotalsBar({ totals, compact }: { totals: Totals; compact: boolean }) {
  const { t } = useTranslation();
  const items: [keyof Totals, string][] = [
    ['all', 'gray'],
    ['notStarted', 'gray'],
    ['inExam', 'blue'],
    ['offline', 'orange'],
    ['submitted', 'teal'],
    ['flagged', 'red'],
  ];
  return (
    <Group gap="xs" aria-label={t('proctoring.room.totals.label')} role="group" data-testid="totals">
      {items.map(([key, colour]) => (
        <Badge key={key} color={colour} variant="light" tt="none" size={compact ? 'md' : 'lg'} fw={500}>
          {t(`proctoring.room.totals.${key}`)}: <b>{totals[key]}</b>
        </Badge>
      ))}
    </Group>
  );
}

function LiveBadge({ live }: { live: LiveState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={live.connected ? 'red' : 'gray'}
      variant={live.connected ? 'filled' : 'light'}
      tt="none"
      style={{ flexShrink: 0 }}
    >
      {live.connected ? t('proctoring.room.live') : t('proctoring.room.reconnecting')}
    </Badge>
  );
}

function Room({
  examId,
  room,
  live,
  alerts,
  sound,
  toggleSound,
}: {
  examId: string;
  room: RoomData;
  live: LiveState;
  alerts: ProctorAlert[];
  sound: boolean;
  toggleSound: () => void;
}) {
  const { t } = useTranslation();
  const compact = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false }) ?? false;
  const [filter, setFilter] = useState<RowFilter>('all');
  const [batchId, setBatchId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [openUserId, setOpenUserId] = useState<string | null>(null);
  const warnAfter = room.exam.settings.warnAfterViolations;
  const rows = useMemo(
    () => visibleRows(room.candidates, { filter, batchId, search: debounced, warnAfter }),
    [room.candidates, filter, batchId, debounced, warnAfter],
  );
  // Beyond the cap only the server can count everyone.
  const totals = room.capped ? room.totals : countTotals(room.candidates, warnAfter);
  const openRow = openUserId ? (room.candidates.find((row) => row.userId === openUserId) ?? null) : null;

  return (
    <Stack gap="sm">
      {live.watchError && (
        <Alert color="yellow" variant="light">
          {t('proctoring.room.watchRefused')}
        </Alert>
      )}
      {room.capped && (
        <Text size="sm" c="dimmed">
          {t('proctoring.room.capped', { count: ROOM_CAP })}
        </Text>
      )}
      <TotalsBar totals={totals} compact={compact} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          data={(['all', 'flagged', 'offline'] as const).map((value) => ({
            value,
            label: t(`proctoring.room.filter.${value}`),
          }))}
          value={filter}
          onChange={(value) => setFilter(value)}
          aria-label={t('proctoring.room.filter.label')}
        />
        <Select
          label={t('proctoring.room.batch')}
          data={[
            { value: '', label: t('proctoring.room.allBatches') },
            ...room.batches.map((b) => ({ value: b.id, label: b.name })),
          ]}
          value={batchId ?? ''}
          onChange={(value) => setBatchId(value || null)}
          allowDeselect={false}
          w={{ base: '100%', sm: 200 }}
        />
        <TextInput
          label={t('proctoring.room.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          leftSection={<IconSearch size={16} />}
          w={{ base: '100%', sm: 260 }}
          type="search"
        />
        <Text size="xs" c="dimmed" ml="auto" aria-live="polite">
          {t('proctoring.room.shown', { shown: rows.length, total: room.candidates.length })}
        </Text>
      </Group>
      <div className={classes.layout}>
        <CandidateGrid
          rows={rows}
          offsetMs={room.clockOffsetMs}
          selectedUserId={openUserId}
          onOpen={setOpenUserId}
        />
        <div className={classes.alertsSlot}>
          <AlertsPanel
            alerts={alerts}
            sound={sound}
            onToggleSound={toggleSound}
            onOpen={setOpenUserId}
            compact={compact}
            height={compact ? 160 : 'max(360px, calc(100dvh - 390px))'}
          />
        </div>
      </div>
      <CandidateDrawer
        examId={examId}
        row={openRow}
        offsetMs={room.clockOffsetMs}
        compact={compact}
        onClose={() => setOpenUserId(null)}
      />
    </Stack>
  );
}

/** `/proctoring/:examId`: the live proctor room. */
export function ProctorRoomPage() {
  const { t } = useTranslation();
  const { examId = '' } = useParams();
  const room = useRoom(examId);
  const [alerts, setAlerts] = useState<ProctorAlert[]>([]);
  const [sound, setSound] = useState(readSoundPreference);
  const onAlerts = useCallback(
    (batch: ProctorAlert[]) => {
      setAlerts((list) => addAlerts(list, batch));
      announce(batch);
      if (sound) beep();
    },
    [sound],
  );
  const live = useLiveRoom(examId, onAlerts);
  const toggleSound = () => {
    const next = !sound;
    if (next) {
      // The click is the user gesture the browser needs before it lets a page play sound.
      unlockAudio();
      beep();
    }
    storeSoundPreference(next);
    setSound(next);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={1} fz={{ base: 20, sm: 24 }} style={{ overflowWrap: 'anywhere' }}>
            {room.data?.exam.title ?? t('proctoring.title')}
          </Title>
          <LiveBadge live={live} />
        </Group>
        <Anchor component={Link} to="/proctoring" size="sm">
          ← {t('proctoring.room.back')}
        </Anchor>
      </Group>
      <QueryContent query={room}>
        {(data) => (
          <Room
            examId={examId}
            room={data}
            live={live}
            alerts={alerts}
            sound={sound}
            toggleSound={toggleSound}
          />
        )}
      </QueryContent>
    </Stack>
  );
}
