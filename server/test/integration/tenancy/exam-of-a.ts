import { expect } from 'vitest';
import { createQuestion, findTopic, loadSyllabus } from '../../support/bank-fixtures.js';
import { publishExam, scheduleBody } from '../../support/exam-fixtures.js';
import { demo, signIn } from '../../support/test-app.js';
import type { TenancyContext } from './cases.js';

/**
 * A one-question exam of institute A (a Physics MCQ, key 'b'), published and scheduled ahead of the
 * clock for institute A's demo student by name: what B's staff then try to reach.
 */
export async function scheduleExamOfA(
  context: TenancyContext,
  title: string,
): Promise<{ examId: string; questionId: string }> {
  const tree = await loadSyllabus(context.adminA);
  const questionId = await createQuestion(context.adminA, findTopic(tree, 'Physics').topicId);
  const examId = await publishExam(context.adminA, {
    title,
    durationMinutes: 30,
    lockedSections: false,
    sections: [{ id: 'a', questionIds: [questionId] }],
  });
  const me = await signIn(context.app, demo.student);
  const studentId = (await me.get('/api/auth/me')).json<{ user: { id: string } }>().user.id;
  const scheduled = await context.adminA.put(
    `/api/exams/${examId}/schedule`,
    scheduleBody(context.clock, [], { studentIds: [studentId] }),
  );
  expect(scheduled.statusCode).toBe(200);
  return { examId, questionId };
}
