import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { createTestEnv, demo, signIn, type TestEnv } from '../support/test-app.js';
import { pngBytes } from './question-samples.js';

// Papers frozen before a fix to the candidate projection (issue 9: solution-only images) are served
// by today's rule: an instance projects the stored paper again instead of trusting the stored
// candidate copy. Two instances, so the second one reads the snapshot from the database.
let env: TestEnv;
let first: App;
let second: App;

beforeAll(async () => {
  env = await createTestEnv({ mode: 'postgres' });
  first = await env.start();
  second = await env.start();
});
afterAll(() => env.close());

describe('a snapshot frozen before the projection fix', () => {
  it('reaches the candidate without keys, solutions or solution-only images', async () => {
    const teacher = await signIn(first, demo.teacher);
    const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 4);
    const solutionImage = (await teacher.upload('/api/assets', 'worked.png', pngBytes, 'image/png')).json<{
      asset: { id: string };
    }>().asset.id;
    for (let i = 0; i < 5; i++) {
      const res = await teacher.post('/api/questions', {
        topicId: topic.topicId,
        question: {
          type: 'numerical',
          difficulty: 'medium',
          tags: [],
          format: { integerOnly: true },
          key: { kind: 'exact', value: 7 + i },
          images: [{ id: solutionImage, alt: 'the worked answer' }],
          content: {
            en: { stem: `Legacy question ${i}`, solution: `![the worked answer](image:${solutionImage})` },
          },
        },
      });
      expect(res.statusCode).toBe(201);
    }
    const student = await signIn(first, demo.student);
    const created = await student.post('/api/practice-tests', {
      scope: 'chapter',
      chapterIds: [topic.chapterId],
      questionCount: 5,
      difficulty: 'mixed',
    });
    const examId = created.json<{ practiceTest: { id: string } }>().practiceTest.id;
    // What an older release stored as the candidate copy: here, the whole paper.
    await first.database.db.execute(sql`
      update exam_snapshots set candidate_paper = paper
      where id = (select published_snapshot_id from exams where id = ${examId})`);

    const onSecond = await signIn(second, demo.student);
    const started = await onSecond.post(`/api/exams/${examId}/start`, { deviceId: 'legacy-device-1' });
    const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
    const paper = (await onSecond.get(`/api/attempts/${attemptId}/paper`)).body;
    expect(paper).toContain('Legacy question 0');
    expect(paper).not.toMatch(/"key"|"solution"|the worked answer/);
    expect(paper).not.toContain(solutionImage);
    expect((await onSecond.get(`/api/assets/${solutionImage}`)).statusCode).toBe(404);
  });
});
