// The one HTTP client of the app: cookies for the session, JSON in and out, the CSRF header on
// writes, and every error body turned into an ApiError the UI can reason about.

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    /** The whole response body, for endpoints that attach more than the error (e.g. import rows). */
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** Remembers the token the server handed out with the session (login and /me responses). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** Plain objects are sent as JSON; FormData is sent as multipart. */
  body?: unknown;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'include' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the server. Check your connection and try again.');
  }

  const payload: unknown = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldError[] };
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = typeof payload === 'object' && payload !== null ? (payload as ErrorBody).error : undefined;
  if (error?.code) {
    return new ApiError(status, error.code, error.message ?? 'Request failed', error.fields ?? [], payload);
  }
  const message =
    status >= 500 ? 'The server had a problem. Please try again.' : `Request failed (${status})`;
  return new ApiError(status, `HTTP_${status}`, message, [], payload);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/**
 * PUTs raw bytes to an upload URL the server handed out (proctoring evidence): the server's own URL
 * gets the session cookie and CSRF header like any write; a presigned storage URL gets neither, as
 * extra headers would break its signature and a cookie is not its business.
 */
export async function putBytes(url: string, body: Blob, headers: Record<string, string>): Promise<void> {
  const target = new URL(url, window.location.href);
  const isOwnServer = target.origin === window.location.origin;
  const sent: Record<string, string> = { ...headers };
  if (isOwnServer && csrfToken) sent['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'PUT',
      headers: sent,
      body,
      credentials: isOwnServer ? 'include' : 'omit',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw toApiError(response.status, await readJson(response));
}
