import { EventEmitter } from 'node:events';

/**
 * Events services emit; the real-time module, the attempts module and app.ts's wiring (preparing
 * attempts, planning releases, notices) react. Typed so names cannot drift.
 */
export type DomainEventMap = {
  /** Every session of the user but `exceptSessionId` (the one that changed the password) ended. */
  'user.sessionsRevoked': { userId: string; exceptSessionId?: string };
  /** One session ended (logout): its sockets must close on every instance. */
  'session.revoked': { sessionId: string };
  /** A candidate opened the attempt on another device: the previous one must stop writing. */
  'attempt.deviceChanged': { attemptId: string; deviceId: string };
  /**
   * A proctor (or the violation threshold) changed a running attempt: paused, resumed, extended or
   * terminated. The candidate's room hears of it and every instance drops its cached attempt.
   */
  'attempt.controlled': {
    attemptId: string;
    examId: string;
    change: 'paused' | 'resumed' | 'extended' | 'terminated';
    addedMs: number;
    deadlineAt: string | null;
    reason: string;
  };
  /**
   * A candidate's proctoring signals were stored: `alerts` (new violations) pop up for the proctors
   * of the candidate's batches and the institute's admins; the rest updates their grid.
   */
  'proctoring.signals': {
    examId: string;
    instituteId: string;
    attemptId: string;
    userId: string;
    name: string;
    batchIds: readonly string[];
    alerts: readonly {
      id: string;
      kind: string;
      startedAt: string;
      durationMs: number;
      evidenceId: string | null;
    }[];
    counts: Readonly<Record<string, number>>;
    trustScore: number;
    /** What the signal says of the attempt: sent from the room, so in the exam unless submitted since. */
    status: 'in_exam' | 'submitted';
    /** A new violation at or past the exam's warning threshold: the candidate is warned. */
    isWarned: boolean;
    violations: { count: number; warnAfter: number; submitAfter: number };
  };
  /** A candidate's webcam snapshot was stored: the proctors' grid shows it as the latest. */
  'proctoring.snapshot': {
    examId: string;
    attemptId: string;
    userId: string;
    batchIds: readonly string[];
    evidenceId: string;
    takenAt: string;
  };
  /** A proctor's message or warning to a candidate, shown in their exam room. */
  'proctoring.message': {
    attemptId: string;
    id: string;
    kind: 'message' | 'warn';
    text: string;
    from: string;
    at: string;
  };
  /** An exam's schedule or candidates changed: attempts are prepared ahead of T0 and its release is planned. */
  'exam.scheduled': { examId: string; instituteId: string };
  /** An exam was published or unpublished: it enters or leaves its candidates' lists. */
  'exam.publicationChanged': { examId: string; instituteId: string };
  /** An exam's answer key was revised: every instance drops its cached papers of the exam. */
  'exam.keyRevised': { examId: string };
  /** An institute's syllabus tree changed (a node added, renamed, moved, archived or restored). */
  'syllabus.changed': { instituteId: string };
  /** An exam's results went out (a teacher's release, or the job at the release time); once per exam. */
  'results.released': {
    examId: string;
    instituteId: string;
    title: string;
    how: 'manual' | 'scheduled' | 'instant';
  };
  /** An exam's results, ranks or a result's status changed (computed again, withheld, restored). */
  'results.computed': { examId: string; instituteId: string };
  /**
   * A key revision changed these candidates' marks or rank in a released exam (results module):
   * each is told once; `revisionSeq` is the revision's number within the exam.
   */
  'results.revised': {
    examId: string;
    instituteId: string;
    title: string;
    revisionSeq: number;
    userIds: readonly string[];
  };
  /** An exam's provisional answer key went out to its candidates, challenges open until `challengesCloseAt`. */
  'exam.provisionalKeyPublished': {
    examId: string;
    instituteId: string;
    title: string;
    challengesCloseAt: string;
  };
  /** A teacher decided the pending challenges of one question: its challengers hear of it. */
  'exam.keyChallengesDecided': {
    examId: string;
    instituteId: string;
    title: string;
    decision: 'accepted' | 'rejected';
    userIds: readonly string[];
  };
  /** Notifications were stored for these users: their sockets on every instance hear of it. */
  'notifications.created': { userIds: readonly string[]; kind: string; payload: Record<string, unknown> };
};

export type DomainEvents = {
  emit<K extends keyof DomainEventMap>(name: K, payload: DomainEventMap[K]): void;
  on<K extends keyof DomainEventMap>(name: K, listener: (payload: DomainEventMap[K]) => void): void;
};

export function createDomainEvents(): DomainEvents {
  const emitter = new EventEmitter();
  return {
    emit: (name, payload) => {
      emitter.emit(name, payload);
    },
    on: (name, listener) => {
      emitter.on(name, listener);
    },
  };
}
