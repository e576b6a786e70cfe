// Issue 12, through the running topology (global-setup.ts): real processes behind nginx, a
// streaming replica, Redis with Sentinel. Each test says what an operator or a candidate would see.
import net from 'node:net';
import pg from 'pg';
import { pngBytes } from '../integration/question-samples.js';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addQuestions,
  cluster,
  clusterCommand,
  demo,
  expectEveryAckStored,
  clusterCa,
  frontDoorRequest,
  frontDoorUrl,
  HttpSession,
  instanceUrl,
  signInAt,
  metricValue,
  postgresUrl,
  readAnswers,
  redisCli,
  startPractice,
  student,
} from './cluster-support.js';

let chapterId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  chapterId = await addQuestions(instanceUrl(0), 'Physics', 6);
}, 60_000);
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

const mcqSave = (questionId: string, option: string, seq: number) => ({
  questionId,
  answer: { type: 'mcq_single', optionIds: [option] },
  state: 'answered',
  seq,
});

function openSocket(url: string, cookie: string, viaFrontDoor = false): Socket {
  const socket = connectSocket(url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    ...(viaFrontDoor ? { ca: clusterCa() } : {}),
  });
  sockets.push(socket);
  return socket;
}

const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });

type Ack = { results?: { questionId: string; seq: number; status: string }[]; error?: { code: string } };
const saveOverSocket = (socket: Socket, payload: unknown) =>
  socket.timeout(5000).emitWithAck('answer:save', payload) as Promise<Ack>;

describe('any instance serves any request', () => {
  it('a save acknowledged through one instance is read back through the other, in the same session', async () => {
    const session = await signInAt(0, student(5));
    const { attemptId, questionIds } = await startPractice(
      session,
      instanceUrl(0),
      chapterId,
      'cluster-laptop-1',
    );
    const saved = await session.send(instanceUrl(0), 'POST', `/api/attempts/${attemptId}/answers`, {
      deviceId: 'cluster-laptop-1',
      saves: [mcqSave(questionIds[0]!, 'b', 1)],
    });
    expect(saved.json).toMatchObject({ results: [{ status: 'saved' }] });
    const onOther = await readAnswers(session, instanceUrl(1), attemptId);
    expect(onOther).toEqual([expect.objectContaining({ questionId: questionIds[0], seq: 1 })]);
  });

  it('a socket on one instance hears what happens on the other: a device switch reaches the first device', async () => {
    const session = await signInAt(0, student(4));
    const { examId, attemptId } = await startPractice(session, instanceUrl(0), chapterId, 'cluster-laptop-2');
    const socket = openSocket(instanceUrl(0), session.cookie);
    await connected(socket);
    const joined = (await socket.timeout(5000).emitWithAck('attempt:join', { attemptId })) as {
      attempt: { id: string };
    };
    expect(joined.attempt.id).toBe(attemptId);
    const replaced = new Promise<{ deviceId: string }>((resolve) =>
      socket.once('attempt:device-replaced', resolve),
    );
    const takeover = await session.send(instanceUrl(1), 'POST', `/api/exams/${examId}/start`, {
      deviceId: 'cluster-tablet-2',
    });
    expect(takeover.status).toBe(200);
    expect(await replaced).toEqual({ deviceId: 'cluster-tablet-2' });
  });
});

describe('caches across instances', () => {
  it('a syllabus change on one instance is in the tree the other had cached', async () => {
    const teacher = await signInAt(0, demo.teacher);
    const subjects = async (i: number) =>
      (
        (await teacher.send(instanceUrl(i), 'GET', '/api/syllabus')).json as { subjects: { name: string }[] }
      ).subjects.map((s) => s.name);
    // Read twice on the second instance: its tree is now cached.
    expect(await subjects(1)).toEqual(await subjects(1));
    const created = await teacher.send(instanceUrl(0), 'POST', '/api/syllabus/nodes', {
      kind: 'subject',
      name: 'Cluster Geography',
    });
    expect(created.status).toBe(201);
    // The drop travels over Redis: a moment, not the cache's 60 s.
    await expect.poll(() => subjects(1), { timeout: 5000 }).toContain('Cluster Geography');
  });

  it('a mock scheduled or withdrawn on one instance is in the student list the other had cached', async () => {
    const teacher = await signInAt(0, demo.teacher);
    const pupil = await signInAt(1, demo.student);
    const on0 = (method: string, url: string, body?: unknown) =>
      teacher.send(instanceUrl(0), method, url, body);
    const listed = async () =>
      (
        (await pupil.send(instanceUrl(1), 'GET', '/api/my/exams')).json as { upcoming: { id: string }[] }
      ).upcoming.map((e) => e.id);
    const { items: questions } = (await on0('GET', '/api/questions?tags=cluster&pageSize=5')).json as {
      items: { id: string }[];
    };
    const { exam } = (await on0('POST', '/api/exams', { title: 'Cluster mock' })).json as {
      exam: { id: string; draft: { instructions: object } };
    };
    expect(
      (
        await on0('PUT', `/api/exams/${exam.id}/draft`, {
          title: 'Cluster mock',
          durationMinutes: 10,
          lockedSections: false,
          instructions: exam.draft.instructions,
          sections: [
            {
              id: 'section-a',
              name: 'Section A',
              scheme: { correct: 4, wrong: -1 },
              allowedTypes: ['mcq_single'],
              questionCount: questions.length,
              shuffleQuestions: false,
              shuffleOptions: false,
              items: questions.map((q) => ({ questionId: q.id })),
            },
          ],
        })
      ).status,
    ).toBe(200);
    expect((await on0('POST', `/api/exams/${exam.id}/publish`)).status).toBe(200);
    // Read twice on the second instance: its listing of the institute's exams is now cached.
    expect(await listed()).toEqual(await listed());
    const { items: batches } = (await on0('GET', '/api/batches')).json as {
      items: { id: string; code: string }[];
    };
    const scheduled = await on0('PUT', `/api/exams/${exam.id}/schedule`, {
      mode: 'fixed',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      batchIds: [batches.find((b) => b.code === 'JEE-2027-A')!.id],
      studentIds: [],
      registration: { required: false },
      accommodations: [],
    });
    expect(scheduled.status).toBe(200);
    await expect.poll(listed, { timeout: 5000 }).toContain(exam.id);
    expect((await on0('POST', `/api/exams/${exam.id}/unpublish`)).status).toBe(200);
    await expect.poll(listed, { timeout: 5000 }).not.toContain(exam.id);
  });
});

describe('the front door', () => {
  it('serves the app over TLS with HSTS, redirects HTTP, caches hashed assets for good and passes request ids through', async () => {
    const page = await frontDoorRequest('/');
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const asset = /\/assets\/[\w.-]+\.js/.exec(page.body)![0];
    const js = await frontDoorRequest(asset, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.headers['content-encoding']).toBe('gzip');

    const plain = await fetch(`http://127.0.0.1:${cluster().ports.https - 443 + 80}/exams`, {
      redirect: 'manual',
    });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/exams$/);

    const traced = await frontDoorRequest('/api/auth/me', {
      headers: { 'x-request-id': 'cluster-trace-42' },
    });
    expect(traced.status).toBe(401);
    expect(traced.headers['x-request-id']).toBe('cluster-trace-42');
    expect(JSON.parse(traced.body)).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
  });

  it('a candidate signs in and saves over WebSocket through nginx', async () => {
    const login = await frontDoorRequest('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: frontDoorUrl() },
      body: JSON.stringify(student(3)),
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const session = new HttpSession();
    session.cookie = cookie;
    session.csrfToken = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
    const { attemptId, questionIds } = await startPractice(
      session,
      instanceUrl(1),
      chapterId,
      'cluster-phone-7',
    );
    const socket = openSocket(frontDoorUrl(), cookie, true);
    await connected(socket);
    await socket.timeout(5000).emitWithAck('attempt:join', { attemptId });
    const ack = await saveOverSocket(socket, {
      attemptId,
      deviceId: 'cluster-phone-7',
      saves: [mcqSave(questionIds[1]!, 'c', 1)],
    });
    expect(ack.results).toEqual([expect.objectContaining({ status: 'saved', seq: 1 })]);
    for (const i of [0, 1])
      expect(await readAnswers(session, instanceUrl(i), attemptId)).toEqual([
        expect.objectContaining({ questionId: questionIds[1], seq: 1 }),
      ]);
  });
});

/** examtech_db_replica_in_use of instance `i`'s one replica, read from its /metrics. */
const replicaInUse = (i: number) => metricValue(i, 'examtech_db_replica_in_use{');

describe('read replicas', () => {
  it('with the replica stopped, lists that read from replicas are served from the primary', async () => {
    const teacher = await signInAt(0, demo.teacher);
    const before = await teacher.send(instanceUrl(0), 'GET', '/api/questions?limit=5');
    expect(before.status).toBe(200);
    await clusterCommand('stop', 'postgres-replica1');
    try {
      // Each instance notices at its next check (DATABASE_REPLICA_CHECK_INTERVAL_MS, 2 s) and says so.
      for (const i of [0, 1]) await expect.poll(() => replicaInUse(i), { timeout: 10_000 }).toBe(0);
      for (const i of [0, 1, 0, 1]) {
        const res = await teacher.send(instanceUrl(i), 'GET', '/api/questions?limit=5');
        expect(res.status).toBe(200);
        expect(res.json).toEqual(before.json);
      }
    } finally {
      await clusterCommand('start', 'postgres-replica1');
    }
    for (const i of [0, 1]) await expect.poll(() => replicaInUse(i), { timeout: 20_000 }).toBe(1);
  });
});

/** The Redis primary's port as the first Sentinel tells it. */
async function masterPort(): Promise<number> {
  const stdout = await redisCli(cluster().ports.sentinel, 'sentinel', 'get-master-addr-by-name', 'examtech');
  return Number(stdout.trim().split('\n')[1]);
}

describe('Redis with Sentinel', () => {
  it('a failover during saves: every acknowledged save is stored, and the session goes on', async () => {
    const session = await signInAt(0, student(2));
    const { attemptId, questionIds } = await startPractice(
      session,
      instanceUrl(0),
      chapterId,
      'cluster-laptop-8',
    );
    const acked = new Map<string, number>();
    let seq = 0;
    const saveOnce = async () => {
      seq += 1;
      const questionId = questionIds[seq % questionIds.length]!;
      try {
        const res = await session.send(instanceUrl(seq % 2), 'POST', `/api/attempts/${attemptId}/answers`, {
          deviceId: 'cluster-laptop-8',
          saves: [mcqSave(questionId, seq % 2 ? 'a' : 'b', seq)],
        });
        const result = (res.json as Ack | null)?.results?.[0];
        if (res.status === 200 && result?.status === 'saved') {
          acked.set(questionId, seq);
          return true;
        }
      } catch {
        // An instance that cannot reach Redis may drop the request: not acknowledged, not counted.
      }
      return false;
    };
    for (let i = 0; i < 10; i++) expect(await saveOnce()).toBe(true);
    await clusterCommand('stop', 'redis-primary');
    try {
      // Saves go on being tried until twenty in a row are acknowledged after the promotion.
      let inARow = 0;
      const until = Date.now() + 45_000;
      while (inARow < 20 && Date.now() < until) inARow = (await saveOnce()) ? inARow + 1 : 0;
      expect(inARow).toBe(20);
      // Sentinel promoted the replica: the saves above went on through the new primary.
      expect(await masterPort()).toBe(cluster().ports.redis + 1);
      expectEveryAckStored(acked, await readAnswers(session, instanceUrl(1), attemptId));
      expect((await session.send(instanceUrl(1), 'GET', '/api/auth/me')).status).toBe(200);
    } finally {
      // Back as a replica of the promoted one (Sentinel reconfigures it).
      await clusterCommand('start', 'redis-primary');
    }
  }, 90_000);
});

/** What a client that does not speak TLS gets from a TLS-only port: anything it was sent back, until closed. */
function plainReply(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    let reply = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.setTimeout(3000, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('close', () => resolve(reply));
  });
}

describe('encryption in transit', () => {
  it('every instance talks to PostgreSQL over TLS, and a connection without it is refused', async () => {
    const client = new pg.Client({ connectionString: postgresUrl(cluster().ports.postgres) });
    await client.connect();
    try {
      const { rows } = await client.query<{ total: string; plain: string }>(`
        select count(*) as total, count(*) filter (where not s.ssl) as plain
        from pg_stat_activity a join pg_stat_ssl s using (pid)
        where a.datname = 'examtech' and a.backend_type = 'client backend' and a.pid <> pg_backend_pid()`);
      expect(Number(rows[0]!.total)).toBeGreaterThan(0);
      expect(Number(rows[0]!.plain)).toBe(0);
    } finally {
      await client.end();
    }
    for (const port of [cluster().ports.postgres, cluster().ports.postgres + 1]) {
      const plain = new pg.Client({
        connectionString: `postgres://postgres@127.0.0.1:${port}/examtech?sslmode=disable`,
      });
      await expect(plain.connect()).rejects.toThrow(/no encryption/);
    }
  });

  it('Redis and the Sentinels answer only over TLS, and sessions (kept in Redis) work through it', async () => {
    expect(await redisCli(await masterPort(), 'ping')).toContain('PONG');
    expect(await redisCli(cluster().ports.sentinel, 'ping')).toContain('PONG');
    const session = await signInAt(0, demo.admin);
    expect((await session.send(instanceUrl(1), 'GET', '/api/auth/me')).status).toBe(200);
    for (const port of [cluster().ports.redis, cluster().ports.redis + 1, cluster().ports.sentinel]) {
      expect(await plainReply(port, 'PING\r\n')).not.toContain('PONG');
    }
  });
});

describe('files in S3', () => {
  it('an image uploaded through one instance is served by the other (the store, not a disk)', async () => {
    const teacher = await signInAt(0, demo.teacher);
    const planned = await teacher.send(instanceUrl(0), 'POST', '/api/assets/uploads', {
      fileName: 'graph.png',
      contentType: 'image/png',
      size: pngBytes.length,
    });
    expect(planned.status).toBe(200);
    const { upload } = planned.json as {
      upload: { method: string; url: string; headers: Record<string, string>; key: string };
    };
    expect(upload.url.startsWith(`http://127.0.0.1:${cluster().ports.s3}/`)).toBe(true);
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: pngBytes });
    expect(put.status).toBe(200);
    const done = await teacher.send(instanceUrl(1), 'POST', '/api/assets/uploads/complete', {
      key: upload.key,
      fileName: 'graph.png',
    });
    expect(done.status).toBe(201);
    const { asset } = done.json as { asset: { url: string } };
    const served = await fetch(`${instanceUrl(0)}${asset.url}`, { headers: { cookie: teacher.cookie } });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pngBytes)).toBe(true);
  });
});

describe('backups', () => {
  it('a point-in-time restore to the middle of an exam has every answer acknowledged before that moment', async () => {
    await clusterCommand('backup');
    const session = await signInAt(0, student(5));
    const { attemptId, questionIds } = await startPractice(
      session,
      instanceUrl(0),
      chapterId,
      'cluster-laptop-5r',
    );
    const save = async (seq: number, option: string) => {
      const res = await session.send(instanceUrl(seq % 2), 'POST', `/api/attempts/${attemptId}/answers`, {
        deviceId: 'cluster-laptop-5r',
        saves: [mcqSave(questionIds[seq % questionIds.length]!, option, seq)],
      });
      expect(res.json).toMatchObject({ results: [{ status: 'saved' }] });
    };
    for (let seq = 1; seq <= 8; seq++) await save(seq, 'a');
    // The moment to restore to: after these acknowledgements, before the next ones.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const moment = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (let seq = 9; seq <= 16; seq++) await save(seq, 'c');

    const port = cluster().ports.postgres + 20;
    await clusterCommand('restore', '--to', moment, '--port', String(port));
    const restored = new pg.Client({ connectionString: postgresUrl(port) });
    await restored.connect();
    try {
      const { rows } = await restored.query<{
        question_id: string;
        seq: number;
        answer: { optionIds: string[] };
      }>('select question_id, seq, answer from attempt_answers where attempt_id = $1', [attemptId]);
      const expected = new Map<string, number>();
      for (let seq = 1; seq <= 8; seq++) expected.set(questionIds[seq % questionIds.length]!, seq);
      expect(new Map(rows.map((r) => [r.question_id, r.seq]))).toEqual(expected);
      expect(rows.every((r) => r.answer.optionIds[0] === 'a')).toBe(true);
    } finally {
      await restored.end();
    }
  }, 120_000);
});

/** examtech_socketio_connected_sockets of instance `i`. */
const socketsOn = async (i: number) => (await metricValue(i, 'examtech_socketio_connected_sockets ')) ?? 0;

describe('graceful drain', () => {
  it('an instance stopped mid-exam: its candidate reconnects through nginx to the other and loses no answer', async () => {
    const session = await signInAt(0, student(1));
    const { attemptId, questionIds } = await startPractice(
      session,
      instanceUrl(0),
      chapterId,
      'cluster-laptop-1x',
    );
    const socket = openSocket(frontDoorUrl(), session.cookie, true);
    // As the exam room does: (re)join the attempt on every connection.
    let joins = 0;
    socket.on('connect', () => {
      void socket
        .timeout(5000)
        .emitWithAck('attempt:join', { attemptId })
        .then(
          () => (joins += 1),
          () => undefined,
        );
    });
    await connected(socket);
    await expect.poll(() => joins).toBe(1);
    const holder = (await socketsOn(0)) === 1 ? 0 : 1;
    expect(await socketsOn(holder)).toBe(1);

    const acked = new Map<string, number>();
    let stopping: Promise<void> | null = null;
    for (let seq = 1; seq <= 40; seq++) {
      if (seq === 10) stopping = clusterCommand('stop', `app-${holder + 1}`);
      const questionId = questionIds[seq % questionIds.length]!;
      const payload = { attemptId, deviceId: 'cluster-laptop-1x', saves: [mcqSave(questionId, 'd', seq)] };
      // Like the room's journal: a save without an ack is sent again until one comes.
      for (;;) {
        const ack = await saveOverSocket(socket, payload).catch(() => null);
        if (ack?.results?.[0]?.status === 'saved') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      acked.set(questionId, seq);
    }
    await stopping;
    const other = 1 - holder;
    expect(await socketsOn(other)).toBe(1);
    expect(joins).toBeGreaterThanOrEqual(2);
    expectEveryAckStored(acked, await readAnswers(session, instanceUrl(other), attemptId));
    await clusterCommand('start', `app-${holder + 1}`);
  }, 120_000);
});
