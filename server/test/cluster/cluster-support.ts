// What the cluster tests share: the running topology's addresses (from global-setup), a way to
// stop and start one of its processes (`npm run cluster -- stop|start <name>`), HTTP to one
// instance or through nginx, and a practice attempt to save into.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import https from 'node:https';
import { expect, inject } from 'vitest';
import { DEMO_STUDENT_PASSWORD, demo } from '../../src/seed/demo-accounts.js';
import { HttpSession } from '../support/http-client.js';

const execFileAsync = promisify(execFile);

export type ClusterProcess = { name: string; port?: number; pid?: number; log: string };
export type ClusterState = {
  stateDir: string;
  metricsToken: string;
  root: string;
  ports: { https: number; app: number; redis: number; sentinel: number; s3: number; postgres: number };
  instances: number;
  processes: ClusterProcess[];
  /** The cluster's one self-signed certificate: nginx, PostgreSQL and Redis present it. */
  tls: { cert: string };
};

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterState;
  }
}

export const cluster = (): ClusterState => inject('cluster');

/**
 * Stops or starts one process of the cluster through its own CLI, as an operator's drill would;
 * asynchronous, so that a test's candidates go on saving while it happens.
 */
export async function clusterCommand(...args: string[]): Promise<void> {
  const { stateDir, root, ports } = cluster();
  await execFileAsync(process.execPath, [path.join(root, 'scripts', 'cluster', 'cluster.mjs'), ...args], {
    env: { ...process.env, CLUSTER_STATE_DIR: stateDir, CLUSTER_PORT_BASE: String(ports.https - 443) },
  });
}

/** The base URL of instance `i` (0-based), straight to its port, bypassing nginx. */
export const instanceUrl = (i: number) => `http://127.0.0.1:${cluster().ports.app + i}`;
/** Instance `i`'s Prometheus text, with the cluster's metrics token. */
export async function metricsOf(i: number): Promise<string> {
  const res = await fetch(`${instanceUrl(i)}/metrics`, {
    headers: { authorization: `Bearer ${cluster().metricsToken}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of instance `i`'s first series whose line starts with `prefix` (name and any labels), or null. */
export async function metricValue(i: number, prefix: string): Promise<number | null> {
  const line = (await metricsOf(i)).split('\n').find((l) => l.startsWith(prefix));
  return line ? Number(line.split(' ').pop()) : null;
}

export const frontDoorUrl = () => `https://localhost:${cluster().ports.https}`;

/** The cluster's self-signed certificate, to trust it (and nothing else) over TLS. */
export const clusterCa = (): string => readFileSync(cluster().tls.cert, 'utf8');

/** A URL to one of the cluster's PostgreSQL servers over TLS, the server's certificate checked. */
export const postgresUrl = (port: number) =>
  `postgres://postgres@127.0.0.1:${port}/examtech?sslmode=verify-full&sslrootcert=${cluster().tls.cert}`;

/** `redis-cli` over TLS to one of the cluster's Redis servers or Sentinels. */
export async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('redis-cli', [
    '--tls',
    '--cacert',
    cluster().tls.cert,
    '-p',
    String(port),
    ...args,
  ]);
  return stdout;
}

/** One request through nginx's TLS with the cluster's certificate trusted (and nothing else). */
export function frontDoorRequest(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${frontDoorUrl()}${pathname}`,
      { method: options.method ?? 'GET', headers: options.headers, ca: clusterCa() },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A session signed in through instance `i` (sessions live in Redis: valid on every instance). */
export async function signInAt(i: number, who: { email: string; password: string }): Promise<HttpSession> {
  const session = new HttpSession();
  expect(await session.login(instanceUrl(i), who.email, who.password)).toBe(200);
  return session;
}

export const student = (n: number) => ({
  email: `student${n}@demo.examtech.in`,
  password: DEMO_STUDENT_PASSWORD,
});
export { demo, HttpSession };

type Tree = {
  subjects: { name: string; chapters: { id: string; name: string; topics: { id: string }[] }[] }[];
};

/** `count` single-correct questions (key `b`) in a chapter of the default syllabus; returns the chapter id. */
export async function addQuestions(baseUrl: string, subject: string, count: number): Promise<string> {
  const teacher = new HttpSession();
  expect(await teacher.login(baseUrl, demo.teacher.email, demo.teacher.password)).toBe(200);
  const tree = (await teacher.send(baseUrl, 'GET', '/api/syllabus')).json as Tree;
  const chapter = tree.subjects.find((s) => s.name === subject)!.chapters[0]!;
  for (let i = 0; i < count; i++) {
    const options = ['a', 'b', 'c', 'd'].map((id, k) => ({ id, text: `${i + k} m/s` }));
    const created = await teacher.send(baseUrl, 'POST', '/api/questions', {
      topicId: chapter.topics[0]!.id,
      question: {
        type: 'mcq_single',
        difficulty: 'medium',
        tags: ['cluster'],
        options: options.map(({ id }) => ({ id })),
        key: { optionId: 'b' },
        content: { en: { stem: `Cluster question ${i + 1}: a speed?`, options } },
      },
    });
    expect(created.status).toBe(201);
  }
  return chapter.id;
}

/** A student's practice attempt of `questionCount` questions, started on `baseUrl`. */
export async function startPractice(
  session: HttpSession,
  baseUrl: string,
  chapterId: string,
  deviceId: string,
) {
  const created = await session.send(baseUrl, 'POST', '/api/practice-tests', {
    scope: 'chapter',
    chapterIds: [chapterId],
    questionCount: 5,
    difficulty: 'mixed',
  });
  expect(created.status).toBe(201);
  const examId = (created.json as { practiceTest: { id: string } }).practiceTest.id;
  const started = await session.send(baseUrl, 'POST', `/api/exams/${examId}/start`, { deviceId });
  expect(started.status).toBe(200);
  const attemptId = (started.json as { attempt: { id: string } }).attempt.id;
  const paper = (await session.send(baseUrl, 'GET', `/api/attempts/${attemptId}/paper`)).json as {
    paper: { sections: { questions: { id: string }[] }[] };
  };
  const questionIds = paper.paper.sections.flatMap((s) => s.questions.map((q) => q.id));
  return { examId, attemptId, questionIds };
}

export type SavedAnswer = { questionId: string; seq: number; answer: { optionIds: string[] } | null };

export async function readAnswers(session: HttpSession, baseUrl: string, attemptId: string) {
  const res = await session.send(baseUrl, 'GET', `/api/attempts/${attemptId}/state`);
  expect(res.status).toBe(200);
  return (res.json as { answers: SavedAnswer[] }).answers;
}

/** Stored answers must include every acknowledged save: per question, a seq at least the last acked. */
export function expectEveryAckStored(acked: Map<string, number>, stored: SavedAnswer[]) {
  const storedSeq = new Map(stored.map((a) => [a.questionId, a.seq]));
  for (const [questionId, seq] of acked) expect(storedSeq.get(questionId) ?? 0).toBeGreaterThanOrEqual(seq);
}
