import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { RELEASE_JOB } from '../../src/modules/exams/result-release-service.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { findDemoBatchId, settleExamNow } from '../support/exam-fixtures.js';
import { scheduleReleaseExam } from '../support/results-fixtures.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';

/**
 * The release job with two instances on one database (PostgreSQL only: embedded PGlite is one
 * process): both tick at the same moment, the release happens once and each candidate hears once.
 */

let env: TestEnv;
let first: App;
let second: App;
let teacher: TestClient;

beforeAll(async () => {
  // The runners never poll by themselves: the test ticks them.
  env = await createTestEnv({ env: { JOBS_POLL_INTERVAL_MS: String(3_600_000) } });
  first = await env.start();
  second = await env.start();
  teacher = await signIn(first, demo.teacher);
}, 60_000);
afterAll(() => env.close());

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = await first.database.db.execute(query);
  return Number((result as { rows: { n: number | string }[] }).rows[0]!.n);
}

it('an instant release runs once with two instances sharing the database', async () => {
  const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 2);
  const examId = await scheduleReleaseExam({
    clock: env.clock,
    teacher,
    batchIds: [await findDemoBatchId(await signIn(first, demo.admin))],
    questionIds: [await createQuestion(teacher, topic.topicId)],
    title: 'Two instances mock',
    resultRelease: { mode: 'instant' },
  });
  await settleExamNow(env.clock, teacher, examId);
  const noticesOf = () =>
    count(sql`select count(*) as n from notifications where payload->>'examId' = ${examId}`);

  const [a, b] = await Promise.all([first.jobs.tick(), second.jobs.tick()]);
  expect(a + b).toBeGreaterThanOrEqual(1);
  await expect.poll(noticesOf).toBeGreaterThan(0);
  const notices = await noticesOf();
  await Promise.all([first.jobs.tick(), second.jobs.tick()]);
  expect(await noticesOf()).toBe(notices);
  expect(
    await count(
      sql`select count(distinct user_id) as n from notifications where payload->>'examId' = ${examId}`,
    ),
  ).toBe(notices);
  expect(
    await count(
      sql`select count(*) as n from jobs where kind = ${RELEASE_JOB} and key = ${examId} and done_at is not null`,
    ),
  ).toBe(1);
});
