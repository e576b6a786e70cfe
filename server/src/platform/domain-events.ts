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
