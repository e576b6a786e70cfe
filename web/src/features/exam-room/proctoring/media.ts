// The camera and the shared screen of a proctored exam: opening them, a snapshot from the camera,
// the screen recorder, and the hand-over of the screen share from the pre-exam screen (where the
// candidate's click allows the picker) to the room.

/** A camera stream playing into a video element that is never shown (snapshots and face checks read it). */
export interface Camera {
  video: HTMLVideoElement;
  stream: MediaStream;
  stop(): void;
}

export async function openCamera(onEnded: () => void): Promise<Camera> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
    audio: false,
  });
  const track = stream.getVideoTracks()[0];
  if (!track) {
    stopTracks(stream);
    throw new DOMException('No camera track', 'NotFoundError');
  }
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  let isStopped = false;
  // Ended: unplugged, or the permission was taken back in the browser's settings.
  track.addEventListener('ended', () => isStopped || onEnded());
  await video.play().catch(() => undefined); // muted video may always play; a refusal only delays frames
  return {
    video,
    stream,
    stop: () => {
      isStopped = true;
      stopTracks(stream);
      video.srcObject = null;
    },
  };
}

export const SNAPSHOT = { width: 320, height: 240, quality: 0.7, type: 'image/jpeg' } as const;
let canvas: HTMLCanvasElement | null = null;

/** A 320x240 JPEG of what the camera sees now (centre-cropped to 4:3), or null before the first frame. */
export async function captureSnapshot(video: HTMLVideoElement): Promise<Blob | null> {
  const { videoWidth: width, videoHeight: height } = video;
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || width === 0 || height === 0) return null;
  canvas ??= document.createElement('canvas');
  canvas.width = SNAPSHOT.width;
  canvas.height = SNAPSHOT.height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const scale = Math.max(SNAPSHOT.width / width, SNAPSHOT.height / height);
  const [cropWidth, cropHeight] = [SNAPSHOT.width / scale, SNAPSHOT.height / scale];
  context.drawImage(
    video,
    (width - cropWidth) / 2,
    (height - cropHeight) / 2,
    cropWidth,
    cropHeight,
    0,
    0,
    SNAPSHOT.width,
    SNAPSHOT.height,
  );
  const target = canvas;
  return new Promise((resolve) => target.toBlob(resolve, SNAPSHOT.type, SNAPSHOT.quality));
}

export type ScreenShareFailure = 'not_whole_screen' | 'cancelled' | 'unsupported' | 'failed';

export class ScreenShareError extends Error {
  constructor(readonly reason: ScreenShareFailure) {
    super(reason);
    this.name = 'ScreenShareError';
  }
}

export const canShareScreen = () => typeof navigator.mediaDevices?.getDisplayMedia === 'function';

/**
 * Asks for the whole screen. A window or a tab is refused (its stream stopped at once): only the
 * entire screen shows what else is open. Chromium's hints make the picker offer screens first.
 */
export async function requestWholeScreen(): Promise<MediaStream> {
  if (!canShareScreen()) throw new ScreenShareError('unsupported');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getDisplayMedia({
      video: { displaySurface: 'monitor', frameRate: { ideal: 5, max: 10 } },
      audio: false,
      // Chromium's picker options; other browsers ignore them.
      monitorTypeSurfaces: 'include',
      selfBrowserSurface: 'exclude',
      surfaceSwitching: 'exclude',
    } as DisplayMediaStreamOptions);
  } catch (error) {
    const name = error instanceof DOMException || error instanceof Error ? error.name : '';
    throw new ScreenShareError(name === 'NotAllowedError' || name === 'AbortError' ? 'cancelled' : 'failed');
  }
  const track = stream.getVideoTracks()[0];
  if (track?.getSettings().displaySurface !== 'monitor') {
    stopTracks(stream);
    throw new ScreenShareError('not_whole_screen');
  }
  return stream;
}

export interface ScreenChunk {
  blob: Blob;
  seq: number;
  recordingId: string;
  /** On this device's clock: when the chunk's recording began. */
  startedAt: number;
}

export interface ScreenRecording {
  recordingId: string;
  stream: MediaStream;
  /** Stops recording; the share itself stays on unless `isEnding` (see handOverScreen). */
  stop(isEnding: boolean): void;
}

/** About 0.75 MB per 10 s chunk, well inside the 2 MB limit even for a busy screen. */
const SCREEN_BITS_PER_SECOND = 600_000;
export const SCREEN_TIMESLICE_MS = 10_000;

/**
 * Records the stream in 10 s webm chunks, one recording id per share; `onEnded` when the share stops.
 * Each chunk is its own recorder's whole output (stopped and started again every 10 s) rather than a
 * timeslice of one long recording: only a timeslice's first chunk carries the WebM header, so the
 * later ones would not play on their own in the review.
 */
export function recordScreen(
  stream: MediaStream,
  handlers: { onChunk: (chunk: ScreenChunk) => void; onEnded: () => void },
): ScreenRecording {
  const recordingId = crypto.randomUUID();
  const mimeType = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((type) =>
    MediaRecorder.isTypeSupported(type),
  );
  const track = stream.getVideoTracks()[0];
  let seq = 0;
  let isStopped = false;
  let current: MediaRecorder | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const isLive = () => !isStopped && track?.readyState === 'live';

  function startSegment(): void {
    const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: SCREEN_BITS_PER_SECOND });
    const startedAt = Date.now();
    const parts: Blob[] = [];
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) parts.push(event.data);
    });
    recorder.addEventListener('stop', () => {
      if (parts.length > 0) {
        // The server takes the container type without codec parameters.
        handlers.onChunk({ blob: new Blob(parts, { type: 'video/webm' }), seq, recordingId, startedAt });
        seq += 1;
      }
      if (isLive()) startSegment();
    });
    recorder.start();
    current = recorder;
    timer = setTimeout(() => {
      if (recorder.state !== 'inactive') recorder.stop();
    }, SCREEN_TIMESLICE_MS);
  }

  const stopSegment = () => {
    clearTimeout(timer);
    if (current && current.state !== 'inactive') current.stop();
  };
  track?.addEventListener('ended', () => {
    stopSegment();
    if (!isStopped) handlers.onEnded();
  });
  startSegment();
  return {
    recordingId,
    stream,
    stop: (isEnding) => {
      isStopped = true;
      stopSegment();
      if (isEnding) stopTracks(stream);
    },
  };
}

export function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

// The screen share made on the pre-exam screen, waiting for the room. The picker needs the
// candidate's click, which the room (mounted after Start) cannot have; a reload loses it and the
// room asks for it again. A room that unmounts without the exam ending (React remounting it) hands
// the share back; the page stops it once the exam is over (handOverScreen(null)).
let handedOverScreen: MediaStream | null = null;
let pendingFullScreen: Promise<unknown> | null = null;

export function handOverScreen(stream: MediaStream | null): void {
  if (handedOverScreen && handedOverScreen !== stream) stopTracks(handedOverScreen);
  handedOverScreen = stream;
}

export function takeScreen(): MediaStream | null {
  const stream = handedOverScreen;
  handedOverScreen = null;
  const isLive = stream?.getVideoTracks().some((track) => track.readyState === 'live') ?? false;
  return isLive ? stream : null;
}

/** Asks for full screen inside the Start click; the room checks it once the request has settled. */
export function requestFullScreenOnStart(): void {
  pendingFullScreen = document.documentElement.requestFullscreen?.().catch(() => undefined) ?? null;
}

export async function settledFullScreenRequest(): Promise<void> {
  const pending = pendingFullScreen;
  pendingFullScreen = null;
  await pending;
}

/** The exam is over: the screen share still held here stops, and the page leaves full screen. */
export function releaseProctoringMedia(): void {
  handOverScreen(null);
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}
