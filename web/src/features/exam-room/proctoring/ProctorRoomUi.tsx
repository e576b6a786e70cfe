// What the candidate sees of proctoring inside the room: the header's indicator, the prompts to
// return to full screen or share the screen / camera again, the proctor's warnings, messages and
// time changes, and the overlay while the proctor has paused the attempt.
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCamera,
  IconCameraOff,
  IconClockPlus,
  IconEye,
  IconMaximize,
  IconMessage,
  IconPlayerPause,
  IconScreenShare,
  IconScreenShareOff,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalFormat } from '../../../i18n/format';
import { PROCTOR_EVENT_KINDS, type ProctorEventKind, type Violations } from './kinds';
import type { ProctorView } from './proctoring-session';
import type { ProctorActions } from './useProctoring';

const isKnownKind = (kind: string | null): kind is ProctorEventKind =>
  (PROCTOR_EVENT_KINDS as readonly string[]).includes(kind ?? '');

/** Always in the header of a proctored exam: what is on, and the violation count. */
export function ProctorIndicator({
  view,
  violations,
  isCompact = false,
}: {
  view: ProctorView;
  violations: Violations | null;
  /** In a phone's narrow header row: the icon and the count, the words in their names and titles. */
  isCompact?: boolean;
}) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (view.camera !== 'not_used') parts.push(t(`proctoringRoom.indicator.camera.${view.camera}`));
  if (view.screen !== 'not_used') parts.push(t(`proctoringRoom.indicator.screen.${view.screen}`));
  const isDegraded = view.camera === 'lost' || view.screen === 'lost';
  const count = violations?.count ?? 0;
  const label =
    parts.length > 0
      ? `${t('proctoringRoom.indicator.label')}: ${parts.join(' / ')}`
      : t('proctoringRoom.indicator.label');
  const violationsText = t('proctoringRoom.indicator.violations', { count });
  const icon =
    view.camera === 'lost' ? (
      <IconCameraOff size={14} aria-hidden />
    ) : view.camera !== 'not_used' ? (
      <IconCamera size={14} aria-hidden />
    ) : (
      <IconEye size={14} aria-hidden />
    );
  const color = isDegraded ? 'red' : 'grape';
  if (isCompact)
    return (
      <Group gap={4} wrap="nowrap" data-testid="proctor-indicator" style={{ flex: 'none' }}>
        <Badge color={color} variant="light" px={6} role="img" aria-label={label} title={label}>
          {icon}
        </Badge>
        {count > 0 && (
          <Badge
            color="orange"
            variant="light"
            px={6}
            data-testid="proctor-violations"
            aria-label={violationsText}
            title={violationsText}
          >
            {count}
          </Badge>
        )}
      </Group>
    );
  return (
    <Group gap={6} wrap="nowrap" data-testid="proctor-indicator">
      <Badge color={color} variant="light" tt="none" leftSection={icon}>
        {label}
      </Badge>
      {count > 0 && (
        <Badge color="orange" variant="light" tt="none" data-testid="proctor-violations">
          {violationsText}
        </Badge>
      )}
    </Group>
  );
}

/** The screen share and the camera, when they stopped: banners that stay until they are back. */
export function ProctorBanners({ view, actions }: { view: ProctorView; actions: ProctorActions }) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const { timeChange } = view;
  return (
    <>
      {view.screen === 'lost' && (
        <Alert
          color="red"
          radius={0}
          icon={<IconScreenShareOff />}
          title={t('proctoringRoom.screenLost.title')}
          role="alert"
          data-testid="screen-lost"
        >
          <Stack gap={6} align="flex-start">
            <Text size="sm">{t('proctoringRoom.screenLost.text')}</Text>
            {view.screenError && (
              <Text size="sm" c="red.8">
                {t(`proctoringRoom.screenShare.errors.${view.screenError}`)}
              </Text>
            )}
            {view.screenError !== 'unsupported' && (
              <Button
                size="xs"
                leftSection={<IconScreenShare size={14} />}
                onClick={actions.shareScreenAgain}
              >
                {t('proctoringRoom.screenLost.action')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {view.camera === 'lost' && (
        <Alert
          color="red"
          radius={0}
          icon={<IconCameraOff />}
          title={t('proctoringRoom.cameraLost.title')}
          role="alert"
          data-testid="camera-lost"
        >
          <Stack gap={6} align="flex-start">
            <Text size="sm">{t('proctoringRoom.cameraLost.text')}</Text>
            <Button size="xs" leftSection={<IconCamera size={14} />} onClick={actions.turnCameraOn}>
              {t('proctoringRoom.cameraLost.action')}
            </Button>
          </Stack>
        </Alert>
      )}
      {timeChange && (
        <Alert
          color="teal"
          radius={0}
          icon={<IconClockPlus />}
          role="status"
          data-testid="time-changed"
          withCloseButton
          closeButtonLabel={t('common.dismiss')}
          onClose={actions.dismissTimeChange}
        >
          {timeChange.minutes > 0
            ? t('proctoringRoom.timeChange.added', { count: timeChange.minutes })
            : t('proctoringRoom.timeChange.removed', { count: -timeChange.minutes })}
          {timeChange.reason
            ? ` ${t('proctoringRoom.timeChange.reason', { reason: timeChange.reason })}`
            : ''}
        </Alert>
      )}
      <ProctorDialogs view={view} actions={actions} formatTime={(iso) => format.dateTime(iso)} />
    </>
  );
}

/** One dialog at a time: full screen first (it cannot wait), then a warning, then the proctor's messages. */
function ProctorDialogs({
  view,
  actions,
  formatTime,
}: {
  view: ProctorView;
  actions: ProctorActions;
  formatTime: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const { warning } = view;
  const message = view.messages[0];
  const locked = { withCloseButton: false, closeOnEscape: false, closeOnClickOutside: false } as const;
  if (view.isFullScreenLost)
    return (
      <Modal
        opened
        onClose={() => undefined}
        {...locked}
        centered
        title={t('proctoringRoom.fullScreen.title')}
      >
        <Stack gap="md" data-testid="fullscreen-prompt">
          <Text size="sm">{t('proctoringRoom.fullScreen.text')}</Text>
          {/* The proctor's latest message is read here too: it may be the very reason to return. */}
          {message && (
            <Alert
              variant="light"
              icon={<IconMessage size={18} aria-hidden />}
              title={t('proctoringRoom.message.title')}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {message.text}
              </Text>
            </Alert>
          )}
          <Button
            leftSection={<IconMaximize size={16} />}
            onClick={actions.returnToFullScreen}
            data-autofocus
          >
            {t('proctoringRoom.fullScreen.action')}
          </Button>
        </Stack>
      </Modal>
    );
  if (warning)
    return (
      <Modal
        opened
        onClose={actions.dismissWarning}
        centered
        title={
          <Group gap={6}>
            <IconAlertTriangle size={20} color="var(--mantine-color-orange-7)" aria-hidden />
            <Text span fw={700}>
              {t('proctoringRoom.warning.title')}
            </Text>
          </Group>
        }
      >
        <Stack gap="sm" data-testid="proctor-warning">
          <Text fw={600}>
            {warning.violations.submitAfter > 0
              ? t('proctoringRoom.warning.withLimit', {
                  count: warning.violations.count,
                  submitAfter: warning.violations.submitAfter,
                })
              : t('proctoringRoom.warning.withoutLimit', { count: warning.violations.count })}
          </Text>
          {warning.kind && (
            <Text size="sm">
              {t('proctoringRoom.warning.cause', {
                kind: t(`proctoringRoom.kinds.${isKnownKind(warning.kind) ? warning.kind : 'other'}`),
              })}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('proctoringRoom.warning.seenByProctor')}
          </Text>
          <Button onClick={actions.dismissWarning} data-autofocus>
            {t('proctoringRoom.warning.ok')}
          </Button>
        </Stack>
      </Modal>
    );
  if (message)
    return (
      <Modal
        opened
        onClose={() => actions.dismissMessage(message.id)}
        centered
        closeButtonProps={{ 'aria-label': t('proctoringRoom.message.dismiss') }}
        title={
          <Group gap={6}>
            <IconMessage size={20} aria-hidden />
            <Text span fw={700}>
              {t('proctoringRoom.message.title')}
            </Text>
          </Group>
        }
      >
        <Stack gap="sm" data-testid="proctor-message">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{message.text}</Text>
          <Text size="xs" c="dimmed">
            {t('proctoringRoom.message.from', { name: message.from, time: formatTime(message.at) })}
          </Text>
          <Button variant="default" onClick={() => actions.dismissMessage(message.id)} data-autofocus>
            {t('proctoringRoom.message.dismiss')}
          </Button>
        </Stack>
      </Modal>
    );
  return null;
}

/**
 * While paused: the whole room is covered and takes no input, until the state says it runs again.
 * Below the other dialogs, so the proctor's message (or the full-screen prompt) still reaches the candidate.
 */
export function PausedOverlay({ paused }: { paused: { since: string; reason: string } }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={() => undefined}
      fullScreen
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      transitionProps={{ duration: 0 }}
      zIndex={190}
    >
      <Stack align="center" justify="center" mih="80dvh" gap="md" data-testid="paused-overlay">
        <IconPlayerPause size={48} aria-hidden />
        <Title order={2}>{t('proctoringRoom.paused.title')}</Title>
        {paused.reason && (
          <Text size="lg">{t('proctoringRoom.paused.reason', { reason: paused.reason })}</Text>
        )}
        <Text c="dimmed" ta="center" maw={520}>
          {t('proctoringRoom.paused.wait')}
        </Text>
        <Loader size="sm" />
      </Stack>
    </Modal>
  );
}
