import {
  ActionIcon,
  Badge,
  Collapse,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconVolume, IconVolumeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertTime } from './alerts';
import classes from './CandidateGrid.module.css';
import { KindIcon } from './cells';
import type { ProctorAlert } from './types';
import { useClockFormat } from './useClockFormat';

/** Every violation as it happens, newest first; a click opens the candidate. */
export function AlertsPanel({
  alerts,
  sound,
  onToggleSound,
  onOpen,
  height,
  compact,
}: {
  alerts: ProctorAlert[];
  sound: boolean;
  onToggleSound: () => void;
  onOpen: (userId: string) => void;
  height: number | string;
  /** On phones the list starts folded, so the grid stays in view. */
  compact: boolean;
}) {
  const { t } = useTranslation();
  const clock = useClockFormat();
  const [unfolded, setUnfolded] = useState(false);
  const open = !compact || unfolded;
  const title = (
    <Group gap="xs" wrap="nowrap">
      <Text id="proctor-alerts-title" component="span" fw={600} size="sm">
        {t('proctoring.room.alerts.title')}
      </Text>
      {alerts.length > 0 && (
        <Badge component="span" size="sm" color="orange" variant="light">
          {alerts.length}
        </Badge>
      )}
      {compact && (open ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />)}
    </Group>
  );
  const soundLabel = sound ? t('proctoring.room.sound.on') : t('proctoring.room.sound.off');
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="proctor-alerts-title">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        {compact ? (
          <UnstyledButton onClick={() => setUnfolded((u) => !u)} aria-expanded={open}>
            {title}
          </UnstyledButton>
        ) : (
          title
        )}
        <Tooltip label={soundLabel}>
          <ActionIcon
            variant={sound ? 'filled' : 'default'}
            onClick={onToggleSound}
            aria-label={soundLabel}
            aria-pressed={sound}
            data-testid="alert-sound"
          >
            {sound ? <IconVolume size={18} /> : <IconVolumeOff size={18} />}
          </ActionIcon>
        </Tooltip>
      </Group>
      <Collapse expanded={open}>
        <ScrollArea h={height} type="auto" offsetScrollbars>
          {alerts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('proctoring.room.alerts.empty')}
            </Text>
          ) : (
            <Stack gap={2} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
              {alerts.map((alert) => (
                <li key={alert.id}>
                  <UnstyledButton
                    onClick={() => onOpen(alert.userId)}
                    aria-label={t('proctoring.room.alerts.open', { name: alert.name })}
                    w="100%"
                    p={6}
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                    className={classes.alert}
                    data-testid="proctor-alert"
                  >
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Text component="span" c="orange.8" mt={2}>
                        <KindIcon kind={alert.kind} />
                      </Text>
                      <Stack component="span" gap={0} style={{ minWidth: 0 }}>
                        <Text component="span" size="sm" fw={600} truncate>
                          {alert.name}
                        </Text>
                        <Text component="span" size="xs" c="dimmed">
                          {t(`proctoring.kinds.${alert.kind}`)} · {clock.time(alertTime(alert))}
                        </Text>
                      </Stack>
                    </Group>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
        </ScrollArea>
      </Collapse>
    </Paper>
  );
}
