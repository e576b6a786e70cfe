import { describe, expect, it } from 'vitest';
import { demo, demoStudent, signIn, TestClient, useTestApp } from '../support/test-app.js';

type Me = { user: { id: string; uiLanguage: string } };

const t = useTestApp();

describe('PATCH /api/me/preferences', () => {
  it('remembers the interface language on the user, across sessions, and only for that user', async () => {
    const student = await signIn(t.app, demoStudent(1));
    expect((await student.get('/api/auth/me')).json<Me>().user.uiLanguage).toBe('en');

    const res = await student.patch('/api/me/preferences', { uiLanguage: 'hi' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Me>().user.uiLanguage).toBe('hi');

    // A new sign-in (another device) reads it back; another user keeps their own.
    const again = await signIn(t.app, demoStudent(1));
    expect((await again.get('/api/auth/me')).json<Me>().user.uiLanguage).toBe('hi');
    const teacher = await signIn(t.app, demo.teacher);
    expect((await teacher.get('/api/auth/me')).json<Me>().user.uiLanguage).toBe('en');

    expect((await again.patch('/api/me/preferences', { uiLanguage: 'en' })).json<Me>().user.uiLanguage).toBe(
      'en',
    );
  });

  it('refuses a language it does not offer, and an extra field, and changes nothing', async () => {
    const student = await signIn(t.app, demoStudent(2));
    for (const body of [{ uiLanguage: 'fr' }, { uiLanguage: 'HI' }, {}, { uiLanguage: null }]) {
      const res = await student.patch('/api/me/preferences', body);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await student.get('/api/auth/me')).json<Me>().user.uiLanguage).toBe('en');
  });

  it('needs a session', async () => {
    const res = await new TestClient(t.app).patch('/api/me/preferences', { uiLanguage: 'hi' });
    expect(res.statusCode).toBe(401);
  });
});
