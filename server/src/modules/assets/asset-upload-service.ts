import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/database.js';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import * as repo from './asset-repo.js';
import {
  checkImageSize,
  checkImageType,
  presentAsset,
  type AssetService,
  type AssetView,
} from './asset-service.js';

/** How the browser sends the bytes: straight to storage (S3), or the multipart route through the server. */
export type UploadPlan =
  | { method: 'PUT'; url: string; headers: Record<string, string>; key: string }
  | { method: 'multipart'; url: '/api/assets'; field: 'file' };

export type AssetUploadService = ReturnType<typeof createAssetUploadService>;

const ALLOWED_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
// Staged uploads share one prefix, so one bucket lifecycle rule expires those never completed.
const UPLOAD_KEY = /^uploads\/institutes\/([0-9a-f-]{36})\/([0-9a-f-]{36})$/u;
// Enough for every signature detectImageType knows (WebP's is at bytes 8-11).
const SNIFF_BYTES = 16;

/**
 * Direct uploads of question images: the browser PUTs to a presigned URL, then completion checks the
 * stored object as the multipart route checks a body (size, type by content) and registers it on the
 * same path (`registerAsset`). Keys are minted here, under the uploader's institute.
 */
export function createAssetUploadService(deps: {
  database: Database;
  storage: FileStorage;
  assets: Pick<AssetService, 'registerAsset'>;
  uploadUrlTtlSeconds: number;
}) {
  const { db } = deps.database;
  const upload = deps.storage.createUploadUrl?.bind(deps.storage);

  /** Hashes the stored bytes as they stream past, keeping only the first few for the type check. */
  async function readFacts(key: string) {
    const stored = await deps.storage.get(key);
    if (!stored) return null;
    const hash = createHash('sha256');
    let head = Buffer.alloc(0);
    let size = 0;
    for await (const chunk of stored.body as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk]).subarray(0, SNIFF_BYTES);
    }
    return { sha256: hash.digest('hex'), head, size };
  }

  /** Runs a limit check; bytes it refuses do not stay in the bucket. */
  async function refuseUnless<T>(key: string, check: () => T): Promise<T> {
    try {
      return check();
    } catch (error) {
      await deps.storage.delete(key);
      throw error;
    }
  }

  return {
    /** Checks the declared file against the limits, then says how to send it. */
    async createUpload(
      actor: Actor,
      input: { fileName: string; contentType: string; size: number },
    ): Promise<UploadPlan> {
      const scoped = authorizeInInstitute(actor, 'assets:upload');
      if (!ALLOWED_TYPES.includes(input.contentType))
        throw new AppError('ASSET_TYPE_NOT_ALLOWED', undefined, {
          fields: [{ path: 'contentType', message: 'Not a PNG, JPEG, GIF or WebP image.' }],
        });
      checkImageSize(input.size);
      if (!upload) return { method: 'multipart', url: '/api/assets', field: 'file' };
      const key = `uploads/institutes/${scoped.instituteId}/${randomUUID()}`;
      const target = await upload(key, {
        contentType: input.contentType,
        size: input.size,
        expiresInSeconds: deps.uploadUrlTtlSeconds,
      });
      return { ...target, key };
    },

    /**
     * Registers what was PUT under `key`. Another institute's key, or one nothing was uploaded to,
     * is 404 before storage is asked anything. Completing the same key again returns the same asset.
     */
    async completeUpload(actor: Actor, input: { key: string; fileName: string }): Promise<AssetView> {
      const scoped = authorizeInInstitute(actor, 'assets:upload');
      const match = UPLOAD_KEY.exec(input.key);
      const id = match?.[2];
      if (!match || match[1] !== scoped.instituteId || !id) throw new AppError('UPLOAD_NOT_FOUND');
      const done = await repo.findAsset(db, scoped.instituteId, id);
      if (done) return presentAsset(done);
      const stat = await deps.storage.head(input.key);
      if (!stat) throw new AppError('UPLOAD_NOT_FOUND');
      // Size first, from the store's own record: an oversized object is never read.
      await refuseUnless(input.key, () => checkImageSize(stat.size));
      const facts = await readFacts(input.key);
      if (!facts) throw new AppError('UPLOAD_NOT_FOUND');
      const contentType = await refuseUnless(input.key, () => {
        checkImageSize(facts.size);
        return checkImageType(facts.head);
      });
      // Registered under a key of its own: the presigned URL stays valid until it expires, and a
      // second PUT to it must not change an image a paper already shows.
      const storageKey = `institutes/${scoped.instituteId}/assets/${id}`;
      const asset = await deps.assets.registerAsset(
        db,
        actor,
        { id, storageKey, contentType, size: facts.size, sha256: facts.sha256, originalName: input.fileName },
        () => deps.storage.copy(input.key, storageKey),
      );
      // Copied, or the institute already had these bytes (that asset is the answer): either way
      // the upload itself is not kept.
      await deps.storage.delete(input.key);
      return asset;
    },
  };
}
