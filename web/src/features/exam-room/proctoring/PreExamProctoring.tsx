// Before Start, for a proctored exam: what is recorded, how long it is kept and who sees it, the
// candidate's consent, and the whole-screen share the recording needs (asked for here, where the
// candidate's click allows the browser's picker; the room takes the stream over on Start).
import { Alert, Button, Checkbox, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconScreenShare } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomProctoring } from './kinds';
import {
  canShareScreen,
  handOverScreen,
  requestWholeScreen,
  ScreenShareError,
  stopTracks,
  type ScreenShareFailure,
} from './media';

export interface ScreenShare {
  isRequired: boolean;
  stream: MediaStream | null;
  error: ScreenShareFailure | null;
  isAsking: boolean;
  share: () => void;
  /** Start was pressed: the room takes the stream; it is no longer this screen's to stop. */
  handOver: () => void;
}

export function useScreenShare(isRequired: boolean): ScreenShare {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<ScreenShareFailure | null>(null);
  const [isAsking, setAsking] = useState(false);
  const handedOver = useRef<MediaStream | null>(null);

  useEffect(() => {
    if (!stream) return;
    const track = stream.getVideoTracks()[0];
    // Stopped from the browser's "Stop sharing" bar before Start: ask again.
    const onEnded = () => setStream((current) => (current === stream ? null : current));
    track?.addEventListener('ended', onEnded);
    return () => {
      track?.removeEventListener('ended', onEnded);
      if (handedOver.current !== stream) stopTracks(stream);
    };
  }, [stream]);

  return {
    isRequired,
    stream,
    error: isRequired && !canShareScreen() ? 'unsupported' : error,
    isAsking,
    share: () => {
      setAsking(true);
      requestWholeScreen().then(
        (shared) => {
          setStream(shared);
          setError(null);
          setAsking(false);
        },
        (failure: unknown) => {
          setError(failure instanceof ScreenShareError ? failure.reason : 'failed');
          setAsking(false);
        },
      );
    },
    handOver: () => {
      handedOver.current = stream;
      handOverScreen(stream);
    },
  };
}

export function ProctoringConsent({
  settings,
  asksConsent,
  hasConsented,
  onConsent,
  screen,
}: {
  settings: RoomProctoring;
  /** Images are kept (webcam, screen): the candidate must tick; signals alone need no tick. */
  asksConsent: boolean;
  hasConsented: boolean;
  onConsent: (isGiven: boolean) => void;
  screen: ScreenShare;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid="proctoring-consent">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('proctoringRoom.consent.title')}
        </Title>
        <Text size="sm">{t('proctoringRoom.consent.intro')}</Text>
        <List size="sm" spacing={4}>
          {settings.tabSwitchDetection && <List.Item>{t('proctoringRoom.consent.tabSwitch')}</List.Item>}
          {settings.fullScreenRequired && <List.Item>{t('proctoringRoom.consent.fullScreen')}</List.Item>}
          {settings.webcamSnapshots && (
            <List.Item>
              {t('proctoringRoom.consent.webcam', { seconds: settings.snapshotIntervalSeconds })}
            </List.Item>
          )}
          {settings.screenRecording && <List.Item>{t('proctoringRoom.consent.screen')}</List.Item>}
        </List>
        <Text size="sm">
          {t('proctoringRoom.consent.retention', { count: settings.retentionDays })}{' '}
          {t('proctoringRoom.consent.audience')}
        </Text>
        {screen.isRequired && <ScreenShareStep screen={screen} />}
        {asksConsent && (
          <Checkbox
            checked={hasConsented}
            onChange={(event) => onConsent(event.currentTarget.checked)}
            label={t('proctoringRoom.consent.agree')}
            data-testid="proctoring-consent-checkbox"
          />
        )}
      </Stack>
    </Paper>
  );
}

function ScreenShareStep({ screen }: { screen: ScreenShare }) {
  const { t } = useTranslation();
  if (screen.stream)
    return (
      <Alert color="teal" icon={<IconScreenShare />} data-testid="screen-share" data-status="shared">
        {t('proctoringRoom.screenShare.shared')}
      </Alert>
    );
  return (
    <Alert
      color={screen.error ? 'red' : 'blue'}
      icon={<IconScreenShare />}
      title={t('proctoringRoom.screenShare.title')}
      data-testid="screen-share"
      data-status="needed"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('proctoringRoom.screenShare.ask')}</Text>
        {screen.error && (
          <Text size="sm" c="red.8" role="alert">
            {t(`proctoringRoom.screenShare.errors.${screen.error}`)}
          </Text>
        )}
        {screen.error !== 'unsupported' && (
          <Button size="xs" onClick={screen.share} loading={screen.isAsking}>
            {t('proctoringRoom.screenShare.share')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
