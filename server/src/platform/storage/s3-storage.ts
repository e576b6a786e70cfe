import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type PutObjectCommandInput,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';
import type { S3StorageConfig } from '../config.js';
import type { FileStorage } from './file-storage.js';

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);

function clientConfig(config: S3StorageConfig, endpoint: string | null): S3ClientConfig {
  return {
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(endpoint ? { endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Checksums only where S3 demands them: the default (a CRC32 of every request) would be signed
    // into presigned PUTs as the checksum of an empty body, and several S3-compatible stores refuse it.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

/** The encryption headers every write carries (and a presigned PUT must send as signed). */
function encryptionOf(config: S3StorageConfig): {
  input: Pick<PutObjectCommandInput, 'ServerSideEncryption' | 'SSEKMSKeyId'>;
  headers: Record<string, string>;
} {
  if (!config.sse) return { input: {}, headers: {} };
  if (config.sse.kind === 'AES256')
    return {
      input: { ServerSideEncryption: 'AES256' as const },
      headers: { 'x-amz-server-side-encryption': 'AES256' },
    };
  const keyId = config.sse.kmsKeyId;
  return {
    input: { ServerSideEncryption: 'aws:kms' as const, ...(keyId ? { SSEKMSKeyId: keyId } : {}) },
    headers: {
      'x-amz-server-side-encryption': 'aws:kms',
      ...(keyId ? { 'x-amz-server-side-encryption-aws-kms-key-id': keyId } : {}),
    },
  };
}

/** Where presigned URLs point: the origin the browser talks to, for the CSP. */
export function s3UploadOrigin(config: S3StorageConfig): string {
  const endpoint = config.publicEndpoint ?? config.endpoint;
  if (endpoint) {
    const url = new URL(endpoint);
    return config.forcePathStyle ? url.origin : `${url.protocol}//${config.bucket}.${url.host}`;
  }
  return config.forcePathStyle
    ? `https://s3.${config.region}.amazonaws.com`
    : `https://${config.bucket}.s3.${config.region}.amazonaws.com`;
}

/**
 * FileStorage on S3 or any S3-compatible store (AWS SDK v3). Reads stream from S3 to the client;
 * browsers upload large files straight to the bucket through presigned PUTs.
 */
export type S3Storage = FileStorage & Required<Pick<FileStorage, 'createUploadUrl'>> & { close(): void };

export function createS3Storage(config: S3StorageConfig): S3Storage {
  const client = new S3Client(clientConfig(config, config.endpoint));
  // Presigned URLs name the host the browser reaches, which may differ from the servers' endpoint.
  const presignClient = config.publicEndpoint
    ? new S3Client(clientConfig(config, config.publicEndpoint))
    : client;
  const Bucket = config.bucket;
  const encryption = encryptionOf(config);

  return {
    uploadOrigin: s3UploadOrigin(config),

    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, ...encryption.input }),
      );
    },

    async get(key) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        // In Node the SDK hands back the HTTP response itself: the bytes flow through, never buffered.
        if (!(res.Body instanceof Readable)) throw new Error('S3 GetObject returned no stream');
        return { body: res.Body, size: res.ContentLength ?? 0 };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async readStart(key, length) {
      try {
        const res = await client.send(
          new GetObjectCommand({ Bucket, Key: key, Range: `bytes=0-${Math.max(0, length - 1)}` }),
        );
        const head = Buffer.from((await res.Body?.transformToByteArray()) ?? []);
        // "bytes 0-15/12345": the whole size follows the slash. A store that answers a range
        // covering the whole object with a plain 200 gives its length instead.
        const total = Number(res.ContentRange?.split('/')[1] ?? res.ContentLength ?? head.length);
        return { head: head.subarray(0, length), size: Number.isFinite(total) ? total : head.length };
      } catch (error) {
        if (isMissing(error)) return null;
        // No byte 0 to give: the object is empty.
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416)
          return { head: Buffer.alloc(0), size: 0 };
        throw error;
      }
    },

    async head(key) {
      try {
        const res = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: res.ContentLength ?? 0, contentType: res.ContentType ?? null };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async copy(fromKey, toKey) {
      // CopySource is "bucket/key", URL-encoded per segment.
      const source = `${Bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`;
      await client.send(
        new CopyObjectCommand({ Bucket, Key: toKey, CopySource: source, ...encryption.input }),
      );
    },

    async delete(key) {
      // S3 answers 204 for a key that is not there, so this is idempotent as the interface asks.
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async createUploadUrl(key, { contentType, size, expiresInSeconds }) {
      const command = new PutObjectCommand({
        Bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: size,
        ...encryption.input,
      });
      // Type and length are signed: S3 refuses a PUT of another type or of any other size.
      const url = await getSignedUrl(presignClient, command, {
        expiresIn: expiresInSeconds,
        signableHeaders: new Set(['content-type', 'content-length']),
      });
      return { method: 'PUT', url, headers: { 'content-type': contentType, ...encryption.headers } };
    },

    close() {
      client.destroy();
      if (presignClient !== client) presignClient.destroy();
    },
  };
}
