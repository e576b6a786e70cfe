import { expect } from 'vitest';
import type { TenancyCase, TenancyContext } from './cases.js';

/**
 * Progress: a student's own weak areas, recommendations and trends (403 for staff of any institute), and
 * a student's weak areas and trends for the staff of their institute: another institute's admin and teacher
 * get 404 for A's student, exactly as for an id that does not exist, and see none of A's data.
 */
export function progressTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  const studentOfA = async () =>
    (await context.adminA.get('/api/users?role=student')).json<{ items: { id: string }[] }>().items[0]!.id;
  const ownOnly =
    (path: string): TenancyCase =>
    async (client) => {
      const res = await client.get(path);
      expect(res.statusCode).toBe(403);
    };
  const ofStudentOfA =
    (what: string): TenancyCase =>
    async (client) => {
      const id = await studentOfA();
      const res = await client.get(`/api/students/${id}/progress/${what}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(id);
      // A's own admin reads it: the 404 above is about the institute, not the route.
      expect((await context.adminA.get(`/api/students/${id}/progress/${what}`)).statusCode).toBe(200);
    };
  return {
    'GET /api/me/progress/weak-areas': ownOnly('/api/me/progress/weak-areas'),
    'GET /api/me/progress/recommendations': ownOnly('/api/me/progress/recommendations'),
    'GET /api/me/progress/trends': ownOnly('/api/me/progress/trends'),
    'GET /api/students/:userId/progress/weak-areas': ofStudentOfA('weak-areas'),
    'GET /api/students/:userId/progress/trends': ofStudentOfA('trends'),
  };
}
