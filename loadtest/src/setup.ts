import { Client } from './client.js';
import { sleep } from './stats.js';

export type LoadPlan = {
  baseUrl: string;
  candidates: number;
  durationMinutes: number;
  leadSeconds: number;
  adminEmail: string;
  adminPassword: string;
  password: string;
  /** The exam's `settings.proctoring`, or null for an exam that is not proctored. */
  proctoring: Record<string, unknown> | null;
};
export type Prepared = { examId: string; startsAt: number; students: string[]; stamp: string };

type Syllabus = {
  subjects: { id: string; name: string; chapters: { id: string; topics: { id: string }[] }[] }[];
};

function questionBody(index: number): Record<string, unknown> {
  const options = ['a', 'b', 'c', 'd'];
  const optionText = options.map((id, i) => ({ id, text: `$${index + i}$` }));
  const common = { difficulty: 'medium', tags: ['load-test'] };
  if (index % 6 === 5)
    return {
      ...common,
      type: 'numerical',
      format: { decimals: 1 },
      key: { kind: 'tolerance', value: '9.8', tolerance: '0.1' },
      content: { en: { stem: `Load Q${index}: $g$ in m/s²?` } },
    };
  if (index % 6 === 4)
    return {
      ...common,
      type: 'mcq_multi',
      options: options.map((id) => ({ id })),
      key: { optionIds: ['a', 'c'] },
      content: { en: { stem: `Load Q${index}: pick all even`, options: optionText } },
    };
  return {
    ...common,
    type: 'mcq_single',
    options: options.map((id) => ({ id })),
    key: { optionId: 'b' },
    content: { en: { stem: `Load Q${index}: $x^2=${index * index}$`, options: optionText } },
  };
}

/** A new batch of `count` student accounts with one password, imported 2,000 rows at a time. */
export async function importCandidates(
  admin: Client,
  count: number,
  password: string,
  log: (m: string) => void,
): Promise<{ stamp: string; batchId: string; students: string[] }> {
  const stamp = Date.now().toString(36);
  const batch = await admin.expect<{ batch: { id: string; code: string } }>('POST', '/api/batches', 201, {
    name: `Load ${stamp}`,
    code: `LOAD-${stamp}`,
  });
  const students = Array.from({ length: count }, (_, i) => `load-${stamp}-${i}@load.examtech.test`);
  for (let from = 0; from < students.length; from += 2000) {
    const rows = students
      .slice(from, from + 2000)
      .map(
        (email, i) => `Candidate ${from + i},${email},L${stamp}-${from + i},,${batch.batch.code},${password}`,
      );
    const form = new FormData();
    form.append(
      'file',
      new Blob([['name,email,roll_number,phone,batch_codes,password', ...rows].join('\n')], {
        type: 'text/csv',
      }),
      'load.csv',
    );
    const res = await admin.request('POST', '/api/students/import', form);
    if (res.status !== 201) throw new Error(`student import: ${res.status} ${res.text.slice(0, 300)}`);
    log(`  imported ${Math.min(from + 2000, students.length)} / ${students.length} candidates`);
  }
  return { stamp, batchId: batch.batch.id, students };
}

/** Creates the candidates' batch and accounts, a paper of 30 questions, and schedules it at T0. */
export async function prepareLoad(plan: LoadPlan, log: (m: string) => void): Promise<Prepared> {
  const admin = new Client(plan.baseUrl);
  await admin.login(plan.adminEmail, plan.adminPassword);
  const { stamp, batchId, students } = await importCandidates(admin, plan.candidates, plan.password, log);

  const syllabus = await admin.expect<Syllabus>('GET', '/api/syllabus', 200);
  const topicId = syllabus.subjects[0]?.chapters[0]?.topics[0]?.id;
  if (!topicId) throw new Error('no syllabus topic');
  const questionIds: string[] = [];
  for (let i = 0; i < 30; i++) {
    const created = await admin.expect<{ question: { id: string } }>('POST', '/api/questions', 201, {
      question: questionBody(i),
      topicId,
    });
    questionIds.push(created.question.id);
  }
  const exam = await admin.expect<{
    exam: {
      id: string;
      draft: { instructions: unknown; sections: Record<string, unknown>[] };
      settings: Record<string, unknown>;
    };
  }>('POST', '/api/exams', 201, { title: `Load test ${stamp}` });
  const section = {
    ...exam.exam.draft.sections[0],
    questionCount: 30,
    items: questionIds.map((questionId) => ({ questionId })),
  };
  await admin.expect('PUT', `/api/exams/${exam.exam.id}/draft`, 200, {
    title: `Load test ${stamp}`,
    durationMinutes: plan.durationMinutes,
    lockedSections: false,
    instructions: exam.exam.draft.instructions,
    sections: [section],
  });
  if (plan.proctoring)
    await admin.expect('PUT', `/api/exams/${exam.exam.id}/settings`, 200, {
      ...exam.exam.settings,
      proctoring: plan.proctoring,
    });
  await admin.expect('POST', `/api/exams/${exam.exam.id}/publish`, 200);
  const startsAt = Date.now() + plan.leadSeconds * 1000;
  await admin.expect('PUT', `/api/exams/${exam.exam.id}/schedule`, 200, {
    mode: 'fixed',
    startsAt: new Date(startsAt).toISOString(),
    batchIds: [batchId],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  });
  await sleep(500);
  return { examId: exam.exam.id, startsAt, students, stamp };
}
