import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors/app-error.js';
import { toErrorBody } from '../../src/platform/errors/error-handler.js';

function recordingLog() {
  const entries: unknown[][] = [];
  return { entries, log: { error: (...args: unknown[]) => void entries.push(args) } };
}

describe('toErrorBody: the one mapping of errors for HTTP and Socket.IO', () => {
  it('gives a catalogue error its status, code, message and fields, and logs nothing', () => {
    const { entries, log } = recordingLog();
    const err = new AppError('VALIDATION_FAILED', undefined, {
      fields: [{ path: 'attemptId', message: 'Invalid UUID' }],
    });
    expect(toErrorBody(err, log as never)).toEqual({
      status: 400,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Some fields are missing or invalid.',
        fields: [{ path: 'attemptId', message: 'Invalid UUID' }],
      },
      extra: {},
    });
    expect(entries).toEqual([]);
  });

  it('turns an unexpected error (a PostgreSQL one included) into INTERNAL_ERROR, logged with its context', () => {
    const { entries, log } = recordingLog();
    const pgError = Object.assign(new Error('invalid input syntax for type uuid: "x"'), { code: '22P02' });
    const body = toErrorBody(pgError, log as never, { event: 'attempt:join', attemptId: 'x' });
    expect(body).toEqual({
      status: 500,
      error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. It has been logged.' },
      extra: {},
    });
    expect(JSON.stringify(body)).not.toContain('22P02');
    expect(entries).toEqual([[{ err: pgError, event: 'attempt:join', attemptId: 'x' }, 'unhandled error']]);
  });
});
