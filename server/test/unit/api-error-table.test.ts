import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/platform/errors/catalogue.js';

const apiDoc = readFileSync(new URL('../../../docs/API.md', import.meta.url), 'utf8');

/** The rows of the table in docs/API.md's "## Errors" section: `| \`CODE\` | status | message |`. */
function documentedErrors(): Map<string, { status: number; message: string }> {
  const section = apiDoc.split(/^## Errors$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<string, { status: number; message: string }>();
  for (const match of section.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*(\d{3})\s*\|\s*(.*?)\s*\|$/gm)) {
    const [, code = '', status = '', message = ''] = match;
    expect(rows.has(code), `${code} is listed twice`).toBe(false);
    rows.set(code, { status: Number(status), message });
  }
  return rows;
}

describe("docs/API.md's error table is the catalogue", () => {
  const documented = documentedErrors();
  const catalogued = Object.entries(errorCatalogue);
  const row = (code: string, status: number, message: string) => `| \`${code}\` | ${status} | ${message} |`;

  it('lists every catalogue code, with its status and message', () => {
    const wrong = catalogued
      .filter(([code, entry]) => {
        const doc = documented.get(code);
        return doc?.status !== entry.status || doc.message !== entry.message;
      })
      .map(([code, entry]) => row(code, entry.status, entry.message));
    expect(wrong, 'add or correct these rows in the "## Errors" table of docs/API.md').toEqual([]);
  });

  it('lists no code the catalogue does not have', () => {
    const unknown = [...documented.keys()].filter((code) => !Object.hasOwn(errorCatalogue, code));
    expect(unknown, 'remove these rows from docs/API.md or add the codes to the catalogue').toEqual([]);
  });

  it('reads the table at all', () => {
    expect(documented.size).toBeGreaterThanOrEqual(catalogued.length);
  });
});
