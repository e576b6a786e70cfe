import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs as a separate process; in production the server serves dist/ itself.
const apiTarget = process.env.VITE_API_TARGET ?? 'http://localhost:3000';

const serviceWorkerSource = path.resolve(import.meta.dirname, 'src/service-worker/service-worker.ts');

/** Built files the app needs offline: not source maps, and of KaTeX's fonts only the woff2 every browser takes. */
const isPrecached = (fileName: string) => !/\.(map|woff|ttf)$/.test(fileName) && fileName !== 'sw.js';

/**
 * Emits /sw.js: the hand-written worker with its types stripped (a classic script: it imports types
 * only) and this build's app shell, index.html plus every hashed asset, as its precache list.
 */
function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'examtech-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async generateBundle(_options, bundle) {
      const published = publicDir ? await readdir(publicDir, { recursive: true, withFileTypes: true }) : [];
      const files = [
        ...Object.keys(bundle),
        ...published
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(publicDir, path.join(entry.parentPath, entry.name))),
      ];
      const urls = [...new Set(files.filter(isPrecached))].map((file) => `/${file}`).sort();
      if (!urls.includes('/index.html')) throw new Error('service worker: index.html is not in the build');
      const indexHtml = bundle['index.html'];
      const version = createHash('sha256')
        .update(JSON.stringify(urls))
        .update(indexHtml?.type === 'asset' ? indexHtml.source : '')
        .digest('hex')
        .slice(0, 16);
      const { code } = await transformWithOxc(
        await readFile(serviceWorkerSource, 'utf8'),
        serviceWorkerSource,
        { lang: 'ts' },
      );
      // Type-only imports leave a bare `export {};`; anything more would make it a module worker.
      const script = code.replace(/^export \{\};\s*$/m, '');
      if (/^\s*(import|export)\b/m.test(script))
        throw new Error('service worker: imports or exports a value');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const __PRECACHE_MANIFEST__ = ${JSON.stringify({ version, urls })};\n${script}`,
      });
    },
  };
}

/**
 * Preloads the shipped Devanagari font (both weights) from index.html: Hindi text would otherwise
 * wait for the stylesheet, then the first Devanagari glyph, before the font is even requested.
 */
function preloadDevanagariFont(): Plugin {
  return {
    name: 'examtech-preload-devanagari-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const fonts = Object.keys(context.bundle ?? {}).filter((file) =>
          /noto-sans-devanagari-devanagari-(400|600)-normal-[^/]*\.woff2$/.test(file),
        );
        if (fonts.length !== 2)
          throw new Error(`devanagari font: expected 2 files in the build, found ${fonts.length}`);
        return fonts.sort().map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `/${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker(), preloadDevanagariFont()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Fonts stay files: the server's CSP allows fonts from this origin only, not data: URLs.
    assetsInlineLimit: (filePath) => (/\.(woff2?|ttf)$/.test(filePath) ? false : undefined),
  },
  server: {
    port: 5173,
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
      '/ready': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
