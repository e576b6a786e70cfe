import { expect } from 'vitest';
import { ANSWERS_SETTLE_MS } from '../../../src/modules/exams/result-release.js';
import { createQuestion, findTopic, loadSyllabus } from '../../support/bank-fixtures.js';
import { openExamNow, publishExam, readSchedule, scheduleBody } from '../../support/exam-fixtures.js';
import { sitExam } from '../../support/results-fixtures.js';
import { demo, signIn } from '../../support/test-app.js';
import type { TenancyCase, TenancyContext } from './cases.js';

/**
 * Leaderboards: institute B reads none of institute A's boards. A has a released mock on its boards
 * (the demo student on top); B's admin and teacher get 404 for A's exam and batch, and B's own
 * boards and exam list hold nothing of A.
 */
export function leaderboardTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  let setup: Promise<{ examId: string; batchId: string; studentName: string }> | null = null;
  const ensureBoardOfA = () =>
    (setup ??= (async () => {
      const tree = await loadSyllabus(context.adminA);
      const questionId = await createQuestion(context.adminA, findTopic(tree, 'Physics').topicId);
      const examId = await publishExam(context.adminA, {
        title: 'Institute A leaderboard mock',
        durationMinutes: 30,
        lockedSections: false,
        sections: [{ id: 'a', questionIds: [questionId] }],
      });
      const me = await signIn(context.app, demo.student);
      const user = (await me.get('/api/auth/me')).json<{ user: { id: string; name: string } }>().user;
      const scheduled = await context.adminA.put(
        `/api/exams/${examId}/schedule`,
        scheduleBody(context.clock, [], { studentIds: [user.id] }),
      );
      expect(scheduled.statusCode).toBe(200);
      await openExamNow(context.clock, context.adminA, examId);
      await sitExam(context.app, demo.student, examId, { [questionId]: 'b' });
      const { endsAt } = await readSchedule(context.adminA, examId);
      context.clock.set(Math.max(context.clock.now(), Date.parse(endsAt) + ANSWERS_SETTLE_MS + 60_000));
      expect((await context.adminA.post(`/api/exams/${examId}/results/release`, {})).statusCode).toBe(200);
      const batches = (await me.get('/api/batches')).json<{ items: { id: string }[] }>().items;
      // A's own admin sees the board: the 404s below are about the institute, not an empty board.
      // (The release computes the results in the background: the board fills moments later.)
      await expect
        .poll(async () =>
          (await context.adminA.get(`/api/leaderboards/exams/${examId}`))
            .json<{ top: { name: string }[] }>()
            .top.map((r) => r.name),
        )
        .toEqual([user.name]);
      return { examId, batchId: batches[0]!.id, studentName: user.name };
    })());
  const holdsNothingOfA = async (body: string) => {
    const { examId, studentName } = await ensureBoardOfA();
    expect(body).not.toContain(examId);
    expect(body).not.toContain(studentName);
  };
  return {
    'GET /api/leaderboards/institute': async (client) => {
      await ensureBoardOfA();
      const res = await client.get('/api/leaderboards/institute?period=all');
      expect(res.statusCode).toBe(200);
      await holdsNothingOfA(res.body);
    },
    'GET /api/leaderboards/batches/:batchId': async (client) => {
      const { batchId } = await ensureBoardOfA();
      const res = await client.get(`/api/leaderboards/batches/${batchId}?period=all`);
      expect(res.statusCode).toBe(404);
      await holdsNothingOfA(res.body);
    },
    'GET /api/leaderboards/exams': async (client) => {
      await ensureBoardOfA();
      const res = await client.get('/api/leaderboards/exams');
      expect(res.statusCode).toBe(200);
      await holdsNothingOfA(res.body);
    },
    'GET /api/leaderboards/exams/:examId': async (client) => {
      const { examId } = await ensureBoardOfA();
      const res = await client.get(`/api/leaderboards/exams/${examId}`);
      expect(res.statusCode).toBe(404);
      await holdsNothingOfA(res.body);
    },
  };
}
