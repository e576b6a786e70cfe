import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot, tmpRoot } from './databases.js';

export type S3Server = {
  endpoint: string;
  bucket: string;
  /** The S3_* variables that point an app at this store. */
  env: Record<string, string>;
  stop(): Promise<void>;
};

const BUCKET = 'examtech-test';

/**
 * A real S3-compatible store (s3rver, the same one `npm run cluster` runs) on a free port with a
 * throwaway directory and the bucket configured with deploy/s3/cors.xml.
 */
export async function startS3Server(): Promise<S3Server> {
  const dir = mkdtempSync(path.join(tmpRoot, 's3-'));
  const bin = path.join(
    path.dirname(createRequire(import.meta.url).resolve('s3rver/package.json')),
    'bin',
    's3rver.js',
  );
  const cors = path.join(repoRoot, 'deploy', 's3', 'cors.xml');
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '-d', dir, '-a', '127.0.0.1', '-p', '0', '--silent', '--configure-bucket', BUCKET, cors],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Port 0 lets the system choose; s3rver prints the one it got.
      const match = /listening on [^:]+:(\d+)/u.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}): ${output}`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket: BUCKET,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One store for the calling file: started in a `beforeAll`, stopped in an `afterAll`. */
export function useS3Server(): { readonly server: S3Server } {
  let server: S3Server | undefined;
  beforeAll(async () => {
    server = await startS3Server();
  });
  afterAll(() => server?.stop());
  return {
    get server() {
      if (!server) throw new Error('useS3Server: read server inside hooks and tests');
      return server;
    },
  };
}
