import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';

/**
 * The browser's own defences, on every response (HTML, assets, API and errors alike):
 * - CSP: only this origin's scripts, so an injected <script> or inline handler never runs, and
 *   WebAssembly compiled from them ('wasm-unsafe-eval', which allows no JavaScript eval): the exam
 *   room's face check runs its model on TF.js's WebAssembly backend in a worker. Styles
 *   allow inline because Mantine and KaTeX set style attributes and Mantine injects its CSS
 *   variables in a <style> tag; data: and blob: images cover CSS icons and local previews.
 * - No framing (frame-ancestors and X-Frame-Options): the exam room cannot be overlaid by another site.
 * - nosniff, no referrer, camera for this origin only (the exam's system check), the rest off.
 * - HSTS only on https: on a plain-http LAN install it would lock browsers out of the server.
 */
const webSocketSelf = (req: IncomingMessage) => {
  const host = req.headers.host ?? '';
  // 'self' covers ws:/wss: in CSP Level 3 browsers; the explicit origins are for the rest.
  return /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `ws://${host} wss://${host}` : "'self'";
};

const PERMISSIONS_POLICY = [
  'camera=(self)',
  'fullscreen=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'display-capture=()',
  'interest-cohort=()',
].join(', ');

export const HSTS_VALUE = 'max-age=31536000';

/** `uploadOrigins`: where browsers PUT files straight to storage (S3 presigned uploads), if anywhere. */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { uploadOrigins?: string[] } = {},
): Promise<void> {
  const uploadOrigins = options.uploadOrigins ?? [];
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", "'wasm-unsafe-eval'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'"],
        'media-src': ["'self'", 'blob:'],
        'connect-src': ["'self'", (req) => webSocketSelf(req), ...uploadOrigins],
        'worker-src': ["'self'"],
        'manifest-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Set below, per request: only when the request arrived over TLS.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS_VALUE);
  });
}
