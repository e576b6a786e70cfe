import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, demo, signIn, type TestClient } from '../support/test-app.js';
import { publishExam } from '../support/exam-fixtures.js';
import { createQuestion, findTopicIds, mcqWithStem, samples } from './question-samples.js';

const ctx = useTestApp();
let teacher: TestClient;
const ids = { seebeckVoltage: '', seebeckCopper: '', solutionOnly: '' };
let physics = { subjectId: '', chapterId: '', topicId: '' };
let chemistry = { subjectId: '', chapterId: '', topicId: '' };

beforeAll(async () => {
  teacher = await signIn(ctx.app, demo.teacher);
  physics = await findTopicIds(teacher, 'Physics', 'Thermal Physics', 'Heat Transfer');
  chemistry = await findTopicIds(teacher, 'Chemistry', 'Electrochemistry', 'Conductance');
  ids.seebeckVoltage = (
    await createQuestion(
      teacher,
      {
        ...samples.mcq_single,
        difficulty: 'hard',
        tags: ['thermo set'],
        source: 'Irodov Problems 2.114',
        content: {
          en: {
            ...samples.mcq_single.content.en,
            stem: 'Heating one junction of a thermocouple produces a Seebeck voltage. Why?',
          },
          hi: {
            ...samples.mcq_single.content.hi,
            stem: 'तापवैद्युत युग्म की एक संधि को गर्म करने पर सीबेक वोल्टता उत्पन्न होती है। क्यों?',
          },
        },
      },
      physics.topicId,
    )
  ).id;
  ids.seebeckCopper = (
    await createQuestion(
      teacher,
      mcqWithStem('The Seebeck coefficient of copper is small.', { difficulty: 'medium' }),
      chemistry.topicId,
    )
  ).id;
  ids.solutionOnly = (
    await createQuestion(
      teacher,
      {
        ...samples.numerical,
        content: { en: { stem: 'Find the resistance.', solution: 'Apply the Wiedemann–Franz law.' } },
      },
      chemistry.topicId,
    )
  ).id;
});

type Page = { items: { id: string; stemPreview: string }[]; total: number; page: number; pageSize: number };
const search = async (query: string): Promise<Page> => {
  const res = await teacher.get(`/api/questions?pageSize=200&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<Page>();
};
const idsOf = async (query: string) => (await search(query)).items.map((item) => item.id).sort();

describe('full-text search', () => {
  it('finds English words in any order and case', async () => {
    expect(await idsOf('q=seebeck')).toEqual([ids.seebeckVoltage, ids.seebeckCopper].sort());
    expect(await idsOf('q=VOLTAGE%20seebeck')).toEqual([ids.seebeckVoltage]);
  });

  it('finds Hindi words, whole and as a prefix', async () => {
    expect(await idsOf(`q=${encodeURIComponent('सीबेक')}`)).toEqual([ids.seebeckVoltage]);
    expect(await idsOf(`q=${encodeURIComponent('तापवैद्')}`)).toEqual([ids.seebeckVoltage]);
  });

  it('matches the last word as a prefix while the teacher types', async () => {
    expect(await idsOf('q=seeb')).toEqual([ids.seebeckVoltage, ids.seebeckCopper].sort());
    expect(await idsOf('q=thermocoup')).toEqual([ids.seebeckVoltage]);
  });

  it('searches solutions, tags and sources too', async () => {
    expect(await idsOf('q=wiedemann')).toEqual([ids.solutionOnly]);
    expect(await idsOf('q=thermo%20set')).toEqual([ids.seebeckVoltage]);
    expect(await idsOf('q=irodov')).toEqual([ids.seebeckVoltage]);
  });

  it('treats punctuation and quotes in the query as separators, never as an error', async () => {
    expect(await idsOf(`q=${encodeURIComponent("'seebeck' & | ! (voltage):*")}`)).toEqual([
      ids.seebeckVoltage,
    ]);
    expect(await idsOf(`q=${encodeURIComponent('seebeck\\ "copper')}`)).toEqual([ids.seebeckCopper]);
    expect((await search(`q=${encodeURIComponent('!!! ***')}`)).total).toBeGreaterThan(3);
  });
});

describe('filters', () => {
  it('combines text with subject, chapter, topic, type and difficulty', async () => {
    expect(await idsOf(`q=seebeck&subjectId=${physics.subjectId}`)).toEqual([ids.seebeckVoltage]);
    expect(await idsOf(`q=seebeck&chapterId=${chemistry.chapterId}`)).toEqual([ids.seebeckCopper]);
    expect(await idsOf(`q=seebeck&topicId=${physics.topicId}&difficulty=hard&type=mcq_single`)).toEqual([
      ids.seebeckVoltage,
    ]);
    expect(await idsOf(`q=seebeck&subjectId=${physics.subjectId}&difficulty=easy`)).toEqual([]);
    expect(await idsOf(`type=numerical&topicId=${chemistry.topicId}`)).toEqual([ids.solutionOnly]);
  });

  it('filters by tags (every listed tag) and by language coverage', async () => {
    expect(await idsOf('tags=thermo%20set')).toEqual([ids.seebeckVoltage]);
    expect(await idsOf('tags=thermo%20set,pyq')).toEqual([]);
    expect(await idsOf('q=seebeck&language=hi')).toEqual([ids.seebeckVoltage]);
    expect(await idsOf('q=seebeck&missingLanguage=hi')).toEqual([ids.seebeckCopper]);
  });

  it('rejects malformed filters with VALIDATION_FAILED', async () => {
    for (const query of [
      'type=essay',
      'subjectId=nope',
      'pageSize=500',
      'notUsedInLastExams=0',
      'missingLanguage=HINDI',
    ]) {
      const res = await teacher.get(`/api/questions?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('paging and sorting', () => {
  it('pages through results without overlap, newest first', async () => {
    const created: string[] = [];
    for (let i = 1; i <= 5; i++)
      created.push(
        (await createQuestion(teacher, mcqWithStem(`Zymogen activation step ${i}`), physics.topicId)).id,
      );
    const pages = await Promise.all(
      [1, 2, 3].map((page) => teacher.get(`/api/questions?q=zymogen&pageSize=2&page=${page}&sort=created`)),
    );
    const bodies = pages.map((res) => res.json<Page>());
    expect(bodies.map((body) => body.items.length)).toEqual([2, 2, 1]);
    expect(bodies.every((body) => body.total === 5)).toBe(true);
    expect(bodies.flatMap((body) => body.items.map((item) => item.id))).toEqual([...created].reverse());
  });
});

describe('not used in the last N exams', () => {
  it('excludes questions an exam recorded when it was published', async () => {
    const used = await Promise.all(
      ['older', 'newer', 'never'].map((word) =>
        createQuestion(teacher, mcqWithStem(`Quokka census ${word}`), physics.topicId),
      ),
    );
    const [older, newer, never] = used.map((q) => q.id) as [string, string, string];
    // Publishing records the usage (one path) at the server clock's time; exams are ordered by it,
    // so the clock moves a minute between the two (no waiting, no tie).
    const record = (questionId: string) =>
      publishExam(teacher, {
        title: `Uses ${questionId}`,
        durationMinutes: 10,
        lockedSections: false,
        sections: [{ id: 'a', questionIds: [questionId] }],
      });
    await record(older);
    ctx.clock.advance(60_000);
    await record(newer);
    expect(await idsOf('q=quokka')).toEqual([older, newer, never].sort());
    expect(await idsOf('q=quokka&notUsedInLastExams=1')).toEqual([older, never].sort());
    expect(await idsOf('q=quokka&notUsedInLastExams=2')).toEqual([never]);
  });
});
