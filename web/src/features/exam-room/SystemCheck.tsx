import { Box, Button, Group, List, Loader, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { en } from '../../i18n/en';
import { classifyFaces, watchFaces, type FaceSample } from './proctoring/face-monitor';

type CheckText = Exclude<keyof typeof en.examRoom.systemCheck, 'cameraStates' | 'faceStates'>;

/** One line of the check, as catalogue keys (rendered in the language on screen, even after a switch). */
interface Check {
  label: CheckText;
  detail: CheckText;
  values?: Record<string, number>;
  isOk: boolean;
}

/** Browser support, clock offset and round trip (from the server's Date header), full screen. */
async function runChecks(): Promise<Check[]> {
  const isBrowserOk = 'indexedDB' in window && 'WebSocket' in window && 'fetch' in window;
  const checks: Check[] = [
    { label: 'browser', detail: isBrowserOk ? 'browserOk' : 'browserOld', isOk: isBrowserOk },
  ];
  try {
    const sentAt = Date.now();
    const response = await fetch('/health', { cache: 'no-store' });
    const roundTripMs = Date.now() - sentAt;
    const serverDate = Date.parse(response.headers.get('date') ?? '');
    const offsetS = Number.isNaN(serverDate)
      ? 0
      : Math.round((serverDate - (sentAt + roundTripMs / 2)) / 1_000);
    checks.push({
      label: 'clock',
      detail: Math.abs(offsetS) <= 2 ? 'clockOk' : offsetS > 0 ? 'clockBehind' : 'clockAhead',
      values: { seconds: Math.abs(offsetS) },
      isOk: true,
    });
    checks.push({
      label: 'connection',
      detail: roundTripMs > 800 ? 'roundTripSlow' : 'roundTrip',
      values: { ms: roundTripMs },
      isOk: roundTripMs <= 800,
    });
  } catch {
    checks.push({ label: 'connection', detail: 'unreachable', isOk: false });
  }
  checks.push({
    label: 'fullScreen',
    detail: document.fullscreenEnabled ? 'available' : 'unavailable',
    isOk: document.fullscreenEnabled,
  });
  return checks;
}

export type CameraStatus =
  | 'not_required'
  | 'checking'
  | 'ready'
  | 'denied'
  | 'not_found'
  | 'in_use'
  | 'stopped'
  | 'unsupported'
  | 'failed';

export interface CameraCheck {
  status: CameraStatus;
  /** The live camera while `status` is `ready`; stopped when the check is left. */
  stream: MediaStream | null;
  retry: () => void;
}

function classifyCameraError(error: unknown): CameraStatus {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'not_found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in_use';
    default:
      return 'failed';
  }
}

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * The webcam, asked for only when the exam's proctoring needs it: the browser's permission prompt,
 * then a live stream for the preview. The stream is released when the pre-exam screen goes away.
 */
export function useCameraCheck(isRequired: boolean): CameraCheck {
  const [round, setRound] = useState(0);
  const [outcome, setOutcome] = useState<{
    round: number;
    status: CameraStatus;
    stream: MediaStream | null;
  } | null>(null);

  // Undefined outside a secure context (plain http) and in browsers without WebRTC.
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  const isSupported = typeof devices?.getUserMedia === 'function';

  useEffect(() => {
    if (!isRequired || !devices || !isSupported) return;
    let isCurrent = true;
    let opened: MediaStream | null = null;
    devices.getUserMedia({ video: true, audio: false }).then(
      (stream) => {
        if (!isCurrent) return stopStream(stream);
        opened = stream;
        const track = stream.getVideoTracks()[0];
        if (!track) {
          stopStream(stream);
          setOutcome({ round, status: 'not_found', stream: null });
          return;
        }
        track.addEventListener('ended', () => {
          if (isCurrent) setOutcome({ round, status: 'stopped', stream: null });
        });
        setOutcome({ round, status: 'ready', stream });
      },
      (error: unknown) => {
        if (isCurrent) setOutcome({ round, status: classifyCameraError(error), stream: null });
      },
    );
    return () => {
      isCurrent = false;
      if (opened) stopStream(opened);
    };
  }, [devices, isRequired, isSupported, round]);

  const retry = () => setRound((n) => n + 1);
  if (!isRequired) return { status: 'not_required', stream: null, retry };
  if (!isSupported) return { status: 'unsupported', stream: null, retry };
  if (outcome?.round !== round) return { status: 'checking', stream: null, retry };
  return { status: outcome.status, stream: outcome.stream, retry };
}

function CameraPreview({
  stream,
  onVideo,
}: {
  stream: MediaStream;
  /** The playing video element, for the face check. */
  onVideo: (video: HTMLVideoElement | null) => void;
}) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = stream;
    onVideo(video);
    return () => onVideo(null);
  }, [onVideo, stream]);
  return (
    <Box
      component="video"
      ref={videoRef}
      autoPlay
      muted
      playsInline
      aria-label={t('examRoom.systemCheck.cameraPreview')}
      w={240}
      h={180}
      bg="dark.8"
      style={{ borderRadius: 'var(--mantine-radius-sm)', objectFit: 'cover', transform: 'scaleX(-1)' }}
    />
  );
}

function StatusIcon({ isOk, isBlocking }: { isOk: boolean; isBlocking?: boolean }) {
  return (
    <ThemeIcon size={20} radius="xl" color={isOk ? 'teal' : isBlocking ? 'red' : 'orange'}>
      {isOk ? <IconCheck size={14} /> : isBlocking ? <IconX size={14} /> : <IconAlertTriangle size={14} />}
    </ThemeIcon>
  );
}

type FaceState = 'checking' | 'one' | 'none' | 'many' | 'away' | 'unavailable';

function describeFaces(sample: FaceSample): { state: FaceState; count: number } {
  const count = sample.faces.length;
  switch (classifyFaces(sample.faces)) {
    case 'no_face':
      return { state: 'none', count };
    case 'multiple_faces':
      return { state: 'many', count };
    case 'face_away':
      return { state: 'away', count };
    case null:
      return { state: 'one', count };
  }
}

/**
 * What the face check of the exam sees in the preview, live while the pre-exam screen is open, so
 * the candidate can sit where the camera sees them before Start. Advice only: it never blocks Start
 * (a device without WebAssembly still takes the exam).
 */
function FaceCheckItem({ video }: { video: HTMLVideoElement }) {
  const { t } = useTranslation();
  const [seen, setSeen] = useState<{ state: FaceState; count: number }>({ state: 'checking', count: 0 });
  useEffect(() => {
    let isCurrent = true;
    let stop = () => {};
    void watchFaces(video, {
      onSample: (sample) => {
        if (isCurrent) setSeen(describeFaces(sample));
      },
    }).then((watcher) => {
      if (!isCurrent) return watcher.stop();
      stop = () => watcher.stop();
      if (!watcher.isAvailable) setSeen({ state: 'unavailable', count: 0 });
    });
    return () => {
      isCurrent = false;
      stop();
    };
  }, [video]);
  const isOk = seen.state === 'one';
  return (
    <List.Item
      icon={seen.state === 'checking' ? <Loader size={20} /> : <StatusIcon isOk={isOk} />}
      data-testid="face-check"
      data-state={seen.state}
    >
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {t('examRoom.systemCheck.face')}:
        </Text>
        <Text size="sm" aria-live="polite">
          {t(`examRoom.systemCheck.faceStates.${seen.state}`, { count: seen.count })}
        </Text>
      </Group>
    </List.Item>
  );
}

function CameraItem({
  camera,
  onVideo,
}: {
  camera: CameraCheck;
  onVideo: (video: HTMLVideoElement | null) => void;
}) {
  const { t } = useTranslation();
  const { status } = camera;
  const isOk = status === 'ready' || status === 'not_required';
  const canRetry = !isOk && status !== 'checking';
  return (
    <List.Item
      icon={status === 'checking' ? <Loader size={20} /> : <StatusIcon isOk={isOk} isBlocking />}
      // The icon stays beside the text line, not halfway down the preview.
      styles={{ itemWrapper: { alignItems: 'flex-start' } }}
      data-testid="camera-check"
      data-status={status}
    >
      <Group gap={6} align="flex-start" wrap="nowrap">
        <Text size="sm" fw={600}>
          {t('examRoom.systemCheck.camera')}:
        </Text>
        <Text
          size="sm"
          c={isOk || status === 'checking' ? undefined : 'red.8'}
          role={canRetry ? 'alert' : undefined}
        >
          {t(`examRoom.systemCheck.cameraStates.${status}`)}
        </Text>
      </Group>
      {camera.stream && status === 'ready' && (
        <Box mt={6}>
          <CameraPreview stream={camera.stream} onVideo={onVideo} />
        </Box>
      )}
      {canRetry && (
        <Button size="xs" variant="light" mt={6} onClick={camera.retry}>
          {t('examRoom.systemCheck.cameraRetry')}
        </Button>
      )}
    </List.Item>
  );
}

export function SystemCheck({ camera }: { camera: CameraCheck }) {
  const { t } = useTranslation();
  const [checks, setChecks] = useState<Check[] | null>(null);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void runChecks().then((result) => isCurrent && setChecks(result));
    return () => {
      isCurrent = false;
    };
  }, []);
  if (!checks) return <Text size="sm">{t('examRoom.systemCheck.checking')}</Text>;
  return (
    <List spacing={6} aria-label={t('examRoom.systemCheck.label')}>
      {checks.map((check) => (
        <List.Item key={check.label} icon={<StatusIcon isOk={check.isOk} />}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t(`examRoom.systemCheck.${check.label}`)}:
            </Text>
            <Text size="sm">{t(`examRoom.systemCheck.${check.detail}`, check.values ?? {})}</Text>
          </Group>
        </List.Item>
      ))}
      <CameraItem camera={camera} onVideo={setVideo} />
      {video && camera.status === 'ready' && <FaceCheckItem video={video} />}
    </List>
  );
}
