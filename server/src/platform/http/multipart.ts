import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** The per-file limit every multipart route gets unless it asks for another (images, student CSVs). */
export const DEFAULT_UPLOAD_BYTES = 5 * 1024 * 1024;

export type UploadedPart = { fileName: string; mimetype: string; body: Buffer };
export type Upload = { files: Map<string, UploadedPart>; fields: Map<string, string> };

type ReadOptions = {
  limitBytes?: number;
  /** What to do instead, after "The file is larger than N MB." */
  advice?: string;
  /** Files a route accepts in one request (others are refused with 413, not ignored). */
  maxFiles?: number;
  maxFields?: number;
};

function describeBytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Turns what the multipart parser throws into catalogue errors: a limit becomes 413
 * PAYLOAD_TOO_LARGE, and a body the parser cannot read (its boundary does not match the header,
 * it ends early) is the client's mistake, 400 BAD_REQUEST, not a 500.
 */
function toUploadError(err: unknown, tooLarge: () => AppError): unknown {
  if (err instanceof AppError) return err;
  const { statusCode, code } = err as { statusCode?: unknown; code?: unknown };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  if (statusCode === 413)
    return new AppError('PAYLOAD_TOO_LARGE', 'The upload has more files or fields than allowed.');
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return err;
  return new AppError('BAD_REQUEST', 'The upload could not be read. Choose the file again and retry.');
}

/**
 * Reads one uploaded file whole, or refuses it with 413 PAYLOAD_TOO_LARGE. Busboy cuts a file at
 * the size limit and marks it `truncated`; `toBuffer()` notices that only when a chunk arrives
 * after the cut, which a file streamed over a real socket often does not (the cut falls on the
 * last chunk it reads). A truncated file must never be processed, so the flag is checked again
 * after the whole part has been read.
 */
export async function readUploadedFile(part: MultipartFile, options: ReadOptions = {}): Promise<Buffer> {
  const { limitBytes = DEFAULT_UPLOAD_BYTES, advice = 'Upload a smaller file.' } = options;
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${describeBytes(limitBytes)}. ${advice}`);
  let body: Buffer;
  try {
    body = await part.toBuffer();
  } catch (err) {
    throw toUploadError(err, tooLarge);
  }
  if (part.file.truncated || body.length > limitBytes) throw tooLarge();
  return body;
}

/**
 * Reads a whole multipart request: every file in full (refused whole when over the limit) and
 * every text field. Every multipart route reads through here, so none can process a cut file.
 */
export async function readUpload(request: FastifyRequest, options: ReadOptions = {}): Promise<Upload> {
  const { limitBytes = DEFAULT_UPLOAD_BYTES, maxFiles = 1, maxFields = 10 } = options;
  const files = new Map<string, UploadedPart>();
  const fields = new Map<string, string>();
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${describeBytes(limitBytes)}.`);
  try {
    const parts = request.parts({ limits: { fileSize: limitBytes, files: maxFiles, fields: maxFields } });
    for await (const part of parts) {
      if (part.type === 'file') {
        const body = await readUploadedFile(part, options);
        if (!files.has(part.fieldname))
          files.set(part.fieldname, { fileName: part.filename, mimetype: part.mimetype, body });
      } else if (!fields.has(part.fieldname)) {
        fields.set(part.fieldname, String(part.value));
      }
    }
  } catch (err) {
    throw toUploadError(err, tooLarge);
  }
  return { files, fields };
}
