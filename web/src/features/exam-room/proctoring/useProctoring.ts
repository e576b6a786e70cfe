// The room's proctoring, as a hook: a ProctoringSession per attempt while the room is mounted,
// started after the attempt's socket (useExamSession's effect runs first), and its view through
// an external store, so the room re-renders only when something shown changes.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Socket } from 'socket.io-client';
import { isProctored, type RoomProctoring, type Violations } from './kinds';
import { ProctoringSession, type ProctorView } from './proctoring-session';

/** The current session (none between React's unmount and remount), and the actions on it. */
class SessionHolder {
  private session: ProctoringSession | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();

  set(session: ProctoringSession | null): void {
    this.unsubscribe?.();
    this.session = session;
    this.unsubscribe = session ? session.subscribe(this.notify) : null;
    this.notify();
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getView = (): ProctorView | null => this.session?.getView() ?? null;

  readonly returnToFullScreen = () => this.session?.returnToFullScreen();
  readonly shareScreenAgain = () => void this.session?.shareScreenAgain(); // catches its own failures
  readonly turnCameraOn = () => void this.session?.turnCameraOn(); // catches its own failures
  readonly dismissWarning = () => this.session?.dismissWarning();
  readonly dismissMessage = (id: string) => this.session?.dismissMessage(id);
  readonly dismissTimeChange = () => this.session?.dismissTimeChange();

  private readonly notify = () => {
    for (const listener of this.listeners) listener();
  };
}

export type ProctorActions = Pick<
  SessionHolder,
  | 'returnToFullScreen'
  | 'shareScreenAgain'
  | 'turnCameraOn'
  | 'dismissWarning'
  | 'dismissMessage'
  | 'dismissTimeChange'
>;

export interface Proctoring {
  /** Null when the exam is not proctored (or its settings are not known yet). */
  view: ProctorView | null;
  actions: ProctorActions;
}

export function useProctoring(options: {
  attemptId: string;
  settings: RoomProctoring | null;
  offsetMs: number;
  currentQuestionId: string;
  violations: Violations | null;
  getConnection: () => Socket | null;
  refreshState: () => void;
}): Proctoring {
  const { attemptId, settings, offsetMs, getConnection, refreshState } = options;
  const [holder] = useState(() => new SessionHolder());
  // Read when an event starts and when the session starts, not a reason to start it again.
  const questionRef = useRef(options.currentQuestionId);
  const violationsRef = useRef(options.violations);
  useEffect(() => {
    questionRef.current = options.currentQuestionId;
    violationsRef.current = options.violations;
  });

  useEffect(() => {
    if (!isProctored(settings)) return;
    const session = new ProctoringSession({
      attemptId,
      settings,
      offsetMs,
      socket: getConnection(),
      questionId: () => questionRef.current,
      refreshState,
      violations: violationsRef.current,
    });
    holder.set(session);
    void session.start(); // start catches its own failures: a missing camera is a signal, not an error
    return () => {
      session.stop();
      holder.set(null);
    };
  }, [attemptId, getConnection, holder, offsetMs, refreshState, settings]);

  const view = useSyncExternalStore(holder.subscribe, holder.getView);
  return { view, actions: holder };
}
