import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs as a separate process; in production the server serves dist/ itself.
const apiTarget = process.env.VITE_API_TARGET ?? 'http://localhost:3000';

const serviceWorkerSource = path.resolve(import.meta.dirname, 'src/service-worker/service-worker.ts');

/**
 * Built files the app needs offline: not source maps, of KaTeX's fonts only the woff2 every browser
 * takes, and not the face check (its worker and models, ~3 MB): only proctored exams use it, so it
 * is fetched by the system check and kept by the service worker then, not on everyone's first visit.
 */
const isPrecached = (fileName: string) =>
  !/\.(map|woff|ttf)$/.test(fileName) &&
  fileName !== 'sw.js' &&
  !/^assets\/face-(check|worker)-/.test(fileName);

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

const require = createRequire(import.meta.url);
// Neither package exports its package.json; both main entries sit in the package's dist/.
const humanDir = path.dirname(path.dirname(require.resolve('@vladmandic/human')));
const tfjsWasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));

/**
 * The face check's model and runtime files, straight from the installed packages: the face detector
 * (BlazeFace) and the face mesh that gives the head's rotation, and TensorFlow.js's WebAssembly
 * backend with and without SIMD (the threaded build needs cross-origin isolation, which the app
 * does not have). Nothing else of Human's 28 MB of models.
 */
const FACE_CHECK_FILES = [
  ...['blazeface.json', 'blazeface.bin', 'facemesh.json', 'facemesh.bin'].map((name) => ({
    name,
    from: path.join(humanDir, 'models', name),
  })),
  ...['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'].map((name) => ({
    name,
    from: path.join(tfjsWasmDir, name),
  })),
];
const FACE_CHECK_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/**
 * Ships the face check's files inside the web build, in /assets/face-check-<hash>/ (the hash of
 * their contents, so the long cache of /assets/ is safe across upgrades), and tells the worker
 * where they are (import.meta.env.FACE_CHECK_ASSETS). Whatever serves the app, the Node server or nginx in
 * front of it, serves them too; nothing is downloaded at build or run time. The models keep their
 * own names: each .json names its .bin beside it.
 */
function faceCheckAssets(): Plugin {
  let files: { name: string; source: Buffer }[] = [];
  let base = '';
  return {
    name: 'examtech-face-check-assets',
    async config() {
      files = await Promise.all(
        FACE_CHECK_FILES.map(async ({ name, from }) => ({ name, source: await readFile(from) })),
      );
      const hash = createHash('sha256');
      for (const file of files) hash.update(file.name).update(file.source);
      base = `/assets/face-check-${hash.digest('hex').slice(0, 10)}/`;
      // On import.meta.env, which Vite gives worker modules too (a bare define is not in a dev worker).
      return { define: { 'import.meta.env.FACE_CHECK_ASSETS': JSON.stringify(base) } };
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = request.url?.startsWith(base)
          ? files.find((f) => f.name === request.url?.slice(base.length))
          : undefined;
        if (!file) return next();
        response.setHeader(
          'content-type',
          FACE_CHECK_TYPES[path.extname(file.name)] ?? 'application/octet-stream',
        );
        response.end(file.source);
      });
    },
    generateBundle() {
      for (const file of files)
        this.emitFile({ type: 'asset', fileName: `${base.slice(1)}${file.name}`, source: file.source });
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker(), preloadDevanagariFont(), faceCheckAssets()],
  // A module worker: Human's bundle is an ES module.
  worker: { format: 'es' },
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
