// One proctored attempt in the room: the signals, the camera (snapshots, face checks), the screen
// recording, their delivery, and what the proctor says back. The room renders `view`, a small
// object replaced only when something the candidate sees changes (a violation is a counter), so
// signals never re-render the paper.
import type { Socket } from 'socket.io-client';
import type { EventsAck } from './api';
import { EvidenceUploader } from './evidence-uploader';
import { ProctorEventSync } from './event-sync';
import { enabledKinds, type ClientEvent, type RoomProctoring, type Violations } from './kinds';
import {
  captureSnapshot,
  handOverScreen,
  openCamera,
  recordScreen,
  requestWholeScreen,
  ScreenShareError,
  settledFullScreenRequest,
  stopTracks,
  takeScreen,
  type Camera,
  type ScreenRecording,
  type ScreenShareFailure,
} from './media';
import { browserEnvironment, startSignalDetector, type SignalDetector } from './signal-detector';
import { SignalRecorder } from './signal-recorder';

export interface ProctorMessage {
  id: string;
  text: string;
  from: string;
  at: string;
}

export interface ProctorView {
  camera: 'not_used' | 'starting' | 'on' | 'lost';
  screen: 'not_used' | 'on' | 'lost';
  screenError: ScreenShareFailure | null;
  isFullScreenLost: boolean;
  violations: Violations | null;
  /** The warning on screen: the count it was given at, and for which kind (when the server said). */
  warning: { violations: Violations; kind: string | null } | null;
  /** The proctor's messages not yet dismissed, oldest first. */
  messages: ProctorMessage[];
  /** Minutes the proctor added (negative: took off), until dismissed. */
  timeChange: { minutes: number; reason: string | null } | null;
  terminatedReason: string | null;
}

export interface SessionOptions {
  attemptId: string;
  settings: RoomProctoring;
  /** Server time minus this device's time, in ms. */
  offsetMs: number;
  socket: Socket | null;
  questionId: () => string | undefined;
  /** Fetches the attempt's state again (the server submitted it). */
  refreshState: () => void;
  violations: Violations | null;
}

/** Signals coming thick and fast share the last picture rather than each taking one. */
const SIGNAL_SNAPSHOT_GAP_MS = 2_000;

export class ProctoringSession {
  private view: ProctorView;
  private readonly listeners = new Set<() => void>();
  private readonly recorder: SignalRecorder;
  private readonly events: ProctorEventSync;
  private readonly uploader: EvidenceUploader;
  private detector: SignalDetector | null = null;
  private camera: Camera | null = null;
  private faceMonitor: { stop(): void } | null = null;
  private recording: ScreenRecording | null = null;
  private snapshotTimer: ReturnType<typeof setInterval> | undefined;
  private lastSignalSnapshotAt = 0;
  /** The highest count a warning was shown at, and that of a warning the ack showed first (0: none). */
  private lastWarnedCount = 0;
  private ackWarning = 0;
  private isStopped = false;

  constructor(private readonly options: SessionOptions) {
    const { settings } = options;
    this.view = {
      camera: settings.webcamSnapshots ? 'starting' : 'not_used',
      screen: settings.screenRecording ? 'lost' : 'not_used',
      screenError: null,
      isFullScreenLost: false,
      violations: options.violations,
      warning: null,
      messages: [],
      timeChange: null,
      terminatedReason: null,
    };
    this.recorder = new SignalRecorder({
      enabled: enabledKinds(settings),
      offsetMs: options.offsetMs,
      questionId: options.questionId,
      emit: this.handleSignal,
    });
    this.events = new ProctorEventSync(options.attemptId, { onAck: this.handleAck });
    this.uploader = new EvidenceUploader(options.attemptId);
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getView = () => this.view;

  async start(): Promise<void> {
    try {
      await this.begin();
    } catch (error) {
      // A browser without MediaRecorder or the like: the signals that could start still run.
      console.warn('Proctoring could not start completely', error);
    }
  }

  private async begin(): Promise<void> {
    const { settings, socket } = this.options;
    socket?.on('proctor:warning', this.handleWarning);
    socket?.on('proctor:message', this.handleMessage);
    socket?.on('attempt:time-changed', this.handleTimeChanged);
    socket?.on('attempt:resumed', this.handleTimeChanged);
    socket?.on('attempt:terminated', this.handleTerminated);
    await this.events.start(socket);
    if (this.isStopped) return;
    this.detector = startSignalDetector(browserEnvironment(), this.recorder, {
      onFullScreen: (isFullScreen) => this.update({ isFullScreenLost: !isFullScreen }),
    });
    if (settings.webcamSnapshots) void this.turnCameraOn(); // catches its own failures
    if (settings.screenRecording) {
      const stream = takeScreen();
      if (stream) this.beginRecording(stream);
      else this.screenLost();
    }
    if (settings.fullScreenRequired) {
      await settledFullScreenRequest();
      if (!this.isStopped) this.detector.checkFullScreen();
    }
  }

  /** The room closes; `isEnding` when the exam is over (the screen share is stopped too). */
  stop(isEnding = false): void {
    if (this.isStopped) return;
    this.isStopped = true;
    const { socket } = this.options;
    socket?.off('proctor:warning', this.handleWarning);
    socket?.off('proctor:message', this.handleMessage);
    socket?.off('attempt:time-changed', this.handleTimeChanged);
    socket?.off('attempt:resumed', this.handleTimeChanged);
    socket?.off('attempt:terminated', this.handleTerminated);
    clearInterval(this.snapshotTimer);
    this.detector?.stop();
    this.faceMonitor?.stop();
    this.camera?.stop();
    if (this.recording) {
      this.recording.stop(isEnding);
      if (!isEnding) handOverScreen(this.recording.stream);
    }
    this.recorder.stop(); // what is still open ends now, and is sent with its length
    void this.events.flush().finally(() => this.events.stop()); // flush catches its own failures
    this.uploader.close();
  }

  /** The candidate's click on "Return to full screen". */
  returnToFullScreen(): void {
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  /** The candidate's click on "Share your screen" after the share stopped; a window or tab is refused. */
  async shareScreenAgain(): Promise<void> {
    const pickerClosed = this.detector?.expectFocusLoss();
    try {
      const stream = await requestWholeScreen();
      if (this.isStopped) return handOverScreen(stream);
      this.beginRecording(stream);
    } catch (error) {
      this.update({ screenError: error instanceof ScreenShareError ? error.reason : 'failed' });
    } finally {
      pickerClosed?.();
    }
  }

  /** Opens the camera (at the start, and on the candidate's click after it stopped). */
  async turnCameraOn(): Promise<void> {
    this.update({ camera: 'starting' });
    try {
      const promptClosed = this.detector?.expectFocusLoss(); // the browser may ask for the permission again
      const camera = await openCamera(() => this.cameraLost()).finally(promptClosed);
      if (this.isStopped) return camera.stop();
      this.camera?.stop();
      this.camera = camera;
      this.recorder.end('camera_stopped');
      this.update({ camera: 'on' });
      this.startSnapshots();
      await this.startFaceMonitor(camera.video);
    } catch {
      this.cameraLost();
    }
  }

  dismissWarning(): void {
    this.update({ warning: null });
  }

  dismissMessage(id: string): void {
    this.update({ messages: this.view.messages.filter((m) => m.id !== id) });
  }

  dismissTimeChange(): void {
    this.update({ timeChange: null });
  }

  private update(patch: Partial<ProctorView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }

  private beginRecording(stream: MediaStream): void {
    const { offsetMs } = this.options;
    this.recording?.stop(true);
    this.recording = null;
    try {
      this.recording = this.record(stream, offsetMs);
    } catch {
      stopTracks(stream); // no MediaRecorder for webm here: the share is of no use
      this.update({ screenError: 'unsupported' });
      return this.screenLost();
    }
    this.recorder.end('screen_share_stopped');
    this.update({ screen: 'on', screenError: null });
  }

  private record(stream: MediaStream, offsetMs: number): ScreenRecording {
    return recordScreen(stream, {
      onChunk: (chunk) =>
        this.uploader.add({
          request: {
            kind: 'screen',
            contentType: 'video/webm',
            takenAt: Math.round(chunk.startedAt + offsetMs),
            seq: chunk.seq,
            recordingId: chunk.recordingId,
          },
          blob: chunk.blob,
        }),
      onEnded: () => this.screenLost(),
    });
  }

  private screenLost(): void {
    this.recording = null;
    this.recorder.start('screen_share_stopped');
    this.update({ screen: 'lost' });
  }

  private cameraLost(): void {
    if (this.isStopped) return;
    this.faceMonitor?.stop();
    this.faceMonitor = null;
    this.camera?.stop();
    this.camera = null;
    clearInterval(this.snapshotTimer);
    this.recorder.start('camera_stopped');
    this.update({ camera: 'lost' });
  }

  private startSnapshots(): void {
    clearInterval(this.snapshotTimer);
    const everyMs = Math.max(10, this.options.settings.snapshotIntervalSeconds) * 1_000;
    this.snapshotTimer = setInterval(() => void this.takeSnapshot(null), everyMs);
    void this.takeSnapshot(null); // the first picture at once: who sat down
  }

  private async startFaceMonitor(video: HTMLVideoElement): Promise<void> {
    this.faceMonitor?.stop();
    this.faceMonitor = null;
    try {
      // Loaded only for exams that use the camera: the face model is large.
      const { startFaceMonitor } = await import('./face-monitor');
      const monitor = await startFaceMonitor(video, {
        onEvent: ({ kind, startedAt, endedAt }) => {
          if (endedAt === null) this.recorder.start(kind, startedAt);
          else if (this.recorder.isOpen(kind)) this.recorder.end(kind, endedAt);
          else this.recorder.complete(kind, startedAt, endedAt);
        },
      });
      if (this.isStopped || this.camera?.video !== video) monitor.stop();
      else this.faceMonitor = monitor;
    } catch (error) {
      // Without face checks the snapshots still go to the proctor.
      console.warn('Face checks are not available on this device', error);
    }
  }

  /** A snapshot, for a signal (its evidence id goes with the event) or on the schedule (null). */
  private async takeSnapshot(forEvent: ClientEvent | null): Promise<void> {
    const video = this.camera?.video;
    const blob = video ? await captureSnapshot(video).catch(() => null) : null;
    const isQueued =
      blob !== null &&
      this.uploader.add({
        request: {
          kind: 'snapshot',
          contentType: 'image/jpeg',
          takenAt: Math.round(Date.now() + this.options.offsetMs),
        },
        blob,
        onCreated: forEvent
          ? (evidenceId) => void this.events.attachEvidence(forEvent.id, evidenceId, forEvent)
          : undefined,
      });
    if (forEvent && !isQueued) this.events.release(forEvent.id);
  }

  private readonly handleSignal = (event: ClientEvent, isFirst: boolean) => {
    const now = Date.now();
    const takesPicture =
      isFirst &&
      this.camera !== null &&
      event.kind !== 'camera_stopped' &&
      now - this.lastSignalSnapshotAt >= SIGNAL_SNAPSHOT_GAP_MS;
    if (takesPicture) this.lastSignalSnapshotAt = now;
    void this.events.record(event, takesPicture); // record never rejects; it retries on its own
    if (takesPicture) void this.takeSnapshot(event);
  };

  private readonly handleAck = (ack: EventsAck) => {
    const isNewWarning = ack.warning && ack.violations.count > this.lastWarnedCount;
    if (isNewWarning) this.lastWarnedCount = this.ackWarning = ack.violations.count;
    this.showViolations(
      ack.violations,
      isNewWarning ? { violations: ack.violations, kind: null } : undefined,
    );
    if (ack.submitted) this.options.refreshState();
  };

  /**
   * The ack of the events and the room's `proctor:warning` can both tell of one warning: it pops up
   * once. The socket's names the kind, so it completes a warning the ack put up; a proctor's later
   * warning at the same count still pops up.
   */
  private readonly handleWarning = (payload: { violations: Violations; kind?: string }) => {
    const { violations } = payload;
    const kind = payload.kind ?? null;
    this.lastWarnedCount = Math.max(this.lastWarnedCount, violations.count);
    if (violations.count === this.ackWarning) {
      this.ackWarning = 0;
      const shown = this.view.warning;
      this.showViolations(
        violations,
        shown?.violations.count === violations.count ? { violations, kind } : undefined,
      );
    } else this.showViolations(violations, { violations, kind });
  };

  /** `warning` undefined: only the count changed; the warning on screen (if any) stays. */
  private showViolations(violations: Violations, warning: ProctorView['warning'] | undefined): void {
    if (warning === undefined && violations.count === this.view.violations?.count) return;
    this.update({ violations, ...(warning ? { warning } : {}) });
  }

  private readonly handleMessage = (message: ProctorMessage) => {
    if (this.view.messages.some((m) => m.id === message.id)) return;
    this.update({ messages: [...this.view.messages, message] });
  };

  private readonly handleTimeChanged = (payload: { addedMs?: number; reason?: string }) => {
    const minutes = Math.round((payload.addedMs ?? 0) / 60_000);
    if (minutes !== 0) this.update({ timeChange: { minutes, reason: payload.reason ?? null } });
  };

  private readonly handleTerminated = (payload: { reason?: string }) => {
    this.update({ terminatedReason: payload.reason ?? '' });
  };
}
