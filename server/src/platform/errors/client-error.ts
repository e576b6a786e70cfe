import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { errorCatalogue, type ErrorCode } from './catalogue.js';

function codeFor(err: NodeJS.ErrnoException): ErrorCode {
  if (err.code === 'HPE_HEADER_OVERFLOW') return 'HEADERS_TOO_LARGE';
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  return 'BAD_REQUEST';
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request (a URL
 * or headers over the 16 KB limit, a request line that does not parse, a client too slow to send
 * its headers) is answered in the catalogue's envelope too, not Fastify's default shape.
 */
export function replyToClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code = codeFor(err);
  const { status, message } = errorCatalogue[code];
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code, message }, requestId });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${code}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nx-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
