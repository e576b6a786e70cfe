import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** A browser upload straight to the store: PUT `url` with exactly these headers and the bytes. */
export type UploadTarget = { method: 'PUT'; url: string; headers: Record<string, string> };

/**
 * Where uploaded files live: local disk by default, S3 (s3-storage.ts) when `S3_BUCKET` is set.
 * Every kind of file goes through this interface (question images, import sheets, later ones too),
 * so a scaled deployment keeps nothing durable on one instance's disk.
 */
export type FileStorage = {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** A stream of the bytes (never the whole file in memory), or null when there is no such key. */
  get(key: string): Promise<{ body: Readable; size: number } | null>;
  /**
   * The first `length` bytes and the whole size in one call (S3: a ranged GET), or null when there
   * is no such key: enough to sniff an upload's type and check its size without reading it all.
   */
  readStart(key: string, length: number): Promise<{ head: Buffer; size: number } | null>;
  /** Size and stored type without the bytes, or null when there is no such key. */
  head(key: string): Promise<{ size: number; contentType: string | null } | null>;
  /** Copies within the store (S3: server-side, the bytes never pass through this process). */
  copy(fromKey: string, toKey: string): Promise<void>;
  /** Idempotent: deleting a key that is not there succeeds. */
  delete(key: string): Promise<void>;
  /**
   * Only where a browser can upload without passing through the server (S3: a presigned PUT bound
   * to the key, the type and the exact size). Absent on local disk: clients use the multipart route.
   */
  createUploadUrl?(
    key: string,
    options: { contentType: string; size: number; expiresInSeconds: number },
  ): Promise<UploadTarget>;
  /** The origin `createUploadUrl` points at, which the CSP's connect-src must allow. */
  uploadOrigin?: string;
};

/** Keys are relative paths like `institutes/<id>/images/<uuid>.png`; anything escaping the root is refused. */
export function createLocalDiskStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);
  const resolveKey = (key: string) => {
    const full = path.resolve(root, key);
    if (!full.startsWith(root + path.sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return full;
  };
  const statOf = async (key: string) => {
    try {
      const info = await stat(resolveKey(key));
      return info.isFile() ? info : null;
    } catch {
      return null;
    }
  };
  return {
    async put(key, body) {
      const full = resolveKey(key);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, body);
    },
    async get(key) {
      const info = await statOf(key);
      return info ? { body: createReadStream(resolveKey(key)), size: info.size } : null;
    },
    async readStart(key, length) {
      const info = await statOf(key);
      if (!info) return null;
      const file = await open(resolveKey(key), 'r');
      try {
        const { buffer, bytesRead } = await file.read(Buffer.alloc(length), 0, length, 0);
        return { head: buffer.subarray(0, bytesRead), size: info.size };
      } finally {
        await file.close();
      }
    },
    async head(key) {
      const info = await statOf(key);
      // The disk keeps no type: callers that need one sniff the bytes (as the asset service does).
      return info ? { size: info.size, contentType: null } : null;
    },
    async copy(fromKey, toKey) {
      const target = resolveKey(toKey);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(resolveKey(fromKey), target);
    },
    async delete(key) {
      await rm(resolveKey(key), { force: true });
    },
  };
}
