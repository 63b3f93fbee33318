import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { addMember, setUpOrganization } from './support/scenario.js';
import { put } from './support/schedule.js';

describe('schedule settings', () => {
  it('keeps the time zone an administrator chooses, defaulting to Shanghai, and shows it in the session', async () => {
    const center = await setUpOrganization();
    const desk = await addMember(center, ['frontdesk']);
    expect((await desk.browser.get('/api/schedule/time-zone')).body).toEqual({ timeZone: 'Asia/Shanghai' });
    const set = await put(center.adminBrowser, '/api/schedule/time-zone', { timeZone: 'America/New_York' });
    expect(set.status).toBe(200);
    expect((await desk.browser.get('/api/auth/session')).body.org.settings.timeZone).toBe('America/New_York');
    // Other settings survive: only the timeZone key is written.
    expect((await desk.browser.get('/api/auth/session')).body.org.settings.locale).toBe('zh-CN');
  });

  it('refuses a time zone change from the unauthenticated, the front desk, or with an unknown zone', async () => {
    const center = await setUpOrganization();
    const desk = await addMember(center, ['frontdesk']);
    const before = await snapshotCounts();
    expect((await put(new Browser(), '/api/schedule/time-zone', { timeZone: 'UTC' })).status).toBe(401);
    expect((await put(desk.browser, '/api/schedule/time-zone', { timeZone: 'UTC' })).status).toBe(403);
    const unknown = await put(center.adminBrowser, '/api/schedule/time-zone', { timeZone: 'Mars/Base' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('invalid_request');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('lets a director manage rooms and services, which everyone signed in can list', async () => {
    const center = await setUpOrganization();
    const director = await addMember(center, ['director']);
    const counselor = await addMember(center, ['counselor']);
    const room = await director.browser.post('/api/schedule/rooms', { name: 'Sand tray room' });
    expect(room.status).toBe(201);
    expect((await director.browser.post('/api/schedule/rooms', { name: 'Sand tray room' })).status).toBe(409);
    expect((await counselor.browser.post('/api/schedule/rooms', { name: 'Mine' })).status).toBe(403);
    const closed = await director.browser.patch(`/api/schedule/rooms/${room.body.id}`, { active: false });
    expect(closed.body).toMatchObject({ name: 'Sand tray room', active: false });
    expect((await director.browser.patch(`/api/schedule/rooms/${room.body.id}`, {})).status).toBe(400);

    const service = { name: 'Couple 80', serviceType: 'couple', durationMinutes: 80, feeCents: 60000 };
    const made = await director.browser.post('/api/schedule/services', service);
    expect(made.body).toMatchObject({ ...service, active: true });
    for (const bad of [
      { ...service, name: 'x', durationMinutes: 0 },
      { ...service, name: 'y', feeCents: -1 },
      { ...service, name: 'z', serviceType: 'astrology' },
    ]) {
      expect((await director.browser.post('/api/schedule/services', bad)).status).toBe(400);
    }
    const repriced = await director.browser.patch(`/api/schedule/services/${made.body.id}`, {
      feeCents: 65000,
    });
    expect(repriced.body.feeCents).toBe(65000);
    expect((await counselor.browser.get('/api/schedule/services')).body.services).toHaveLength(1);
    expect((await counselor.browser.get('/api/schedule/rooms')).body.rooms).toHaveLength(1);
    expect((await new Browser().get('/api/schedule/rooms')).status).toBe(401);
  });

  it('lets a counselor set their own week but not a colleague’s', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const colleague = await addMember(center, ['counselor']);
    const desk = await addMember(center, ['frontdesk']);
    const shifts = [{ weekday: 2, startMinute: 540, endMinute: 720 }];
    const path = `/api/schedule/counselors/${counselor.account.id}/shifts`;
    expect((await put(counselor.browser, path, { shifts })).status).toBe(200);
    expect((await desk.browser.get(path)).body.shifts).toEqual(shifts);
    expect((await put(colleague.browser, path, { shifts: [] })).status).toBe(403);
    expect((await put(desk.browser, path, { shifts: [] })).status).toBe(403);
    const backwards = await put(counselor.browser, path, {
      shifts: [{ weekday: 2, startMinute: 600, endMinute: 540 }],
    });
    expect(backwards.status).toBe(400);
    expect(
      (await put(counselor.browser, path, { shifts: [{ weekday: 8, startMinute: 0, endMinute: 60 }] }))
        .status,
    ).toBe(400);
    expect((await desk.browser.get(path)).body.shifts).toEqual(shifts);
    const deskShifts = `/api/schedule/counselors/${desk.account.id}/shifts`;
    expect((await put(center.adminBrowser, deskShifts, { shifts })).body.error.code).toBe('user_not_found');

    const exceptions = `/api/schedule/counselors/${counselor.account.id}/exceptions`;
    const made = await counselor.browser.post(exceptions, {
      date: '2027-02-30',
      kind: 'blocked',
      startMinute: 0,
      endMinute: 1440,
    });
    expect(made.status).toBe(400);
    const ok = await counselor.browser.post(exceptions, {
      date: '2027-03-02',
      kind: 'blocked',
      startMinute: 0,
      endMinute: 1440,
    });
    expect(ok.status).toBe(201);
    expect((await colleague.browser.delete(`/api/schedule/exceptions/${ok.body.id}`)).status).toBe(403);
    expect((await counselor.browser.delete(`/api/schedule/exceptions/${ok.body.id}`)).status).toBe(204);
    expect((await desk.browser.get(exceptions)).body.exceptions).toEqual([]);
    const counselors = (await desk.browser.get('/api/schedule/counselors')).body.counselors;
    expect(counselors.map((who: { id: string }) => who.id).sort()).toEqual(
      [counselor.account.id, colleague.account.id].sort(),
    );
  });
});
