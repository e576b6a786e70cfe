import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { createProxyTrust } from '../../src/platform/http/proxy-trust.js';

describe('configuration', () => {
  it('defaults to the embedded mode on port 3000 with the demo seed', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: './data/pglite' });
    expect(config.redis).toBeNull();
    expect(config.seedDemoData).toBe(true);
  });

  it('switches to PostgreSQL with replicas and Redis, without the demo seed unless asked', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/examtech',
      DATABASE_REPLICA_URLS: 'postgres://u:p@r1/examtech, postgres://u:p@r2/examtech',
      REDIS_URL: 'redis://cache:6379/2',
      REDIS_SENTINELS: 's1:26379,s2:26379',
    });
    expect(config.database).toMatchObject({
      kind: 'postgres',
      replicaUrls: ['postgres://u:p@r1/examtech', 'postgres://u:p@r2/examtech'],
    });
    expect(config.redis?.sentinels).toEqual([
      { host: 's1', port: 26379 },
      { host: 's2', port: 26379 },
    ]);
    expect(config.seedDemoData).toBe(false);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'http://nope',
        COOKIE_SECURE: 'maybe',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'COOKIE_SECURE'])
      expect(problems).toContain(name);
  });

  it('refuses replicas without a primary and sentinels without a Redis URL', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/x', REDIS_SENTINELS: 'a:1' })).toThrow(
      /DATABASE_REPLICA_URLS[\s\S]*REDIS_SENTINELS|REDIS_SENTINELS[\s\S]*DATABASE_REPLICA_URLS/,
    );
  });

  it('speaks TLS to Redis for a rediss:// URL, with a CA file that must hold a certificate', () => {
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).redis?.tls).toBeNull();
    expect(loadConfig({ REDIS_URL: 'rediss://cache:6380' }).redis?.tls).toEqual({ ca: null });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-ca-'));
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    writeFileSync(path.join(dir, 'ca.crt'), pem);
    writeFileSync(path.join(dir, 'not-a-cert.txt'), 'hello');
    const withCa = loadConfig({
      REDIS_URL: 'rediss://cache:6380',
      REDIS_TLS_CA_FILE: path.join(dir, 'ca.crt'),
    });
    expect(withCa.redis?.tls).toEqual({ ca: pem });
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        return (err as ConfigError).problems.join('\n');
      }
      return '';
    };
    expect(problemsOf({ REDIS_URL: 'rediss://c', REDIS_TLS_CA_FILE: path.join(dir, 'missing.crt') })).toMatch(
      /REDIS_TLS_CA_FILE: cannot read .*missing\.crt \(ENOENT\)/,
    );
    expect(
      problemsOf({ REDIS_URL: 'rediss://c', REDIS_TLS_CA_FILE: path.join(dir, 'not-a-cert.txt') }),
    ).toMatch(/REDIS_TLS_CA_FILE: .* holds no PEM certificate/);
    expect(problemsOf({ REDIS_URL: 'redis://c', REDIS_TLS_CA_FILE: path.join(dir, 'ca.crt') })).toMatch(
      /REDIS_TLS_CA_FILE: a CA is for TLS/,
    );
  });

  it('trusts only listed proxies: addresses, CIDR ranges or range names; never "true"', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8, loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: list the proxies/);
    for (const bad of ['10.0.0.0/33', 'nginx', '10.0.0.1/8/1', '300.1.1.1'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  it('keeps the sign-in and socket figures: 10 per account and client, 100 per account, 1,000 per client in 15 minutes; 5 sockets a session, 10 a user', () => {
    const config = loadConfig({});
    expect(config.loginLimits).toEqual({
      perAccount: 10,
      perAccountAllClients: 100,
      perIp: 1000,
      windowSeconds: 15 * 60,
    });
    expect(config.socketLimits).toEqual({ perSession: 5, perUser: 10 });
  });

  it('recognises TRUST_PROXY addresses the way Fastify does, for the socket handshake', () => {
    const isTrusted = createProxyTrust(['10.0.0.0/8', '192.0.2.7', 'loopback', 'fd00::/8']);
    for (const yes of ['10.1.2.3', '192.0.2.7', '127.0.0.1', '::ffff:127.0.0.1', '::1', 'fd00::5'])
      expect(isTrusted(yes), yes).toBe(true);
    for (const no of ['192.0.2.8', '11.0.0.1', '::2', 'fe80::1', '', undefined, 'not-an-ip'])
      expect(isTrusted(no), String(no)).toBe(false);
    expect(createProxyTrust([])('127.0.0.1')).toBe(false);
  });

  it('keeps files on local disk unless S3_BUCKET is set, and refuses half an S3 setup', () => {
    expect(loadConfig({}).s3).toBeNull();
    expect(
      loadConfig({
        S3_BUCKET: 'files',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
        S3_FORCE_PATH_STYLE: 'true',
        S3_SSE: 'aws:kms',
        S3_SSE_KMS_KEY_ID: 'alias/x',
      }).s3,
    ).toEqual({
      bucket: 'files',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      publicEndpoint: null,
      credentials: { accessKeyId: 'k', secretAccessKey: 's' },
      forcePathStyle: true,
      sse: { kind: 'aws:kms', kmsKeyId: 'alias/x' },
      uploadUrlTtlSeconds: 900,
    });
    expect(loadConfig({ S3_BUCKET: 'files' }).s3).toMatchObject({ credentials: null, sse: null });
    expect(() => loadConfig({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_ENDPOINT: set S3_BUCKET/);
    expect(() => loadConfig({ S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'k' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(() => loadConfig({ S3_BUCKET: 'files', S3_SSE_KMS_KEY_ID: 'k' })).toThrow(/S3_SSE=aws:kms/);
    expect(() => loadConfig({ S3_BUCKET: 'files', S3_SSE: 'rot13' })).toThrow(/S3_SSE/);
  });
});
