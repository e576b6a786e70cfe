/**
 * The optional .zip of images that accompanies an import. Only entries the sheet refers to are
 * inflated, and the declared sizes are checked first so a zip bomb is refused before it expands.
 */
import { unzipSync } from 'fflate';
import { AppError } from '../../platform/errors/app-error.js';
import { imageLookupKey } from './image-refs.js';

export type ArchivedImage = { name: string; body: Buffer };
/** Keyed by `imageLookupKey` (base name, lower case). */
export type ImageArchive = ReadonlyMap<string, ArchivedImage>;

const MAX_TOTAL_BYTES = 500 * 1024 * 1024;

function isIgnoredEntry(name: string): boolean {
  const base = name.split('/').pop() ?? '';
  return name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('.') || base === '';
}

/** Lists the entries (throws IMPORT_FILE_UNREADABLE when the bytes are not a zip). */
export function listArchiveNames(buffer: Buffer): string[] {
  const names: string[] = [];
  let total = 0;
  try {
    unzipSync(buffer, {
      filter: (file) => {
        if (!isIgnoredEntry(file.name)) names.push(file.name);
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', 'The images file is not a valid .zip archive.');
  }
  if (total > MAX_TOTAL_BYTES)
    throw new AppError('IMPORT_FILE_UNREADABLE', 'The images zip expands to more than 500 MB.');
  return names;
}

/** Inflates only the entries whose lookup key is in `wanted`. */
export function readArchiveImages(buffer: Buffer, wanted: ReadonlySet<string>): ImageArchive {
  const files = unzipSync(buffer, {
    filter: (file) => !isIgnoredEntry(file.name) && wanted.has(imageLookupKey(file.name)),
  });
  const images = new Map<string, ArchivedImage>();
  for (const [name, bytes] of Object.entries(files)) {
    const key = imageLookupKey(name);
    if (!images.has(key)) images.set(key, { name: name.split('/').pop() ?? name, body: Buffer.from(bytes) });
  }
  return images;
}
