import { demo } from '../../server/src/seed/demo-accounts.js';

/** Sets up data for a browser test through the HTTP API, as a signed-in user would (cookie + CSRF token). */
export async function signInApi(baseUrl: string, email: string, password: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status}`);
  const cookie =
    (login.headers.getSetCookie().find((c) => c.startsWith('et_sid=')) ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

type Tree = { subjects: { name: string; chapters: { name: string; topics: { id: string }[] }[] }[] };

/** Adds `count` single-correct questions to the first topic of a chapter of the default syllabus. */
export async function addQuestionsToChapter(
  baseUrl: string,
  subject: string,
  chapter: string,
  count: number,
): Promise<void> {
  const call = await signInApi(baseUrl, demo.teacher.email, demo.teacher.password);
  const tree = await call<Tree>('GET', '/api/syllabus');
  const topicId = tree.subjects.find((s) => s.name === subject)?.chapters.find((c) => c.name === chapter)
    ?.topics[0]?.id;
  if (!topicId) throw new Error(`no topic in ${subject} / ${chapter}`);
  for (let i = 0; i < count; i++) {
    const options = ['a', 'b', 'c', 'd'].map((id, k) => ({
      id,
      text: `$${(i + 1) * (k + 1)}\\,\\text{m/s}$`,
    }));
    await call('POST', '/api/questions', {
      topicId,
      question: {
        type: 'mcq_single',
        difficulty: 'medium',
        tags: ['e2e'],
        options: options.map(({ id }) => ({ id })),
        key: { optionId: 'b' },
        content: {
          en: {
            stem: `A body starts from rest with $a = ${i + 2}\\,\\text{m/s}^2$. Its speed after 2 s?`,
            options,
          },
        },
      },
    });
  }
}
