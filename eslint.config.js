// Type-aware lint rules are errors, not warnings: a warning nobody acts on is noise.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layering rules (docs/ARCHITECTURE.md): who may import the database schema, and what a module
// may import from another. Regexes over the import specifier, as written in the source.
const schemaImport = {
  regex: '(^|/)(db/schema|[^/]+-tables)\\.js$',
  message:
    "Only a module's repo (*-repo.ts), the tables files and platform/db import the database schema: ask the owning module's service.",
};
const schemaBarrel = {
  regex: '(^|/)db/schema\\.js$',
  message:
    "A repo imports its own module's tables file (./<m>-tables.js); the barrel is drizzle-kit's and platform/db's.",
};
const otherModulesRepoOrRoutes = {
  regex: '^\\.\\./[^/]+/[^/]+-(repo|routes)\\.js$',
  message: "Another module's repo and routes are its own: ask its service (handed in through app.ts).",
};
const otherModulesTables = {
  regex: '^\\.\\./[^/]+/[^/]+-tables\\.js$',
  message:
    "Another module's tables are its own: ask its service (only tables files reference them, for foreign keys).",
};
/** Everything the pure core must not depend on: Node, databases, HTTP and sockets. */
const impureImport = {
  regex:
    '^(node:|(fs|path|os|crypto|child_process|url|util|stream|events|buffer|http|https|net|worker_threads|perf_hooks)(/|$)|drizzle-orm|pg($|/)|@electric-sql/|fastify|@fastify/|socket\\.io|ioredis)',
  message: 'packages/core is pure (it runs in the browser too): no Node, database or HTTP code.',
};
const restrict = (...patterns) => ['error', { patterns }];
/** The server's "now" is the injected Clock (server/src/platform/clock.ts), so tests can move time. */
const clockMessage =
  "Take the time from the injected Clock (deps.clock.now(), nowDate(clock)), never the system's.";
const maxLines = ['error', { max: 400, skipBlankLines: true, skipComments: true }];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      '.tmp/**',
      'server/drizzle/**',
      '**/*.config.js',
      '**/*.mjs',
      'vitest.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
      // Fastify plugins are async functions by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Layering, rule 1 and 2: the schema belongs to the repos; modules meet through services.
  {
    files: ['server/src/**/*.ts'],
    // The platform's own tables (sessions, jobs) are the session store's and the job queue's.
    ignores: [
      'server/src/modules/**',
      'server/src/platform/db/**',
      'server/src/platform/kv/session-store.ts',
      'server/src/platform/jobs/job-queue.ts',
    ],
    rules: { 'no-restricted-imports': restrict(schemaImport) },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    ignores: ['server/src/modules/*/*-repo.ts', 'server/src/modules/*/*-tables.ts'],
    rules: { 'no-restricted-imports': restrict(schemaImport, otherModulesRepoOrRoutes, otherModulesTables) },
  },
  {
    files: ['server/src/modules/*/*-repo.ts'],
    rules: { 'no-restricted-imports': restrict(schemaBarrel, otherModulesRepoOrRoutes, otherModulesTables) },
  },
  {
    files: ['server/src/modules/*/*-tables.ts'],
    rules: { 'no-restricted-imports': restrict(otherModulesRepoOrRoutes) },
  },
  // Rule 3: the core stays pure (its tsconfig has no Node types either; bench/ is a Node program).
  {
    files: ['packages/core/src/**/*.ts', 'packages/core/test/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(impureImport) },
  },
  // Time: every decision about time on the server reads the injected clock.
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/platform/clock.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: clockMessage },
        { object: 'performance', property: 'now', message: clockMessage },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
        { selector: "CallExpression[callee.name='Date']", message: clockMessage },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    rules: { 'max-lines': maxLines },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // The set's warnings are errors here, like every other rule.
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/incompatible-library': 'error',
      'react-hooks/unsupported-syntax': 'error',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: [
      '**/test/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      'e2e/**',
      '**/bench/**',
      'scripts/**',
      'loadtest/**',
      'server/src/cli/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
