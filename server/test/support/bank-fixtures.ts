import type { TestClient } from './test-app.js';

type SyllabusTree = {
  subjects: {
    id: string;
    name: string;
    chapters: { id: string; name: string; topics: { id: string; name: string }[] }[];
  }[];
};

export async function loadSyllabus(client: TestClient): Promise<SyllabusTree> {
  const res = await client.get('/api/syllabus');
  if (res.statusCode !== 200) throw new Error(`syllabus: ${res.statusCode} ${res.body}`);
  return res.json<SyllabusTree>();
}

/** The first topic of a chapter of a subject, by names (the default syllabus). */
export function findTopic(tree: SyllabusTree, subject: string, chapterIndex = 0, topicIndex = 0) {
  const s = tree.subjects.find((x) => x.name === subject);
  const chapter = s?.chapters[chapterIndex];
  const topic = chapter?.topics[topicIndex];
  if (!s || !chapter || !topic) throw new Error(`no topic ${subject}/${chapterIndex}/${topicIndex}`);
  return { subjectId: s.id, chapterId: chapter.id, topicId: topic.id };
}

let counter = 0;

/** Creates a bilingual single-correct MCQ (or a numerical question) through the HTTP API; returns its id. */
export async function createQuestion(
  client: TestClient,
  topicId: string,
  options: {
    type?: 'mcq_single' | 'numerical';
    difficulty?: 'easy' | 'medium' | 'hard';
    stem?: string;
    groupId?: string;
  } = {},
): Promise<string> {
  counter += 1;
  const stem = options.stem ?? `Fixture question ${counter}: find $x$ when $x^2 = ${counter * counter}$.`;
  const common = {
    difficulty: options.difficulty ?? 'medium',
    tags: ['fixture'],
    ...(options.groupId ? { groupId: options.groupId } : {}),
  };
  const question =
    options.type === 'numerical'
      ? {
          ...common,
          type: 'numerical',
          format: { integerOnly: true },
          key: { kind: 'exact', value: counter },
          content: { en: { stem, solution: `$x = ${counter}$` } },
        }
      : {
          ...common,
          type: 'mcq_single',
          options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
          key: { optionId: 'b' },
          content: {
            en: {
              stem,
              options: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, text: `${counter + i - 1}` })),
              solution: `Since $x>0$, $x=${counter}$.`,
            },
            hi: {
              stem: `प्रश्न ${counter}: $x$ ज्ञात कीजिए।`,
              options: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, text: `${counter + i - 1}` })),
            },
          },
        };
  const res = await client.post('/api/questions', { question, topicId });
  if (res.statusCode !== 201) throw new Error(`create question: ${res.statusCode} ${res.body}`);
  return res.json<{ question: { id: string } }>().question.id;
}
