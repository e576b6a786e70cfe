// The CI check that no interface string is missing in either language, and that every key the
// code asks for exists. Runs on the catalogues themselves and a scan of web/src.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { hi } from '../src/i18n/hi';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

const english = leaves(en);
const hindi = leaves(hi);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
/** i18next's plural forms: `key_one` / `key_other` are asked for as `key`. */
const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const knownKeys = new Set([...english.keys()].flatMap((key) => [key, pluralBase(key)]));

const SRC = path.resolve(import.meta.dirname, '../src');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
const sources = sourceFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('interface catalogues', () => {
  it('have the same keys in English and Hindi', () => {
    const missingInHindi = [...english.keys()].filter((key) => !hindi.has(key));
    const extraInHindi = [...hindi.keys()].filter((key) => !english.has(key));
    expect(missingInHindi).toEqual([]);
    expect(extraInHindi).toEqual([]);
    expect(english.size).toBeGreaterThan(200);
  });

  it('leave no string empty, and keep the same {{placeholders}} in both languages', () => {
    for (const [key, text] of english) {
      const other = hindi.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('are actually Hindi in the Hindi catalogue (Devanagari, not English left in place)', () => {
    const untranslated = [...hindi]
      .filter(
        ([key, text]) => /[A-Za-z]{3}/.test(text.replace(/\{\{\w+\}\}/g, '')) && text === english.get(key),
      )
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
    const devanagari = [...hindi.values()].filter((text) => /[\u0900-\u097F]/.test(text));
    // Only marks-only strings (e.g. "+{{correct}} / −{{wrong}}", "—") may lack Devanagari.
    expect(devanagari.length).toBeGreaterThan(hindi.size - 5);
  });

  it('hold every key the code asks for with a literal t(...)', () => {
    const used = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)].map((m) => ({ file, key: m[1] ?? '' })),
    );
    expect(used.length).toBeGreaterThan(150);
    const missing = used.filter(({ key }) => !knownKeys.has(key));
    expect(missing).toEqual([]);
  });

  it('hold a group for every key the code builds with a template, t(`group.${…}`)', () => {
    const groups = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\(\s*`([A-Za-z0-9_.]+)\.\$\{/g)].map((m) => ({ file, group: m[1] ?? '' })),
    );
    expect(groups.length).toBeGreaterThan(5);
    const missing = groups.filter(
      ({ group }) => ![...english.keys()].some((key) => key.startsWith(`${group}.`)),
    );
    expect(missing).toEqual([]);
  });

  it('name every palette state and every role in both languages', async () => {
    const { PALETTE_STATES } = await import('@examtech/core');
    for (const state of PALETTE_STATES) {
      expect(english.get(`examRoom.states.${state}`), state).toBeTruthy();
      expect(hindi.get(`examRoom.states.${state}`), state).toMatch(/[\u0900-\u097F]/);
    }
    for (const role of ['platform_operator', 'institute_admin', 'teacher', 'proctor', 'student'])
      expect(hindi.get(`roles.${role}`), role).toMatch(/[\u0900-\u097F]/);
  });
});
