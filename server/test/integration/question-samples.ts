import { expect } from 'vitest';
import type { TestClient } from '../support/test-app.js';

/** Question bodies of every type as a teacher's editor would send them, with Hindi versions. */
export const samples = {
  mcq_single: {
    type: 'mcq_single',
    difficulty: 'easy',
    tags: ['PYQ', 'jee main'],
    source: 'JEE Main 2024 Shift 1',
    options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd', fixed: true }],
    key: { optionId: 'b' },
    content: {
      en: {
        stem: 'A body of mass $m$ is acted on by $\\vec{F}=m\\vec{a}$. Which law is this?',
        options: [
          { id: 'a', text: "Newton's first law" },
          { id: 'b', text: "Newton's second law" },
          { id: 'c', text: "Newton's third law" },
          { id: 'd', text: 'None of these' },
        ],
        solution: 'The second law relates force and acceleration.',
      },
      hi: {
        stem: 'द्रव्यमान $m$ की वस्तु पर $\\vec{F}=m\\vec{a}$ लगता है। यह कौन-सा नियम है?',
        options: [
          { id: 'a', text: 'न्यूटन का पहला नियम' },
          { id: 'b', text: 'न्यूटन का दूसरा नियम' },
          { id: 'c', text: 'न्यूटन का तीसरा नियम' },
          { id: 'd', text: 'इनमें से कोई नहीं' },
        ],
      },
    },
  },
  mcq_multi: {
    type: 'mcq_multi',
    difficulty: 'medium',
    tags: ['jee advanced'],
    options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    key: { optionIds: ['a', 'c'] },
    content: {
      en: {
        stem: 'Which are vector quantities?',
        options: [
          { id: 'a', text: 'Velocity' },
          { id: 'b', text: 'Speed' },
          { id: 'c', text: 'Momentum' },
        ],
      },
    },
  },
  numerical: {
    type: 'numerical',
    difficulty: 'medium',
    tags: [],
    format: { decimals: 2 },
    key: { kind: 'tolerance', value: '0.33', tolerance: '0.01' },
    content: {
      en: { stem: 'Evaluate $\\int_0^1 x^2\\,dx$.' },
      hi: { stem: '$\\int_0^1 x^2\\,dx$ का मान ज्ञात कीजिए।' },
    },
  },
  matrix_match: {
    type: 'matrix_match',
    difficulty: 'hard',
    tags: ['matrix'],
    rows: [{ id: 'p' }, { id: 'q' }],
    columns: [{ id: '1' }, { id: '2' }],
    allowMultiplePerRow: false,
    key: { matches: { p: ['2'], q: ['1'] } },
    content: {
      en: {
        stem: 'Match List I with List II.',
        rows: [
          { id: 'p', text: '$\\mathrm{H_2O}$' },
          { id: 'q', text: '$\\mathrm{CO_2}$' },
        ],
        columns: [
          { id: '1', text: 'Linear' },
          { id: '2', text: 'Bent' },
        ],
      },
    },
  },
  assertion_reason: {
    type: 'assertion_reason',
    difficulty: 'easy',
    tags: [],
    key: { optionId: 'both_true_reason_explains' },
    content: {
      en: {
        stem: 'Given below are two statements.',
        assertion: 'Ice floats on water.',
        reason: 'Ice is less dense than water.',
      },
      hi: {
        stem: 'नीचे दो कथन दिए गए हैं।',
        assertion: 'बर्फ पानी पर तैरती है।',
        reason: 'बर्फ का घनत्व पानी से कम है।',
      },
    },
  },
  tita: {
    type: 'tita',
    difficulty: 'medium',
    tags: ['cat'],
    key: { accepted: ['26'], compare: 'number' },
    content: { en: { stem: 'Marked up 40%, discounted 10%: profit percent?' } },
  },
} as const;

export type SampleType = keyof typeof samples;

type Tree = {
  subjects: {
    id: string;
    name: string;
    chapters: { id: string; name: string; topics: { id: string; name: string; questionCount: number }[] }[];
  }[];
};

export async function loadTree(client: TestClient, query = ''): Promise<Tree> {
  const res = await client.get(`/api/syllabus${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<Tree>();
}

/** Ids of a default-syllabus topic by names. */
export async function findTopicIds(client: TestClient, subject: string, chapter: string, topic: string) {
  const tree = await loadTree(client);
  const s = tree.subjects.find((node) => node.name === subject);
  const c = s?.chapters.find((node) => node.name === chapter);
  const t = c?.topics.find((node) => node.name === topic);
  if (!s || !c || !t) throw new Error(`no topic ${subject} / ${chapter} / ${topic}`);
  return { subjectId: s.id, chapterId: c.id, topicId: t.id };
}

export type Detail = {
  id: string;
  version: number;
  type: string;
  difficulty: string;
  status: string;
  tags: string[];
  languages: string[];
  stemPreview: string;
  subject: { id: string; name: string };
  chapter: { id: string; name: string };
  topic: { id: string; name: string };
  body: Record<string, unknown> & {
    id: string;
    classification: { subject: string; chapter: string; topic: string };
  };
  createdBy: { id: string; name: string } | null;
  updatedBy: { id: string; name: string } | null;
};

export async function createQuestion(
  client: TestClient,
  question: unknown,
  topicId: string,
): Promise<Detail> {
  const res = await client.post('/api/questions', { question, topicId });
  if (res.statusCode !== 201) throw new Error(`create question: ${res.statusCode} ${res.body}`);
  return res.json<{ question: Detail }>().question;
}

/** A single-correct English question whose stem carries the given words (for search tests). */
export function mcqWithStem(stem: string, extra: Record<string, unknown> = {}) {
  return {
    ...samples.mcq_single,
    tags: [],
    source: undefined,
    content: { en: { ...samples.mcq_single.content.en, stem } },
    ...extra,
  };
}

/** A 1x1 PNG. */
export const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export async function listVersionIds(client: TestClient, questionId: string): Promise<string[]> {
  const res = await client.get(`/api/questions/${questionId}/versions`);
  return res.json<{ items: { id: string }[] }>().items.map((v) => v.id);
}
