import { api, ApiError } from '../../lib/api';
import type { Asset } from '../../lib/types';

/** What the server says about sending an image: straight to file storage, or through itself. */
type UploadPlan =
  | { method: 'PUT'; url: string; headers: Record<string, string>; key: string }
  | { method: 'multipart'; url: string; field: string };

const DIRECT_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

async function uploadThroughServer(file: File, url = '/api/assets', field = 'file'): Promise<Asset> {
  const body = new FormData();
  body.append(field, file);
  return (await api<{ asset: Asset }>(url, { method: 'POST', body })).asset;
}

async function sendToStorage(plan: Extract<UploadPlan, { method: 'PUT' }>, file: File): Promise<void> {
  const fail = (status: number) =>
    new ApiError(status, 'UPLOAD_FAILED', 'The image could not be sent to file storage. Try again.');
  let response: Response;
  try {
    // No cookies: the presigned URL is the whole permission, and storage is another origin.
    response = await fetch(plan.url, {
      method: 'PUT',
      headers: plan.headers,
      body: file,
      credentials: 'omit',
    });
  } catch {
    throw fail(0);
  }
  if (!response.ok) throw fail(response.status);
}

/**
 * Uploads a question image. Where the server offers a presigned URL (files in S3) the bytes go
 * straight to storage and the server then checks and registers them; otherwise (local disk) they
 * go through the multipart route. Both paths apply the same size and type limits on the server.
 */
export async function uploadImage(file: File): Promise<Asset> {
  // A type the browser cannot name goes through the server, which judges the bytes themselves.
  if (!DIRECT_TYPES.has(file.type)) return uploadThroughServer(file);
  const fileName = file.name.slice(0, 255) || 'image';
  const { upload } = await api<{ upload: UploadPlan }>('/api/assets/uploads', {
    method: 'POST',
    body: { fileName, contentType: file.type, size: file.size },
  });
  if (upload.method !== 'PUT') return uploadThroughServer(file, upload.url, upload.field);
  await sendToStorage(upload, file);
  const completed = await api<{ asset: Asset }>('/api/assets/uploads/complete', {
    method: 'POST',
    body: { key: upload.key, fileName },
  });
  return completed.asset;
}
