import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Server as SocketServer } from 'socket.io';
import { systemClock, type Clock } from './platform/clock.js';
import type { AppConfig } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { runMigrations } from './platform/db/migrate.js';
import { createDomainEvents } from './platform/domain-events.js';
import { replyToClientError } from './platform/errors/client-error.js';
import { registerErrorHandler, replyToFrameworkError } from './platform/errors/error-handler.js';
import { DEFAULT_UPLOAD_BYTES } from './platform/http/multipart.js';
import { createProxyTrust } from './platform/http/proxy-trust.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerSessionAuth } from './platform/http/session-auth.js';
import { registerTextGuard } from './platform/http/text-guard.js';
import { registerWebApp } from './platform/http/web-app.js';
import { createMemoryRateLimiter, createRedisRateLimiter } from './platform/kv/rate-limiter.js';
import {
  createDatabaseSessionStore,
  createRedisSessionStore,
  type SessionStore,
} from './platform/kv/session-store.js';
import { createMetrics, registerHttpMetrics } from './platform/metrics.js';
import { traceLogFields } from './platform/spans.js';
import { attachRealtime } from './platform/realtime.js';
import { createRedisClient } from './platform/redis.js';
import { createLocalDiskStorage, type FileStorage } from './platform/storage/file-storage.js';
import { createS3Storage } from './platform/storage/s3-storage.js';
import { createAuthService } from './modules/auth/auth-service.js';
import { createBatchService } from './modules/batches/batch-service.js';
import { createInstituteDirectory, createInstituteService } from './modules/institutes/institute-service.js';
import { createStudentImportService } from './modules/student-import/student-import-service.js';
import { createUserDirectory, createUserService } from './modules/users/user-service.js';
import { createExamService } from './modules/exams/exam-service.js';
import { createPracticeService } from './modules/exams/practice-service.js';
import { createScheduleService } from './modules/exams/schedule-service.js';
import { createAttemptService } from './modules/attempts/attempt-service.js';
import { registerAttemptSocket, shareAttemptCacheInvalidation } from './modules/attempts/attempt-socket.js';
import { createSnapshotCache } from './modules/exams/snapshots.js';
import { createExamAccess } from './modules/exams/exam-access.js';
import { createExamDirectory } from './modules/exams/exam-directory.js';
import { findReservedQuestions } from './modules/exams/result-release.js';
import { createAssetUploadService } from './modules/assets/asset-upload-service.js';
import { createAssetService } from './modules/assets/asset-service.js';
import { createAttemptAssetAccess } from './modules/attempts/attempt-assets.js';
import { createQuestionExportService } from './modules/question-transfer/export-service.js';
import { createQuestionImportService } from './modules/question-transfer/import-service.js';
import { countActiveQuestionsByTopic, createQuestionService } from './modules/questions/question-service.js';
import { createQuestionBankService } from './modules/questions/question-bank-service.js';
import { createSyllabusService, type SyllabusService } from './modules/syllabus/syllabus-service.js';
import { createProgressService } from './modules/progress/progress-service.js';
import { createResultsService, type ResultsService } from './modules/results/results-service.js';
import { createLeaderboardService } from './modules/leaderboards/leaderboard-service.js';
import { createDatabaseLeaderboardStore } from './modules/leaderboards/leaderboard-store.js';
import { createRedisLeaderboardStore } from './modules/leaderboards/redis-leaderboard-store.js';
import { seedDemoData } from './seed/demo-seed.js';
import { createJobQueue, type JobQueue } from './platform/jobs/job-queue.js';
import { createResultReleaseService } from './modules/exams/result-release-service.js';
import { createKeyRevisionService } from './modules/exams/key-revision-service.js';
import { createKeyChallengeService } from './modules/exams/key-challenge-service.js';
import { createNotificationService } from './modules/notifications/notification-service.js';
import { startSweeper, type Sweeper } from './modules/attempts/attempt-sweeper.js';
import { createProctoring } from './modules/proctoring/proctoring-module.js';
import type { ProctoringSignals } from './modules/proctoring/proctoring-signals.js';
import { deliverProctoring, registerProctoringSocket } from './modules/proctoring/proctoring-socket.js';
import { registerRoutes } from './app-routes.js';
import { OneLinePerRequest } from './platform/http/request-logging.js';
import { wireDomainEvents } from './app-events.js';

export const defaultWebDistDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The running pieces tests and the entry point need; `http` is the Fastify instance. */
export type App = {
  http: FastifyInstance;
  io: SocketServer;
  seeded: boolean;
  storage: FileStorage;
  database: Database;
  /** Exam results (compute, standings, statistics): for jobs wired here, benchmarks and tests. */
  results: ResultsService;
  syllabus: Pick<SyllabusService, 'resolveSyllabusPaths' | 'forgetTree'>; // tests of imports' own transactions
  /** Every route registered, for the tenancy test that must cover each one. */
  routes: { method: string; url: string }[];
  /** The job queue; tests run one tick of it instead of waiting for the poll. */
  jobs: Pick<JobQueue, 'tick'>;
  /** The deadline sweeper; tests run one sweep instead of waiting for its timer. */
  sweeper: Pick<Sweeper, 'sweepOnce'>;
};

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Builds the whole application without listening, so tests drive it through `inject()` or a real
 * port. Plugins and hooks are registered in a fixed order: errors, security headers, cookies,
 * multipart, metrics, sessions, the text guard, routes, then the web app's fallback.
 * `overrides.clock` is the one notion of "now" handed to every service, the sweeper, the socket
 * handlers, the session store and the rate limiter (tests pass a clock they move; production the
 * system clock).
 */
export async function buildApp(
  config: AppConfig,
  overrides: { database?: Database; clock?: Clock } = {},
): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // The active trace's ids on every line logged inside a traced request or save (when tracing is on).
      mixin: traceLogFields,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    // Only the listed proxies' X-Forwarded-For is believed; anyone else is known by their socket's address.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    logController: new OneLinePerRequest(),
    frameworkErrors: replyToFrameworkError,
    clientErrorHandler: replyToClientError,
  });
  const routes: App['routes'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const database = overrides.database ?? (await openDatabase(config.database));
  if (config.runMigrations) await runMigrations(database);
  const onRedisError = (err: Error) => app.log.warn({ err: err.message }, 'redis unavailable; retrying');
  const redis: Redis | null = config.redis
    ? createRedisClient(config.redis, { onError: onRedisError })
    : null;
  // The streams adapter blocks on XREAD, so it gets its own connection.
  const adapterRedis: Redis | null = config.redis
    ? createRedisClient(config.redis, { prefixed: false, waitForReconnect: true, onError: onRedisError })
    : null;

  const events = createDomainEvents();
  const baseSessions = redis
    ? createRedisSessionStore(redis, clock)
    : createDatabaseSessionStore(database.db, clock);
  const sessions: SessionStore = {
    ...baseSessions,
    async revoke(id) {
      await baseSessions.revoke(id);
      events.emit('session.revoked', { sessionId: id });
    },
    async revokeAllForUser(userId, exceptId) {
      await baseSessions.revokeAllForUser(userId, exceptId);
      events.emit('user.sessionsRevoked', { userId, ...(exceptId ? { exceptSessionId: exceptId } : {}) });
    },
  };
  const now = () => clock.now();
  const limiter = redis ? createRedisRateLimiter(redis, now) : createMemoryRateLimiter(now);
  // S3 when S3_BUCKET is set (every instance sees every file); this instance's disk otherwise.
  const s3Storage = config.s3 ? createS3Storage(config.s3) : null;
  const storage: FileStorage = s3Storage ?? createLocalDiskStorage(config.filesDir);
  // The gauge asks the attempts module at scrape time; `attempts` exists by then.
  const metrics = createMetrics(database, {
    activeCandidates: (limit) => attempts.countActiveCandidatesByExam(limit),
  });

  // Dependencies point one way: batches <- users <- institutes. What a lower module needs from a
  // higher one comes through a narrow directory built here (members' names, an institute's name).
  const batches = createBatchService(database, { people: createUserDirectory(database), clock });
  const users = createUserService({
    database,
    sessions,
    batches,
    institutes: createInstituteDirectory(database),
  });
  const auth = createAuthService({ sessions, limiter, users, config });
  // The bank depends on the syllabus, never the reverse: the tree's counts come through this one function.
  const syllabus = createSyllabusService(database, {
    clock,
    countQuestionsByTopic: (instituteId) => countActiveQuestionsByTopic(database.readDb, instituteId),
    events,
    cacheLookups: metrics.cacheLookups('syllabus'),
  });
  const institutes = createInstituteService({ database, users, batches, syllabus });
  const studentImport = createStudentImportService({ database, batches, users });
  const snapshots = createSnapshotCache(database.db, undefined, metrics.cacheLookups('snapshots'));
  const questionBank = createQuestionBankService({ syllabus });
  // The attempts module asks the exams module through the directory; the exams module asks the
  // attempts service back (has an exam started), so the directory is built first.
  const examDirectory = createExamDirectory(database);
  // The analysis shows the results module's standing; results read the attempts, so the attempts
  // get a function that reaches the results service once it exists (no module cycle).
  const resultsRef: { current?: ResultsService } = {};
  // The attempt's state shows its violations, which the proctoring module (built later) counts.
  const proctoringRef: { current?: ProctoringSignals } = {};
  const attempts = createAttemptService({
    database,
    papers: snapshots,
    exams: examDirectory,
    events,
    loadExamForStaff: createExamAccess({ db: database.db, batches }).loadExam,

    clock,
    saveRateLimitScale: config.saveRateLimitScale,
    observe: {
      saveBatch: metrics.observeSaveBatch,
      commitBatch: (size) => metrics.observeCommitBatch(size),
      attemptCache: metrics.cacheLookups('attempts'),
    },
    standings: (examId, userId) =>
      resultsRef.current?.getCandidateView(examId, userId) ??
      Promise.resolve({ standing: null, comparison: null }),
    countViolations: (attemptId) => proctoringRef.current?.countViolations(attemptId) ?? Promise.resolve(0),
    evidenceRetentionDays: config.evidenceRetentionDays,
    pauseMaxMs: config.pauseMaxMinutes * 60_000,
  });
  const base = { database, batches, users, events, clock };
  const exams = createExamService({
    ...base,
    snapshots,
    bank: questionBank,
    syllabus,
    attempts,
    log: app.log,
  });
  const listingLookups = metrics.cacheLookups('exam-lists');
  const schedules = createScheduleService({ ...base, exams, cacheLookups: listingLookups });
  const jobs = createJobQueue({ database, clock, log: app.log });
  const notifications = createNotificationService({ database, clock, events });
  const practice = createPracticeService({ database, bank: questionBank, syllabus, attempts, clock });
  // Results read the attempts' scores and the candidates through their owners; release, key
  // revisions and jobs call `results.computeExamResults(examId)` (idempotent).
  const results = createResultsService({
    database,
    clock,
    exams,
    directory: examDirectory,
    attempts,
    people: createUserDirectory(database),
    batches,
    events,
  });
  // Leaderboards: Redis sorted sets filled from the results when scaled, the results' SQL embedded.
  const leaderboardStore = redis
    ? createRedisLeaderboardStore({ redis, readAll: (scope) => results.readBoard(scope, null) })
    : createDatabaseLeaderboardStore(results);
  const leaderboards = createLeaderboardService({
    store: leaderboardStore,
    results,
    directory: examDirectory,
    isCandidate: async (examId, userId) =>
      (await examDirectory.listCandidates(database.db, examId, userId)).length > 0,
    exams,
    batches,
    institutes: createInstituteDirectory(database),
    clock,
  });
  // Weak areas, recommendations and trends: asks the attempts, exams, bank, syllabus and results; owns no tables.
  const progress = createProgressService({
    db: database.db,
    attempts,
    exams: examDirectory,
    papers: snapshots,
    bank: questionBank,
    syllabus,
    users,
    results,
    clock,
  });
  resultsRef.current = results;
  // Results are computed when answers are final (the teachers' page is ready within seconds of
  // the deadline) and again on release (manual, scheduled or instant).
  const releases = createResultReleaseService({
    database,
    clock,
    events,
    jobs,
    exams,
    log: app.log,
    onReleased: (examId) => results.computeExamResults(examId),
    onAnswersFinal: (examId) => results.computeExamResults(examId),
  });
  // A key revision: each candidate's total and rank kept as they were, every submitted attempt
  // scored again with the revised paper, then the results (and what changed for whom).
  const keyRevisions = createKeyRevisionService({
    database,
    clock,
    events,
    snapshots,
    exams,
    onRevised: async (examId, revision) => {
      await results.captureBeforeRevision(examId, revision);
      await attempts.rescoreExam(examId);
      await results.computeExamResults(examId, { revision });
    },
  });
  // Provisional keys and challenges: accepting a challenge is a key revision (rescoring and ranks follow).
  const keyChallenges = createKeyChallengeService({
    database,
    clock,
    events,
    snapshots,
    exams,
    revisions: keyRevisions,
    sittings: attempts,
  });
  const assets = createAssetService({
    database,
    storage,
    students: createAttemptAssetAccess({ database, papers: snapshots, clock }),
  });
  const assetUploads = createAssetUploadService({
    database,
    storage,
    assets,
    uploadUrlTtlSeconds: config.s3?.uploadUrlTtlSeconds ?? 900,
  });
  const questions = createQuestionService({
    database,
    syllabus,
    assets,
    users,
    reservations: {
      findReservedQuestions: (instituteId) =>
        findReservedQuestions(database.readDb, instituteId, clock.now()),
    },
  });
  const questionImports = createQuestionImportService({
    database,
    storage,
    syllabus,
    questions,
    assets,
    clock,
    log: app.log,
  });
  const questionExports = createQuestionExportService({ questions, clock });
  const proctoring = createProctoring({
    ...base,
    papers: snapshots,
    storage,
    attempts,
    exams: examDirectory,
    results,
    people: createUserDirectory(database),
    jobs,
    config,
    log: app.log,
  });
  proctoringRef.current = proctoring.signals;

  registerErrorHandler(app);
  await registerSecurityHeaders(app, { uploadOrigins: storage.uploadOrigin ? [storage.uploadOrigin] : [] });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: DEFAULT_UPLOAD_BYTES, files: 1, fields: 10 } });
  registerHttpMetrics(app, metrics, {
    token: config.metricsToken,
    isBehindProxy: config.trustProxy.length > 0,
  });
  registerSessionAuth(app, sessions);
  registerTextGuard(app);

  await registerRoutes(app, {
    ...{ database, redis, auth, config, institutes, batches, users, studentImport, exams, schedules },
    ...{ releases, revisions: keyRevisions, challenges: keyChallenges, notifications, practice, attempts },
    ...{ progress, results, leaderboards, syllabus, questions, assets, uploads: assetUploads },
    ...{ imports: questionImports, exports: questionExports },
    ...{ proctorSignals: proctoring.signals, proctorRoom: proctoring.room },
  });
  await registerWebApp(app, config.webDistDir ?? defaultWebDistDir);

  const seeded = config.seedDemoData ? await seedDemoData(database, { users, syllabus, questions }) : false;
  const io = attachRealtime({
    app,
    sessions,
    socketLimits: config.socketLimits,
    idleSessionCheckMs: config.socketSessionRecheckSeconds * 1000,
    isTrustedProxy: createProxyTrust(config.trustProxy),
    events,
    metrics,
    redis: adapterRedis && config.redis ? { client: adapterRedis, keyPrefix: config.redis.keyPrefix } : null,
    socketHandlers: [
      registerAttemptSocket(attempts, app.log, clock, config.saveRateLimitScale),
      registerProctoringSocket(proctoring.signals, proctoring.room, app.log),
    ],
  });
  const stopProctoringDelivery = deliverProctoring(io, events);
  if (adapterRedis) shareAttemptCacheInvalidation(io, attempts, events);
  wireDomainEvents({
    events,
    log: app.log,
    notifications,
    listCandidateIds: async (examId) =>
      (await examDirectory.listCandidates(database.db, examId)).map((c) => c.userId),
    prepareAttempts: (examId) => attempts.prepareAttempts(examId),
    planRelease: (examId) => releases.planRelease(examId),
    invalidateBoards: (instituteId) => leaderboardStore.invalidateInstitute(instituteId),
    schedules,
    fanOut: adapterRedis ? { io, snapshots, syllabus } : null,
  });
  const sweeper = startSweeper({
    log: app.log,
    sweepBatch: (limit) => attempts.sweepExpired(limit),
    intervalMs: config.sweeperIntervalMs,
    batchSize: config.sweeperBatchSize,
    clock,
  });
  const stopJobs = jobs.start(config.jobsPollIntervalMs);

  // Close in reverse order of dependence: sockets, then Redis, then the database.
  app.addHook('onClose', async () => {
    // A sweep under way ends after its current batch, before the pool closes.
    await sweeper.stop();
    await stopJobs();
    stopProctoringDelivery();
    await io.close();
    // Every save already queued is committed (and acknowledged) before the pool closes.
    await attempts.drain();
    // quit() waits for pending replies; disconnect() when Redis is already gone.
    await Promise.all(
      [redis, adapterRedis].map(async (client) => {
        await client?.quit().catch(() => client.disconnect());
      }),
    );
    await database.close();
    s3Storage?.close();
  });

  return { http: app, io, seeded, storage, database, results, syllabus, routes, jobs, sweeper };
}
