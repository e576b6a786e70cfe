import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors/app-error.js';
import {
  assertStorableText,
  findUnstorableText,
  isStorableText,
  toStorableText,
} from '../../src/platform/http/text-guard.js';

describe('text PostgreSQL can store', () => {
  it('refuses NUL and unpaired surrogates, and keeps paired ones (emoji) and Hindi', () => {
    expect(isStorableText('नमस्ते 😀 $x^2$')).toBe(true);
    for (const bad of ['\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\uDE00\uD83D'])
      expect(isStorableText(bad)).toBe(false);
    expect(toStorableText('a\u0000b\uD800')).toBe('ab\uFFFD');
  });

  it('names every bad string and key by its dotted path', () => {
    const body = {
      name: 'ok',
      content: { en: { stem: 'a\u0000', options: [{ id: 'a', text: '\uD800' }] } },
      tags: ['fine', 'x\uDFFF'],
      '\u0000key': 'value',
    };
    expect(
      findUnstorableText(body)
        .map((problem) => problem.path)
        .sort(),
    ).toEqual(['(key)', 'content.en.options.0.text', 'content.en.stem', 'tags.1']);
    expect(findUnstorableText('\u0000', 'saves.0.answer')).toEqual([
      { path: 'saves.0.answer', message: expect.stringContaining('NUL') as string },
    ]);
  });

  it('walks deeply nested values without overflowing the stack, and stops after 20 problems', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(findUnstorableText(deep)).toHaveLength(1);
    expect(findUnstorableText(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });

  it('throws VALIDATION_FAILED with the fields, for socket handlers and services', () => {
    expect(() => assertStorableText({ ok: 'yes' })).not.toThrow();
    try {
      assertStorableText({ deviceId: 'dev\u0000ice' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'deviceId' }] } });
    }
  });
});
