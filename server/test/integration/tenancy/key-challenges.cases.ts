import { expect } from 'vitest';
import type { TenancyCase, TenancyContext } from './cases.js';
import { scheduleExamOfA } from './exam-of-a.js';

/**
 * Provisional keys and challenges: institute B neither reads institute A's provisional key or
 * challenges nor publishes, challenges, withdraws or decides there; A's stay as they were.
 */
export function keyChallengeTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  let setup: Promise<{ examId: string; questionId: string }> | null = null;
  const ensureExamA = () =>
    (setup ??= (async () => {
      const { examId, questionId } = await scheduleExamOfA(context, 'Institute A provisional key');
      return { examId, questionId };
    })());
  const unchanged = async (examId: string) => {
    const key = await context.adminA.get(`/api/exams/${examId}/provisional-key`);
    expect(key.json()).toMatchObject({ provisionalKey: { published: false } });
    expect((await context.adminA.get(`/api/exams/${examId}/challenges`)).json()).toEqual({ questions: [] });
  };
  return {
    'GET /api/exams/:id/provisional-key': async (client) => {
      const { examId } = await ensureExamA();
      const res = await client.get(`/api/exams/${examId}/provisional-key`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Institute A provisional key');
    },
    'POST /api/exams/:id/provisional-key': async (client) => {
      const { examId } = await ensureExamA();
      const res = await client.post(`/api/exams/${examId}/provisional-key`, {});
      expect(res.statusCode).toBe(404);
      await unchanged(examId);
    },
    'GET /api/exams/:id/challenges': async (client) => {
      const { examId } = await ensureExamA();
      expect((await client.get(`/api/exams/${examId}/challenges`)).statusCode).toBe(404);
    },
    // Staff cannot challenge at all (403); a student of B would get 404 (key-challenges.test.ts).
    'POST /api/exams/:id/challenges': async (client) => {
      const { examId, questionId } = await ensureExamA();
      const res = await client.post(`/api/exams/${examId}/challenges`, { questionId, reason: 'From B' });
      expect([403, 404]).toContain(res.statusCode);
      await unchanged(examId);
    },
    'POST /api/exams/:id/challenges/:challengeId/withdraw': async (client) => {
      const { examId } = await ensureExamA();
      const res = await client.post(`/api/exams/${examId}/challenges/${crypto.randomUUID()}/withdraw`, {});
      expect([403, 404]).toContain(res.statusCode);
      await unchanged(examId);
    },
    'POST /api/exams/:id/challenges/questions/:questionId/decision': async (client) => {
      const { examId, questionId } = await ensureExamA();
      const res = await client.post(`/api/exams/${examId}/challenges/questions/${questionId}/decision`, {
        decision: 'accept',
        revision: { kind: 'drop', award: 'everyone' },
        reason: 'From another institute',
      });
      expect(res.statusCode).toBe(404);
      await unchanged(examId);
    },
  };
}
