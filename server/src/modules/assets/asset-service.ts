import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import { authorizeInInstitute, type Actor, type InstituteActor } from '../../platform/auth/policies.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import * as repo from './asset-repo.js';
import { detectImageType } from './image-type.js';

export const MAX_ASSET_BYTES = 5 * 1024 * 1024;

export type AssetView = { id: string; url: string; contentType: string; size: number; originalName: string };
export type AssetInput = { body: Buffer; originalName: string; declaredType?: string | undefined };

function presentAsset(row: repo.AssetRow): AssetView {
  return {
    id: row.id,
    url: `/api/assets/${row.id}`,
    contentType: row.contentType,
    size: row.size,
    originalName: row.originalName,
  };
}

/** Keeps the last path segment, without control characters, at a length a table can show. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/u).pop() ?? '';
  return (
    base
      .replace(/\p{Cc}/gu, '')
      .trim()
      .slice(0, 200) || 'image'
  );
}

export type AssetService = ReturnType<typeof createAssetService>;

/**
 * Question images: sniffed by content, stored through FileStorage. Staff read their institute's;
 * a student only those of a paper they sit or a result released to them (asked of the attempts).
 */
export function createAssetService(deps: {
  database: Database;
  storage: FileStorage;
  /** Whether a student may see an image: the attempts module answers (wired in app.ts). */
  students: { mayStudentSeeAsset(actor: Actor, assetId: string): Promise<boolean> };
}) {
  const { db } = deps.database;

  /**
   * Stores an image and records it through `conn`, so an import can keep its asset rows inside its
   * own transaction. An identical image already uploaded to the institute is reused.
   */
  async function storeAssetInTx(
    conn: Db | Tx,
    actor: InstituteActor | Actor,
    input: AssetInput,
  ): Promise<AssetView> {
    const scoped = authorizeInInstitute(actor, 'assets:upload');
    if (input.body.length > MAX_ASSET_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', 'Images can be at most 5 MB.');
    const contentType = detectImageType(input.body);
    if (!contentType)
      throw new AppError('ASSET_TYPE_NOT_ALLOWED', undefined, {
        fields: [{ path: 'file', message: 'Not a PNG, JPEG, GIF or WebP image.' }],
      });
    const sha256 = createHash('sha256').update(input.body).digest('hex');
    const existing = await repo.findAssetBySha(conn, scoped.instituteId, sha256, contentType);
    if (existing) return presentAsset(existing);
    const id = randomUUID();
    const storageKey = `institutes/${scoped.instituteId}/assets/${id}`;
    await deps.storage.put(storageKey, input.body, contentType);
    const row = await repo.insertAsset(conn, {
      id,
      instituteId: scoped.instituteId,
      storageKey,
      contentType,
      size: input.body.length,
      sha256,
      originalName: cleanFileName(input.originalName),
      createdBy: actor.userId,
    });
    return presentAsset(row);
  }

  return {
    storeAssetInTx,

    storeAsset(actor: InstituteActor | Actor, input: AssetInput): Promise<AssetView> {
      return storeAssetInTx(db, actor, input);
    },

    /** An upload over HTTP: `readInput` is called only once the actor may upload (refused before reading 5 MB). */
    async uploadAsset(actor: Actor, readInput: () => Promise<AssetInput>): Promise<AssetView> {
      authorizeInInstitute(actor, 'assets:upload');
      return storeAssetInTx(db, actor, await readInput());
    },

    /** Staff read any image of their institute; students only what their papers and released results show. */
    async readAsset(
      actor: Actor,
      id: string,
    ): Promise<{ body: Readable; contentType: string; size: number; originalName: string }> {
      const scoped = authorizeInInstitute(actor, 'assets:read');
      const row = await repo.findAsset(deps.database.readDb, scoped.instituteId, id);
      // 404 as for an unknown id: a student learns nothing about images that are not theirs.
      const isVisible =
        row && (actor.role !== 'student' || (await deps.students.mayStudentSeeAsset(actor, id)));
      const file = row && isVisible ? await deps.storage.get(row.storageKey) : null;
      if (!row || !file) throw notFound('Image not found.');
      return {
        body: file.body,
        contentType: row.contentType,
        size: file.size,
        originalName: row.originalName,
      };
    },

    /** The ids among `ids` that are images of the institute (for questions that reference them). */
    async findExistingAssetIds(conn: Db | Tx, instituteId: string, ids: string[]): Promise<Set<string>> {
      const uuids = [...new Set(ids)].filter((id) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu.test(id),
      );
      return new Set(await repo.findAssetIds(conn, instituteId, uuids));
    },
  };
}
