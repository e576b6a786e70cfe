import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import { authorizeInInstitute, type Actor, type InstituteActor } from '../../platform/auth/policies.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import * as repo from './asset-repo.js';
import { detectImageType, type ImageType } from './image-type.js';

export const MAX_ASSET_BYTES = 5 * 1024 * 1024;

export type AssetView = { id: string; url: string; contentType: string; size: number; originalName: string };
export type AssetInput = { body: Buffer; originalName: string; declaredType?: string | undefined };

export function presentAsset(row: repo.AssetRow): AssetView {
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

/** What the asset row records of an image whose bytes are (or are about to be) in storage. */
export type RegisteredFacts = {
  id: string;
  storageKey: string;
  contentType: ImageType;
  size: number;
  sha256: string;
  originalName: string;
};

/** The upload limits, the same on every path: at most 5 MB... */
export function checkImageSize(size: number): void {
  if (size > MAX_ASSET_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'Images can be at most 5 MB.');
}

/** ...and an image type by its first bytes (`head`: at least the first 16). Returns the sniffed type. */
export function checkImageType(head: Buffer): ImageType {
  const contentType = detectImageType(head);
  if (!contentType)
    throw new AppError('ASSET_TYPE_NOT_ALLOWED', undefined, {
      fields: [{ path: 'file', message: 'Not a PNG, JPEG, GIF or WebP image.' }],
    });
  return contentType;
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
   * The one path that records an image: an identical image the institute already has is returned
   * instead (and `write` is not called); otherwise `write` stores the bytes if they are not stored
   * yet and the row is inserted. Both the multipart and the direct (presigned) uploads end here.
   */
  async function registerAsset(
    conn: Db | Tx,
    actor: InstituteActor | Actor,
    facts: RegisteredFacts,
    write?: () => Promise<void>,
  ): Promise<AssetView> {
    const scoped = authorizeInInstitute(actor, 'assets:upload');
    const existing = await repo.findAssetBySha(conn, scoped.instituteId, facts.sha256, facts.contentType);
    if (existing) return presentAsset(existing);
    await write?.();
    const row = await repo.insertAssetIfAbsent(conn, {
      ...facts,
      instituteId: scoped.instituteId,
      originalName: cleanFileName(facts.originalName),
      createdBy: actor.userId,
    });
    // Null: the same direct upload was completed twice at once; the first one's row is the answer.
    const stored = row ?? (await repo.findAsset(conn, scoped.instituteId, facts.id));
    if (!stored) throw new Error('asset row vanished after a conflicting insert');
    return presentAsset(stored);
  }

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
    checkImageSize(input.body.length);
    const contentType = checkImageType(input.body);
    const id = randomUUID();
    const storageKey = `institutes/${scoped.instituteId}/assets/${id}`;
    const sha256 = createHash('sha256').update(input.body).digest('hex');
    const facts = {
      id,
      storageKey,
      contentType,
      size: input.body.length,
      sha256,
      originalName: input.originalName,
    };
    return registerAsset(conn, actor, facts, () => deps.storage.put(storageKey, input.body, contentType));
  }

  return {
    storeAssetInTx,
    registerAsset,

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
