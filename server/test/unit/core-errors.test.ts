import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError, computeSchedule, mapDisplayedQuestion, type AttemptPaper } from '@examtech/core';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorCatalogue, isErrorCode } from '../../src/platform/errors/catalogue.js';
import { registerErrorHandler, toErrorBody } from '../../src/platform/errors/error-handler.js';

const coreSource = new URL('../../../packages/core/src/', import.meta.url).pathname;

/** Every code the core throws, read from its source: a new `new CoreError('X', …)` fails this test until catalogued. */
function thrownCoreCodes(dir = coreSource): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return thrownCoreCodes(path);
    if (!entry.name.endsWith('.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/new CoreError\(\s*'([A-Z0-9_]+)'/g)].map(
      (m) => m[1] ?? '',
    );
  });
}

const silentLog = { error: () => {}, warn: () => {} };

describe('CoreError: a domain rule the core enforces answers 4xx with its code', () => {
  it('has a catalogue entry with a 4xx status for every code the core throws', () => {
    const codes = [...new Set(thrownCoreCodes())];
    expect(codes.length).toBeGreaterThanOrEqual(8);
    for (const code of codes) {
      expect(isErrorCode(code), `${code} is missing from the catalogue`).toBe(true);
      const status = isErrorCode(code) ? errorCatalogue[code].status : 0;
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(500);
    }
  });

  it('maps a CoreError thrown by the core to its catalogue entry, not INTERNAL_ERROR', () => {
    const thrown = (() => {
      try {
        computeSchedule({ durationMs: 60_000, lockedSections: null, sectionIds: ['s1'] }, 0, -1);
      } catch (err) {
        return err;
      }
    })();
    expect(thrown).toBeInstanceOf(CoreError);
    expect(toErrorBody(thrown, silentLog)).toEqual({
      status: 422,
      error: {
        code: 'TIMING_COMPENSATORY_INVALID',
        message: errorCatalogue.TIMING_COMPENSATORY_INVALID.message,
      },
      extra: {},
    });
  });

  it('gives a core code the catalogue does not list CORE_RULE_VIOLATED, with the issues as fields', () => {
    const err = new CoreError('MULTI_NO_CORRECT_OPTION', 'question: no correct option', [
      {
        code: 'MULTI_NO_CORRECT_OPTION',
        path: 'key.optionIds',
        message: 'Choose at least one correct option',
      },
    ]);
    expect(toErrorBody(err, silentLog)).toEqual({
      status: 422,
      error: {
        code: 'CORE_RULE_VIOLATED',
        message: errorCatalogue.CORE_RULE_VIOLATED.message,
        fields: [{ path: 'key.optionIds', message: 'Choose at least one correct option' }],
      },
      extra: {},
    });
  });

  it('answers over HTTP through the one error handler with the 4xx and the code', async () => {
    // No route of the app lets the core throw today (the services validate first), so a route
    // that calls the core with what a client could send stands in for one.
    const app = Fastify({ logger: false });
    registerErrorHandler(app);
    const attempt: AttemptPaper = {
      paperId: 'p',
      seed: 's',
      sections: [{ sectionId: 'A', questionIds: ['q1'] }],
      optionOrder: {},
    };
    app.get<{ Params: { position: string } }>('/question-at/:position', async (request) => ({
      id: mapDisplayedQuestion(attempt, 'A', Number(request.params.position)),
    }));
    try {
      const ok = await app.inject({ method: 'GET', url: '/question-at/0' });
      expect(ok.json()).toEqual({ id: 'q1' });
      const res = await app.inject({ method: 'GET', url: '/question-at/7' });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: {
          code: 'SHUFFLE_POSITION_OUT_OF_RANGE',
          message: errorCatalogue.SHUFFLE_POSITION_OUT_OF_RANGE.message,
        },
      });
      expect(res.body).not.toContain('section A');
    } finally {
      await app.close();
    }
  });
});
