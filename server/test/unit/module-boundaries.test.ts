import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The module boundaries of docs/ARCHITECTURE.md, read from the import statements. Lint enforces
 * the first three rules as well; the route-file rule and import cycles between module folders are
 * this test's alone.
 */
const modulesDir = fileURLToPath(new URL('../../src/modules', import.meta.url));
const moduleNames = readdirSync(modulesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Every module: the boundaries hold for all of them.
const checked = moduleNames;

type SourceFile = { module: string; name: string; text: string; imports: string[] };

const files: SourceFile[] = moduleNames.flatMap((module) =>
  readdirSync(join(modulesDir, module))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => {
      const text = readFileSync(join(modulesDir, module, name), 'utf8');
      const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
      return { module, name, text, imports };
    }),
);

/** The module folder an import points into, if it is another module's. */
function otherModule(file: SourceFile, specifier: string): string | null {
  const match = /^\.\.\/([a-z-]+)\//.exec(specifier);
  return match?.[1] && match[1] !== file.module && moduleNames.includes(match[1]) ? match[1] : null;
}

/** Table (its export in platform/db/schema.ts) -> the one module whose repo reads and writes it. */
const tableOwners: Record<string, string> = {
  institutes: 'institutes',
  users: 'users',
  batches: 'batches',
  batchMembers: 'batches',
  syllabusNodes: 'syllabus',
  questions: 'questions',
  questionVersions: 'questions',
  questionUsages: 'questions',
  assets: 'assets',
  questionImports: 'question-transfer',
  exams: 'exams',
  examSnapshots: 'exams',
  examSchedules: 'exams',
  examBatches: 'exams',
  examCandidates: 'exams',
  practiceSettings: 'exams',
  examResultReleases: 'exams',
  examKeyRevisions: 'exams',
  notifications: 'notifications',
  examResults: 'results',
  examResultBatchRanks: 'results',
  examResultRuns: 'results',
  attempts: 'attempts',
  attemptAnswers: 'attempts',
};

// A module's tables file may name another module's tables for its foreign keys: that is the schema's
// shape, not one module reading another's rows.
const isTablesFile = (f: SourceFile) => f.name.endsWith('-tables.ts');

function importedSchemaNames(file: SourceFile): string[] {
  return [
    ...file.text.matchAll(
      /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[^']*(?:platform\/db\/schema|-tables)\.js'/g,
    ),
  ]
    .flatMap((m) => (m[1] ?? '').split(','))
    .map((name) => name.replace(/^\s*type\s+/, '').trim())
    .filter(Boolean);
}

describe('module boundaries', () => {
  it('lets a repo touch only the tables its module owns', () => {
    const offenders = files
      .filter((f) => checked.includes(f.module) && !isTablesFile(f))
      .flatMap((f) =>
        importedSchemaNames(f)
          .filter((name) => name in tableOwners && tableOwners[name] !== f.module)
          .map((name) => `${f.module}/${f.name} -> ${name}`),
      );
    expect(offenders).toEqual([]);
  });

  it('lets only a module’s repo files import the database schema', () => {
    const offenders = files
      .filter((f) => checked.includes(f.module) && !f.name.endsWith('-repo.ts') && !isTablesFile(f))
      .filter((f) => f.imports.some((s) => /platform\/db\/schema/.test(s)))
      .map((f) => `${f.module}/${f.name}`);
    expect(offenders).toEqual([]);
  });

  it('never imports another module’s repo or routes', () => {
    const offenders = files
      .filter((f) => checked.includes(f.module))
      .flatMap((f) =>
        f.imports
          .filter((s) => otherModule(f, s) !== null && /-(repo|routes)\.js$/.test(s))
          .map((s) => `${f.module}/${f.name} -> ${s}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps authorisation and service construction out of route files', () => {
    const offenders = files
      .filter((f) => checked.includes(f.module) && f.name.endsWith('-routes.ts'))
      .filter((f) => /\bauthorize(InInstitute)?\(|\bcan\(|\bcreate\w+Service\(/.test(f.text))
      .map((f) => `${f.module}/${f.name}`);
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between module folders', () => {
    const edges = new Map<string, Set<string>>(moduleNames.map((m) => [m, new Set()]));
    for (const f of files.filter((file) => !isTablesFile(file)))
      for (const s of f.imports) {
        const target = otherModule(f, s);
        if (target) edges.get(f.module)?.add(target);
      }
    const cycles: string[] = [];
    const visit = (path: string[]) => {
      const last = path[path.length - 1] ?? '';
      for (const next of edges.get(last) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' -> '));
        else if (!path.includes(next) && next > (path[0] ?? '')) visit([...path, next]);
      }
    };
    for (const m of moduleNames) visit([m]);
    expect(cycles).toEqual([]);
  });
});
