import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import type { AppConfig } from '../../platform/config.js';
import type { Database } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import type { AttemptService } from '../attempts/attempt-service.js';
import type { BatchService } from '../batches/batch-service.js';
import type { ExamDirectory } from '../exams/exam-directory.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import type { ResultsService } from '../results/results-service.js';
import type { UserDirectory } from '../users/user-service.js';
import { createProctoringRoom } from './proctoring-room.js';
import { createEvidenceRetention } from './proctoring-retention.js';
import { createProctoringSignals } from './proctoring-signals.js';

/**
 * The proctoring module as the composition root builds it: the candidate's signals and evidence,
 * the proctors' room, and the retention job. It owns the proctor_* tables and asks the attempts
 * module (own attempt, control of the clock), the exams directory (candidates, schedules), the
 * batches and users (scope, names) and the results (a decision's status).
 */
export function createProctoring(deps: {
  database: Database;
  clock: Clock;
  events: DomainEvents;
  batches: BatchService;
  papers: SnapshotCache;
  storage: FileStorage;
  attempts: AttemptService;
  exams: ExamDirectory;
  results: ResultsService;
  people: Pick<UserDirectory, 'findProfiles'>;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  config: Pick<AppConfig, 'evidenceRetentionDays' | 's3'>;
  log: FastifyBaseLogger;
}) {
  const signals = createProctoringSignals({
    database: deps.database,
    papers: deps.papers,
    clock: deps.clock,
    events: deps.events,
    storage: deps.storage,
    loadOwnAttempt: deps.attempts.loadOwnAttempt,
    async describeCandidate(instituteId, userId) {
      const [profile] = await deps.people.findProfiles(instituteId, [userId]);
      return { name: profile?.name ?? '', batchIds: await deps.batches.listBatchIdsOfMember(userId) };
    },
    terminate: (attemptId) => deps.attempts.control.terminate(attemptId, 'violations'),
    uploadUrlTtlSeconds: deps.config.s3?.uploadUrlTtlSeconds ?? 900,
  });
  const room = createProctoringRoom({
    database: deps.database,
    clock: deps.clock,
    events: deps.events,
    storage: deps.storage,
    papers: deps.papers,
    exams: deps.exams,
    batches: deps.batches,
    people: deps.people,
    control: deps.attempts.control,
    findAttempt: deps.attempts.findAttemptById,
    setResultStatus: (actor, examId, attemptId, status, reason) =>
      deps.results.setResultStatus(actor, examId, attemptId, { status, reason }),
    retentionDays: deps.config.evidenceRetentionDays,
    forgetWeights: (examId) => signals.forgetWeights(examId),
  });
  const retention = createEvidenceRetention({
    database: deps.database,
    storage: deps.storage,
    clock: deps.clock,
    jobs: deps.jobs,
    retentionDays: deps.config.evidenceRetentionDays,
    log: deps.log,
  });
  void retention
    .plan()
    .catch((err: unknown) => deps.log.warn({ err }, 'could not plan the evidence retention job'));
  return { signals, room, retention };
}
