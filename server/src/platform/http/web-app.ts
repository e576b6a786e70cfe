import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorCatalogue } from '../errors/catalogue.js';

const API_PREFIXES = ['/api/', '/socket.io/', '/metrics', '/health', '/ready'];

/**
 * Serves the built single-page app and answers unknown non-API GETs with index.html so client-side
 * routes survive a reload. Unknown API paths keep the JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string | null): Promise<void> {
  const hasWebApp = distDir !== null && existsSync(path.join(distDir, 'index.html'));
  if (hasWebApp) {
    // Asked for again on every visit: the service worker, or a new build would not be installed, and
    // index.html (also the SPA fallback), which names this build's hashed assets.
    const unhashed = new Set(['sw.js', 'index.html'].map((name) => path.resolve(distDir, name)));
    // Everything under assets/ is named by its content (the build's hashed chunks, the face check's
    // models in a folder named by theirs): kept for good, as nginx does in front of a cluster, so a
    // candidate downloads the ~3 MB face check once, not every hour.
    const hashedDir = path.resolve(distDir, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: path.resolve(distDir),
      wildcard: false,
      maxAge: '1h',
      index: false,
      setHeaders: (reply, filePath) => {
        if (unhashed.has(filePath)) reply.header('cache-control', 'no-cache');
        else if (filePath.startsWith(hashedDir))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  } else {
    app.log.warn({ distDir }, 'web app not built: run `npm run build` to serve the UI');
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = API_PREFIXES.some((p) => request.url.startsWith(p));
    // HEAD too: uptime checks and link previewers probe `/` with HEAD (Node sends no body for it).
    if (hasWebApp && (request.method === 'GET' || request.method === 'HEAD') && !isApi) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: errorCatalogue.NOT_FOUND.message },
      requestId: request.id,
    });
  });
}
