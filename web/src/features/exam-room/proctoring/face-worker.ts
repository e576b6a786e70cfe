// The face check's worker: Human (TensorFlow.js on its WebAssembly backend) finds the faces in each
// frame the page sends, away from the page's thread so the exam room's input never waits on it.
// Only the face detector and the face mesh (for the head's rotation) run; every other model is off.
import { Human, type Config } from '@vladmandic/human';
import type { FaceWorkerReply, FaceWorkerRequest } from './face-monitor';

declare global {
  interface ImportMetaEnv {
    /** Where the build put the models and the .wasm files (vite.config.ts, faceCheckAssets). */
    readonly FACE_CHECK_ASSETS: string;
  }
}

const config: Partial<Config> = {
  backend: 'wasm',
  // The page's own origin, never a CDN (Human's defaults point at one for both).
  modelBasePath: import.meta.env.FACE_CHECK_ASSETS,
  wasmPath: import.meta.env.FACE_CHECK_ASSETS,
  // The browser's HTTP cache keeps the models (immutable, hashed path); Human's own IndexedDB copy
  // would outlive an upgrade of the models under the same names.
  cacheModels: false,
  warmup: 'none',
  // A frame a second: every frame is looked at afresh, never answered from the last one's result.
  cacheSensitivity: 0,
  skipAllowed: false,
  // The image filters run on WebGL, which a worker may not have; the detector needs none of them.
  filter: { enabled: false },
  gesture: { enabled: false },
  face: {
    enabled: true,
    // Up to 3, so a second person in view is seen; a low score is a poster or a shadow, not a face.
    detector: { maxDetected: 3, minConfidence: 0.5, rotation: false, skipFrames: 0, skipTime: 0 },
    // A face whose mesh is unsure (poor light, half out of view) is still a face, with no rotation.
    mesh: { enabled: true, keepInvalid: true },
    iris: { enabled: false },
    emotion: { enabled: false },
    description: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    attention: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  segmentation: { enabled: false },
};

const DEGREES = 180 / Math.PI;
const scope = self as unknown as {
  postMessage(message: FaceWorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FaceWorkerRequest>) => void): void;
};

/** The part of Human's bundled TF.js used here (Human types it as any). */
interface TensorFlow {
  getBackend(): string;
  env(): { set(flag: string, value: boolean): void };
}

async function loadHuman(): Promise<Human> {
  const human = new Human(config);
  const tf = human.tf as TensorFlow;
  // The threaded build is not shipped (it needs cross-origin isolation): never let TF.js pick it.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await human.load();
  // Without WebAssembly TF.js falls back to WebGL or the CPU: slow, or fighting the page for the GPU.
  if (tf.getBackend() !== 'wasm') throw new Error(`face check: backend ${tf.getBackend()}, not wasm`);
  return human;
}

const ready = loadHuman();
ready.then(
  () => scope.postMessage({ type: 'ready' }),
  (error: unknown) => scope.postMessage({ type: 'failed', message: String(error) }),
);

scope.addEventListener('message', (event) => {
  // `look` answers every frame itself, with faces or a failure; nothing is left to await here.
  void look(event.data.frame);
});

async function look(frame: ImageBitmap): Promise<void> {
  try {
    const human = await ready;
    const result = await human.detect(frame);
    scope.postMessage({
      type: 'faces',
      faces: result.face.map((face) => ({
        score: face.score,
        yawDegrees: face.rotation ? face.rotation.angle.yaw * DEGREES : null,
        pitchDegrees: face.rotation ? face.rotation.angle.pitch * DEGREES : null,
      })),
    });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) });
  } finally {
    frame.close();
  }
}
