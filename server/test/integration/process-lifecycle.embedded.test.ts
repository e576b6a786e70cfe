import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demo } from '../support/test-app.js';
import { repoRoot, tmpRoot } from '../support/databases.js';
import { HttpSession } from '../support/http-client.js';

// The real entry point as an operator runs it: `tsx server/src/main.ts` on a PGlite data directory.
const dataDir = mkdtempSync(path.join(tmpRoot, 'lifecycle-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startServer(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(output: () => string, text: string, timeoutMs = 60_000): Promise<void> {
  await expect.poll(output, { timeout: timeoutMs, interval: 100 }).toContain(text);
}

describe('the server process', () => {
  it('stops with a list of every bad setting', { timeout: 60_000 }, async () => {
    const server = startServer({ PORT: 'abc', DATABASE_URL: 'mysql://nope', LOG_LEVEL: 'loud' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT');
    expect(server.output()).toContain('DATABASE_URL');
    expect(server.output()).toContain('LOG_LEVEL');
  });

  it(
    'prints the demo logins, shuts down cleanly on SIGTERM and keeps data and sessions across a restart',
    { timeout: 150_000 },
    async () => {
      const port = String(await freePort());
      const baseUrl = `http://127.0.0.1:${port}`;
      const first = startServer({ PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir });
      await waitFor(first.output, 'ExamTech is running');
      expect(first.output()).toContain('admin@demo.examtech.in');

      const session = new HttpSession();
      expect(await session.login(baseUrl, demo.admin.email, demo.admin.password)).toBe(200);
      expect(
        (await session.send(baseUrl, 'POST', '/api/batches', { name: 'Survives restart', code: 'KEEP-1' }))
          .status,
      ).toBe(201);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = startServer({ PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir });
      await waitFor(second.output, 'ExamTech is running');
      // The same browser session still works (a restart signs nobody out), and the demo is not seeded twice.
      const me = await session.send(baseUrl, 'GET', '/api/auth/me');
      expect(me.status).toBe(200);
      const batches = (await session.send(baseUrl, 'GET', '/api/batches')).json as {
        items: { code: string }[];
      };
      expect(batches.items.map((b) => b.code)).toContain('KEEP-1');
      expect(batches.items.filter((b) => b.code === 'JEE-2027-A')).toHaveLength(1);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    },
  );
});
