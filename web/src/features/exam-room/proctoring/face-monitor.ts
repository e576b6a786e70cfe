// The on-device face check: about once a second a frame of the camera's video goes to a worker
// (face-worker.ts) that finds the faces in it; no image leaves the browser. The page's thread only
// grabs the frame (createImageBitmap) and hands it over, so typing and clicking in the exam room are
// not held up (docs/BENCHMARKS.md, "Face check: input latency in the exam room").

export type FaceEventKind = 'no_face' | 'multiple_faces' | 'face_away';

export interface FaceEvent {
  kind: FaceEventKind;
  /** Date.now() of the first frame in this state. */
  startedAt: number;
  /** Date.now() of the first frame out of it; null while it lasts. */
  endedAt: number | null;
}

/** One face in a frame, as the worker reports it. Angles are null when the face mesh was unsure. */
export interface FaceInFrame {
  score: number;
  yawDegrees: number | null;
  pitchDegrees: number | null;
}

export interface FaceSample {
  takenAt: number;
  faces: FaceInFrame[];
}

export interface FaceWorkerRequest {
  frame: ImageBitmap;
}
export type FaceWorkerReply =
  { type: 'ready' } | { type: 'failed'; message: string } | { type: 'faces'; faces: FaceInFrame[] };

/** A state is an event only once it has lasted this long without a break. */
export const FACE_EVENT_AFTER_MS = 5_000;
const SAMPLE_EVERY_MS = 1_000;
/**
 * Turned away: the head's yaw or pitch beyond this. A candidate glancing at rough work or a laptop
 * camera seen from below stays well inside it; a head turned to a neighbour or a phone does not.
 */
export const FACE_AWAY_DEGREES = 35;
/** Back to facing the screen only below this, so a head near the limit does not flicker in and out. */
const FACE_BACK_DEGREES = 30;
/** Frames are grabbed at most this wide: enough for a face across a room, small to hand over. */
const FRAME_MAX_WIDTH = 640;
/** A worker that has not loaded its ~3 MB by then (a very slow connection) is given up on. */
const LOAD_TIMEOUT_MS = 120_000;

const isTurnedBeyond = (face: FaceInFrame, degrees: number) =>
  Math.abs(face.yawDegrees ?? 0) > degrees || Math.abs(face.pitchDegrees ?? 0) > degrees;

/** What a frame shows, given whether the face was already counted as turned away. */
export function classifyFaces(faces: FaceInFrame[], wasAway = false): FaceEventKind | null {
  if (faces.length === 0) return 'no_face';
  if (faces.length > 1) return 'multiple_faces';
  const [face] = faces;
  if (face && isTurnedBeyond(face, wasAway ? FACE_BACK_DEGREES : FACE_AWAY_DEGREES)) return 'face_away';
  return null;
}

/**
 * Turns samples into events: a state that lasts more than FACE_EVENT_AFTER_MS is reported once when
 * it passes that (endedAt null) and once when it ends. A shorter one (a missed frame, a sneeze) is
 * never reported.
 */
export function createFaceEventTracker(onEvent: (event: FaceEvent) => void) {
  let current: { kind: FaceEventKind; since: number; isReported: boolean } | null = null;
  const end = (at: number) => {
    if (current?.isReported) onEvent({ kind: current.kind, startedAt: current.since, endedAt: at });
    current = null;
  };
  return {
    observe(sample: FaceSample): void {
      const kind = classifyFaces(sample.faces, current?.kind === 'face_away');
      if (current && current.kind !== kind) end(sample.takenAt);
      if (!kind) return;
      current ??= { kind, since: sample.takenAt, isReported: false };
      if (!current.isReported && sample.takenAt - current.since > FACE_EVENT_AFTER_MS) {
        current.isReported = true;
        onEvent({ kind, startedAt: current.since, endedAt: null });
      }
    },
    /** The check stopped: a reported state ends here. */
    end,
  };
}

/**
 * Looks at the video about once a second and reports the faces in each frame. Resolves once the
 * models are loaded, or, when they cannot be (an old browser, no WebAssembly, a failed download),
 * with `isAvailable: false` after a console warning: the exam room goes on without the face check.
 */
export async function watchFaces(
  video: HTMLVideoElement,
  handlers: { onSample(sample: FaceSample): void },
): Promise<{ isAvailable: boolean; stop(): void }> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./face-worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    console.warn('face check: the worker could not start', error);
    return { isAvailable: false, stop() {} };
  }
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frameTakenAt = 0;
  const stop = () => {
    isStopped = true;
    clearTimeout(timer);
    worker.terminate();
  };
  const fail = (reason: unknown) => {
    if (!isStopped) console.warn('face check: stopped', reason);
    stop();
  };

  // One frame in flight at a time: a slow device looks less often rather than queueing frames.
  const sendFrame = async () => {
    if (isStopped) return;
    // No picture yet (the camera is starting or stalled): that is the camera's state, not the face's.
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) {
      timer = setTimeout(() => void sendFrame(), SAMPLE_EVERY_MS);
      return;
    }
    const scale = Math.min(1, FRAME_MAX_WIDTH / video.videoWidth);
    frameTakenAt = Date.now();
    let frame: ImageBitmap;
    try {
      frame = await createImageBitmap(video, {
        resizeWidth: Math.round(video.videoWidth * scale),
        resizeHeight: Math.round(video.videoHeight * scale),
        resizeQuality: 'low',
      }).catch(() => createImageBitmap(video)); // a browser that cannot resize here: full size
    } catch {
      // The video lost its frame between the check and the grab: try again next time.
      timer = setTimeout(() => void sendFrame(), SAMPLE_EVERY_MS);
      return;
    }
    if (isStopped) return frame.close();
    const request: FaceWorkerRequest = { frame };
    // Transferred, not copied: the worker owns the frame and closes it.
    worker.postMessage(request, [frame]);
  };

  const isReady = await new Promise<boolean>((resolve) => {
    const timeout = setTimeout(() => {
      fail('the models did not load in time');
      resolve(false);
    }, LOAD_TIMEOUT_MS);
    worker.addEventListener('error', (event) => {
      clearTimeout(timeout);
      fail(event.message || 'the worker failed');
      resolve(false);
    });
    worker.addEventListener('message', (event: MessageEvent<FaceWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'ready') {
        clearTimeout(timeout);
        resolve(true);
      } else if (reply.type === 'failed') {
        clearTimeout(timeout);
        fail(reply.message);
        resolve(false);
      } else if (!isStopped) {
        handlers.onSample({ takenAt: frameTakenAt, faces: reply.faces });
        const wait = Math.max(0, SAMPLE_EVERY_MS - (Date.now() - frameTakenAt));
        timer = setTimeout(() => void sendFrame(), wait);
      }
    });
  });
  if (!isReady) return { isAvailable: false, stop() {} };
  void sendFrame();
  return { isAvailable: true, stop };
}

/**
 * The proctoring face check: no face, more than one face, or the face turned away, each reported
 * once it has lasted more than 5 s (endedAt null) and again when it ends. Never throws: without the
 * models it warns on the console and reports nothing.
 */
export async function startFaceMonitor(
  video: HTMLVideoElement,
  handlers: {
    onEvent(e: {
      kind: 'no_face' | 'multiple_faces' | 'face_away';
      startedAt: number;
      endedAt: number | null;
    }): void;
  },
): Promise<{ stop(): void }> {
  const tracker = createFaceEventTracker((event) => handlers.onEvent(event));
  const watcher = await watchFaces(video, { onSample: (sample) => tracker.observe(sample) });
  return {
    stop() {
      watcher.stop();
      tracker.end(Date.now());
    },
  };
}
