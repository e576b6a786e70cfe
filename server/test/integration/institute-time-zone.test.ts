/**
 * The institute's time zone (issue 15): every institute starts on Asia/Kolkata, its admin may pick
 * another IANA zone, staff read it where the web app reads the institute's settings, and a name
 * that is not a zone is refused with its own code and changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createInstituteFixture, type InstituteFixture } from '../support/institute-fixture.js';
import { useTestApp } from '../support/test-app.js';

type Settings = { leaderboardNames: string; timeZone: string };

const ctx = useTestApp();
let school: InstituteFixture;
let other: InstituteFixture;

const settingsOf = async (fixture: InstituteFixture, as: 'admin' | 'teacher' = 'admin') => {
  const res = await fixture[as].get('/api/institute');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ institute: { settings: Settings } }>().institute.settings;
};

beforeAll(async () => {
  school = await createInstituteFixture(ctx.app, { students: 0 });
  other = await createInstituteFixture(ctx.app, { students: 0 });
});

describe('the institute time zone', () => {
  it('is Asia/Kolkata for a new institute, for its admin and its teachers alike', async () => {
    expect(await settingsOf(school)).toEqual({ leaderboardNames: 'full', timeZone: 'Asia/Kolkata' });
    expect((await settingsOf(school, 'teacher')).timeZone).toBe('Asia/Kolkata');
  });

  it('the admin sets another zone; staff read it, another institute keeps its own', async () => {
    const res = await school.admin.patch('/api/institute/settings', { timeZone: 'Asia/Dubai' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      institute: { settings: { timeZone: 'Asia/Dubai', leaderboardNames: 'full' } },
    });
    expect(await settingsOf(school, 'teacher')).toEqual({ leaderboardNames: 'full', timeZone: 'Asia/Dubai' });
    expect((await settingsOf(other)).timeZone).toBe('Asia/Kolkata');

    // Either setting alone leaves the other as it was.
    expect(
      (await school.admin.patch('/api/institute/settings', { leaderboardNames: 'initials' })).statusCode,
    ).toBe(200);
    expect(await settingsOf(school)).toEqual({ leaderboardNames: 'initials', timeZone: 'Asia/Dubai' });
    expect(
      (await school.admin.patch('/api/institute/settings', { timeZone: 'Etc/UTC' })).json(),
    ).toMatchObject({ institute: { settings: { leaderboardNames: 'initials', timeZone: 'Etc/UTC' } } });
    expect((await school.admin.patch('/api/institute/settings', { timeZone: 'Asia/Dubai' })).statusCode).toBe(
      200,
    );
  });

  it('refuses a name that is not an IANA zone with INSTITUTE_TIME_ZONE_INVALID, and changes nothing', async () => {
    for (const timeZone of ['Mars/Olympus_Mons', '+05:30', 'IST India', 'asia/kolkata', 'Asia/Kolkata/']) {
      const res = await school.admin.patch('/api/institute/settings', {
        leaderboardNames: 'hidden',
        timeZone,
      });
      expect(res.statusCode, timeZone).toBe(400);
      expect(res.json(), timeZone).toMatchObject({
        error: { code: 'INSTITUTE_TIME_ZONE_INVALID', fields: [{ path: 'timeZone' }] },
      });
    }
    // Neither the zone nor the leaderboard setting sent with it changed.
    expect(await settingsOf(school)).toEqual({ leaderboardNames: 'initials', timeZone: 'Asia/Dubai' });

    const empty = await school.admin.patch('/api/institute/settings', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const tooLong = await school.admin.patch('/api/institute/settings', {
      timeZone: `Asia/${'x'.repeat(80)}`,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(await settingsOf(school)).toEqual({ leaderboardNames: 'initials', timeZone: 'Asia/Dubai' });
  });

  it('only the admin sets it', async () => {
    const res = await school.teacher.patch('/api/institute/settings', { timeZone: 'Europe/London' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await settingsOf(school)).timeZone).toBe('Asia/Dubai');
  });
});
