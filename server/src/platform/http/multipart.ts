import type { MultipartFile } from '@fastify/multipart';
import { AppError } from '../errors/app-error.js';

/** The per-file limit every multipart route gets unless it asks for another (images, student CSVs). */
export const DEFAULT_UPLOAD_BYTES = 5 * 1024 * 1024;

function describeBytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function isFileTooLarge(err: unknown): boolean {
  return (err as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * Reads one uploaded file whole, or refuses it with 413 PAYLOAD_TOO_LARGE. Busboy cuts a file at
 * the size limit and marks it `truncated`; `toBuffer()` notices that only when a chunk arrives
 * after the cut, which a file streamed over a real socket often does not (the cut falls on the
 * last chunk it reads). A truncated file must never be processed, so the flag is checked again
 * after the whole part has been read. Every multipart route reads its files through here.
 */
export async function readUploadedFile(
  part: MultipartFile,
  { limitBytes = DEFAULT_UPLOAD_BYTES, advice = 'Upload a smaller file.' } = {},
): Promise<Buffer> {
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${describeBytes(limitBytes)}. ${advice}`);
  let body: Buffer;
  try {
    body = await part.toBuffer();
  } catch (err) {
    if (isFileTooLarge(err)) throw tooLarge();
    throw err;
  }
  if (part.file.truncated || body.length > limitBytes) throw tooLarge();
  return body;
}
