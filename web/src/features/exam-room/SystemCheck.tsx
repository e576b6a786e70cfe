import { Box, Button, Group, List, Loader, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';

interface Check {
  label: string;
  detail: string;
  isOk: boolean;
}

/** Browser support, clock offset and round trip (from the server's Date header), full screen. */
async function runChecks(): Promise<Check[]> {
  const isBrowserOk = 'indexedDB' in window && 'WebSocket' in window && 'fetch' in window;
  const checks: Check[] = [
    {
      label: 'Browser',
      detail: isBrowserOk ? 'Supported' : 'Please use a recent Chrome, Edge or Firefox',
      isOk: isBrowserOk,
    },
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
      label: 'Clock',
      detail:
        Math.abs(offsetS) <= 2
          ? 'In step with the server'
          : `Your device clock is ${Math.abs(offsetS)} s ${offsetS > 0 ? 'behind' : 'ahead'}; the exam uses the server's time`,
      isOk: true,
    });
    checks.push({
      label: 'Connection',
      detail: `${roundTripMs} ms to the server${roundTripMs > 800 ? ' — slow, but answers are kept on this device' : ''}`,
      isOk: roundTripMs <= 800,
    });
  } catch {
    checks.push({ label: 'Connection', detail: 'Cannot reach the server', isOk: false });
  }
  checks.push({
    label: 'Full screen',
    detail: document.fullscreenEnabled ? 'Available' : 'Not available in this browser',
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

const cameraDetails: Record<CameraStatus, string> = {
  not_required: 'Not required for this exam',
  checking: 'Asking for your camera… allow it when the browser asks',
  ready: 'Working — check that your face is clearly visible in the preview',
  denied:
    'Camera permission was denied. Allow this site to use the camera (the camera icon in the address bar or the browser’s site settings), then press “Check the camera again”.',
  not_found: 'No camera was found. Connect a webcam, then press “Check the camera again”.',
  in_use:
    'The camera could not be started — another application may be using it. Close it, then press “Check the camera again”.',
  stopped: 'The camera stopped working. Reconnect it, then press “Check the camera again”.',
  unsupported:
    'This browser cannot use a camera on this page. Use a recent Chrome, Edge or Firefox, then reload this page.',
  failed: 'The camera could not be started. Press “Check the camera again”, or try another browser.',
};

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

function CameraPreview({ stream }: { stream: MediaStream }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = stream;
  }, [stream]);
  return (
    <Box
      component="video"
      ref={videoRef}
      autoPlay
      muted
      playsInline
      aria-label="Camera preview"
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

function CameraItem({ camera }: { camera: CameraCheck }) {
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
          Camera:
        </Text>
        <Text
          size="sm"
          c={isOk || status === 'checking' ? undefined : 'red.8'}
          role={canRetry ? 'alert' : undefined}
        >
          {cameraDetails[status]}
        </Text>
      </Group>
      {camera.stream && status === 'ready' && (
        <Box mt={6}>
          <CameraPreview stream={camera.stream} />
        </Box>
      )}
      {canRetry && (
        <Button size="xs" variant="light" mt={6} onClick={camera.retry}>
          Check the camera again
        </Button>
      )}
    </List.Item>
  );
}

export function SystemCheck({ camera }: { camera: CameraCheck }) {
  const [checks, setChecks] = useState<Check[] | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void runChecks().then((result) => isCurrent && setChecks(result));
    return () => {
      isCurrent = false;
    };
  }, []);
  if (!checks) return <Text size="sm">Checking your system…</Text>;
  return (
    <List spacing={6} aria-label="System check">
      {checks.map((check) => (
        <List.Item key={check.label} icon={<StatusIcon isOk={check.isOk} />}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {check.label}:
            </Text>
            <Text size="sm">{check.detail}</Text>
          </Group>
        </List.Item>
      ))}
      <CameraItem camera={camera} />
    </List>
  );
}
