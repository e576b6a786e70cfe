import type { FastifyBaseLogger } from 'fastify';
import type { Server as SocketServer } from 'socket.io';
import type { DomainEvents } from './platform/domain-events.js';
import {
  KEY_CHALLENGES_DECIDED,
  PROVISIONAL_KEY_PUBLISHED,
  RESULTS_RELEASED,
  RESULTS_REVISED,
  type NotificationService,
} from './modules/notifications/notification-service.js';

/**
 * What happens elsewhere when a module's domain event fires: the composition root's reactions,
 * kept here so that app.ts only builds. Modules never call each other's notices or caches
 * directly; each reaction logs its own failure (the emitter has already answered its user).
 */
export function wireDomainEvents(deps: {
  events: DomainEvents;
  log: FastifyBaseLogger;
  notifications: Pick<NotificationService, 'notify'>;
  /** The user ids of an exam's candidates (the exams directory). */
  listCandidateIds: (examId: string) => Promise<string[]>;
  prepareAttempts: (examId: string) => Promise<unknown>;
  planRelease: (examId: string) => Promise<unknown>;
  invalidateBoards: (instituteId: string) => Promise<void>;
  /** Scaled mode: the Socket.IO server whose adapter reaches the other instances, and what they forget. */
  schedules: { forgetListing(instituteId: string): void };
  fanOut: {
    io: SocketServer;
    snapshots: { forgetExam(examId: string): void };
    syllabus: { forgetCachedTree(instituteId: string): void };
  } | null;
}): void {
  const { events, log, notifications } = deps;
  const report = (what: string, examId: string) => (err: unknown) => log.error({ err, examId }, what);
  const notifyCandidates = (
    input: { examId: string; instituteId: string },
    kind: string,
    payload: Record<string, unknown>,
  ) =>
    deps
      .listCandidateIds(input.examId)
      .then((userIds) => notifications.notify({ instituteId: input.instituteId, userIds, kind, payload }));

  events.on('exam.scheduled', ({ examId }) => {
    deps.prepareAttempts(examId).catch(report('preparing attempts failed', examId));
    deps.planRelease(examId).catch(report('planning the result release failed', examId));
  });
  // The students' exam lists are cut from a cached listing per institute: a schedule or publication
  // change drops it here and, over the adapter, on every other instance.
  const forgetListing = ({ instituteId }: { instituteId: string }) => {
    deps.schedules.forgetListing(instituteId);
    deps.fanOut?.io.serverSideEmit('exams:forgetListing', instituteId);
  };
  events.on('exam.scheduled', forgetListing);
  events.on('exam.publicationChanged', forgetListing);
  // Released results: a notice for each candidate of the exam, on their dashboard and sockets.
  events.on('results.released', (e) => {
    notifyCandidates(e, RESULTS_RELEASED, { examId: e.examId, title: e.title }).catch(
      report('notifying released results failed', e.examId),
    );
  });
  // Every board of the institute is rebuilt from the database on its next read after a change.
  const invalidateBoards = ({ examId, instituteId }: { examId: string; instituteId: string }) => {
    deps.invalidateBoards(instituteId).catch(report('invalidating leaderboards failed', examId));
  };
  events.on('results.computed', invalidateBoards);
  events.on('results.released', invalidateBoards);
  // A key revision changed released results: a notice for each candidate whose marks or rank moved.
  events.on('results.revised', ({ examId, instituteId, title, revisionSeq, userIds }) => {
    notifications
      .notify({ instituteId, userIds, kind: RESULTS_REVISED, payload: { examId, title, revisionSeq } })
      .catch(report('notifying revised results failed', examId));
  });
  // A published provisional key: each candidate hears that it is out and until when it can be challenged.
  events.on('exam.provisionalKeyPublished', (e) => {
    const payload = { examId: e.examId, title: e.title, challengesCloseAt: e.challengesCloseAt };
    notifyCandidates(e, PROVISIONAL_KEY_PUBLISHED, payload).catch(
      report('notifying the provisional key failed', e.examId),
    );
  });
  // Decided challenges: each challenger hears the decision on their question.
  events.on('exam.keyChallengesDecided', ({ examId, instituteId, title, decision, userIds }) => {
    notifications
      .notify({ instituteId, userIds, kind: KEY_CHALLENGES_DECIDED, payload: { examId, title, decision } })
      .catch(report('notifying challenge decisions failed', examId));
  });
  if (deps.fanOut) {
    const { io, snapshots, syllabus } = deps.fanOut;
    // A key revision on one instance drops the exam's revised papers on every other.
    events.on('exam.keyRevised', ({ examId }) => io.serverSideEmit('exam:forgetPapers', examId));
    io.on('exam:forgetPapers', (examId: unknown) => {
      if (typeof examId === 'string') snapshots.forgetExam(examId);
    });
    // A syllabus write on one instance drops the institute's cached tree on every other.
    events.on('syllabus.changed', ({ instituteId }) => io.serverSideEmit('syllabus:forget', instituteId));
    io.on('syllabus:forget', (instituteId: unknown) => {
      if (typeof instituteId === 'string') syllabus.forgetCachedTree(instituteId);
    });
    io.on('exams:forgetListing', (instituteId: unknown) => {
      if (typeof instituteId === 'string') deps.schedules.forgetListing(instituteId);
    });
  }
}
