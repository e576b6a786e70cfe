import { expect } from 'vitest';
import type { TenancyCase } from './cases.js';

/** Attempts belong to students: staff of any institute get 403, and ids of A's attempts reveal nothing. */
export function attemptTenancyCases(): Record<string, TenancyCase> {
  const someId = '00000000-0000-4000-8000-000000000001';
  const forbidden =
    (method: 'GET' | 'POST', path: string, body?: unknown): TenancyCase =>
    async (client) => {
      const res = await client.request(method, path, body);
      expect(res.statusCode).toBe(403);
    };
  return {
    'GET /api/exams/:id/candidate-info': forbidden('GET', `/api/exams/${someId}/candidate-info`),
    'POST /api/exams/:id/start': forbidden('POST', `/api/exams/${someId}/start`, { deviceId: 'device-0001' }),
    'GET /api/attempts/:id/paper': forbidden('GET', `/api/attempts/${someId}/paper`),
    'GET /api/attempts/:id/state': forbidden('GET', `/api/attempts/${someId}/state`),
    'POST /api/attempts/:id/answers': forbidden('POST', `/api/attempts/${someId}/answers`, {
      deviceId: 'device-0001',
      saves: [{ questionId: someId, answer: null, state: 'not_answered', seq: 1 }],
    }),
    'POST /api/attempts/:id/submit': forbidden('POST', `/api/attempts/${someId}/submit`, {}),
    'GET /api/attempts/:id/result': forbidden('GET', `/api/attempts/${someId}/result`),
  };
}
