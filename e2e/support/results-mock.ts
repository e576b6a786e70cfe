// A scheduled mock that students have sat, made over HTTP, for the browser tests of results: the
// teachers' results page, release and key revisions. The server's clock ends an hour after the
// window closed (past the last deadline and the answers' settling time).
import { createDrillChapter, student, type Client, type ExamRoomSuite } from './exam-room.js';

export type SatMock = { examId: string; questionIds: string[] };

/**
 * Publishes a five-question mock (+4/−1; the key of the four MCQs is 'b') for the demo batch
 * JEE-2027-A, manual release, then each student n of `answers` starts, answers (question index ->
 * option id; none leaves the paper blank) and submits.
 */
export async function createSatMock(
  suite: ExamRoomSuite,
  author: Client,
  options: { title: string; chapter: string; answers: Record<number, Record<number, string>> },
): Promise<SatMock> {
  const { title } = options;
  const { questionIds } = await createDrillChapter(author, {
    chapter: options.chapter,
    topic: `${options.chapter} topic`,
  });
  const { exam } = await author.call<{
    exam: { id: string; draft: { instructions: object }; settings: object };
  }>('POST', '/api/exams', { title });
  const examId = exam.id;
  await author.call('PUT', `/api/exams/${examId}/draft`, {
    title,
    durationMinutes: 10,
    lockedSections: false,
    instructions: exam.draft.instructions,
    sections: [
      {
        id: 'section-a',
        name: 'Section A',
        scheme: { correct: 4, wrong: -1 },
        allowedTypes: ['mcq_single', 'numerical'],
        questionCount: questionIds.length,
        shuffleQuestions: false,
        shuffleOptions: false,
        items: questionIds.map((questionId) => ({ questionId })),
      },
    ],
  });
  await author.call('PUT', `/api/exams/${examId}/settings`, {
    ...exam.settings,
    resultRelease: { mode: 'manual' },
  });
  await author.call('POST', `/api/exams/${examId}/publish`);
  const { items } = await author.call<{ items: { id: string; code: string }[] }>('GET', '/api/batches');
  const inHours = (h: number) => new Date(suite.clock.now() + h * 3_600_000).toISOString();
  const startsAt = inHours(1);
  const windowEndsAt = inHours(3);
  await author.call('PUT', `/api/exams/${examId}/schedule`, {
    mode: 'window',
    startsAt,
    windowEndsAt,
    batchIds: [items.find((b) => b.code === 'JEE-2027-A')!.id],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  });
  suite.clock.set(Date.parse(startsAt) + 5 * 60_000);
  for (const [n, chosen] of Object.entries(options.answers)) {
    const client = await suite.signInOverHttp(student(Number(n)));
    const deviceId = `results-device-${n}`;
    const started = await client.call<{ attempt: { id: string } }>('POST', `/api/exams/${examId}/start`, {
      deviceId,
    });
    if (Object.keys(chosen).length > 0)
      await client.call('POST', `/api/attempts/${started.attempt.id}/answers`, {
        deviceId,
        saves: Object.entries(chosen).map(([index, option], i) => ({
          questionId: questionIds[Number(index)]!,
          answer: { type: 'mcq_single', optionIds: [option] },
          state: 'answered',
          seq: i + 1,
          visits: 1,
          timeSpentMs: 20_000,
        })),
      });
    await client.call('POST', `/api/attempts/${started.attempt.id}/submit`);
  }
  suite.clock.set(Date.parse(windowEndsAt) + 60 * 60_000);
  return { examId, questionIds };
}
