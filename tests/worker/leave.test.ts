import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../worker/db/client.js';
import { decideLeave } from '../../worker/leave.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { booking, HOUR, openClinic } from './support/schedule.js';

const PATH = '/api/schedule/leave';
const MONDAY_10 = Date.UTC(2027, 2, 1, 2, 0);
const leaveOnMonday = { startAt: MONDAY_10 - 2 * HOUR, endAt: MONDAY_10 + 8 * HOUR, reason: 'sick' };

describe('leave', () => {
  it('blocks bookings once a director approves, and lists the appointments to move', async () => {
    const clinic = await openClinic();
    const booked = await clinic.desk.browser.post('/api/schedule/appointments', booking(clinic, MONDAY_10));
    const asked = await clinic.counselor.browser.post(PATH, leaveOnMonday);
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('pending');
    // Pending leave does not block yet.
    const pendingSlot = booking(clinic, MONDAY_10 + 2 * HOUR, { clientId: clinic.otherClientId });
    expect((await clinic.desk.browser.post('/api/schedule/appointments', pendingSlot)).status).toBe(201);

    const approved = await clinic.director.browser.post(`${PATH}/${asked.body.id}/decision`, {
      decision: 'approved',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.overlapping).toHaveLength(2);
    expect(approved.body.overlapping).toContain(booked.body.appointments[0].id);

    const blocked = await clinic.desk.browser.post(
      '/api/schedule/appointments',
      booking(clinic, MONDAY_10 + 4 * HOUR, { roomId: clinic.otherRoomId }),
    );
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('on_leave');
    const calendar = await clinic.counselor.browser.get(
      `/api/schedule/appointments?from=${MONDAY_10 - 12 * HOUR}&to=${MONDAY_10 + 12 * HOUR}`,
    );
    expect(calendar.body.leave).toEqual([{ startAt: leaveOnMonday.startAt, endAt: leaveOnMonday.endAt }]);
  });

  it('tells the counselor and the front desk what to move, and lets them move or cancel it', async () => {
    const clinic = await openClinic();
    const [first] = (
      await clinic.desk.browser.post('/api/schedule/appointments', booking(clinic, MONDAY_10, { weeks: 2 }))
    ).body.appointments;
    const elsewhere = await clinic.desk.browser.post(
      '/api/schedule/appointments',
      booking(clinic, MONDAY_10, { counselorId: clinic.other.account.id, roomId: clinic.otherRoomId }),
    );
    expect(elsewhere.status).toBe(201);
    const asked = await clinic.counselor.browser.post(PATH, leaveOnMonday);
    expect(
      (await clinic.director.browser.post(`${PATH}/${asked.body.id}/decision`, { decision: 'approved' })).body
        .overlapping,
    ).toEqual([first.id]);

    for (const person of [clinic.counselor, clinic.desk]) {
      const bell = (await person.browser.get('/api/notifications')).body.notifications;
      expect(
        bell.map((note: { eventType: string; subject: string }) => [note.eventType, note.subject]),
      ).toEqual([['leave.approved', asked.body.id]]);
      expect(bell[0].title).toContain('1');
    }
    expect((await clinic.other.browser.get('/api/notifications')).body.notifications).toEqual([]);
    const ids = (list: { id: string }[]) => list.map((a) => a.id);
    expect(ids((await clinic.desk.browser.get(`${PATH}/conflicts`)).body.appointments)).toEqual([first.id]);
    expect(ids((await clinic.counselor.browser.get(`${PATH}/conflicts`)).body.appointments)).toEqual([
      first.id,
    ]);
    expect((await clinic.other.browser.get(`${PATH}/conflicts`)).body.appointments).toEqual([]);
    expect((await new Browser().get(`${PATH}/conflicts`)).status).toBe(401);

    // Moving it onto the leave is refused; moving it past the leave, or cancelling, clears the list.
    const ontoLeave = await clinic.desk.browser.patch(`/api/schedule/appointments/${first.id}`, {
      startAt: MONDAY_10 + HOUR,
    });
    expect(ontoLeave.body.error.code).toBe('on_leave');
    const moved = await clinic.desk.browser.patch(`/api/schedule/appointments/${first.id}`, {
      startAt: MONDAY_10 + 24 * HOUR,
    });
    expect(moved.status).toBe(200);
    expect((await clinic.desk.browser.get(`${PATH}/conflicts`)).body.appointments).toEqual([]);
  });

  it('lets only a director decide, never on their own leave, and only once', async () => {
    const clinic = await openClinic();
    const asked = await clinic.counselor.browser.post(PATH, leaveOnMonday);
    const decision = `${PATH}/${asked.body.id}/decision`;
    expect((await clinic.desk.browser.post(decision, { decision: 'approved' })).status).toBe(403);
    expect((await clinic.counselor.browser.post(decision, { decision: 'approved' })).status).toBe(403);
    expect((await new Browser().post(decision, { decision: 'approved' })).status).toBe(401);
    expect((await clinic.director.browser.post(decision, { decision: 'maybe' })).status).toBe(400);
    expect((await clinic.director.browser.post(decision, { decision: 'rejected' })).body.status).toBe(
      'rejected',
    );
    const twice = await clinic.director.browser.post(decision, { decision: 'approved' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('request_not_pending');
    const db = openDb(env.DB);
    await expect(
      decideLeave(db, clinic.center.org.id, {
        leaveId: asked.body.id,
        decision: 'approved',
        deciderId: clinic.counselor.account.id,
      }),
    ).rejects.toMatchObject({ code: 'self_approval' });
  });

  it('is decided by the same function a workflow step calls, and racing decisions apply once', async () => {
    const clinic = await openClinic();
    const asked = await clinic.counselor.browser.post(PATH, leaveOnMonday);
    const db = openDb(env.DB);
    const input = { leaveId: asked.body.id, deciderId: clinic.director.account.id };
    const outcomes = await Promise.allSettled([
      decideLeave(db, clinic.center.org.id, { ...input, decision: 'approved' }),
      decideLeave(db, clinic.center.org.id, { ...input, decision: 'rejected' }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const decided = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE type = 'leave.decided'",
    ).first();
    expect(decided?.n).toBe(1);
  });

  it('refuses malformed requests and non-counselors, and lets the asker withdraw', async () => {
    const clinic = await openClinic();
    const before = await snapshotCounts();
    expect((await clinic.desk.browser.post(PATH, leaveOnMonday)).status).toBe(403);
    for (const bad of [
      { ...leaveOnMonday, endAt: leaveOnMonday.startAt },
      { ...leaveOnMonday, reason: 'I need a break because…' },
      { ...leaveOnMonday, endAt: leaveOnMonday.startAt + 91 * 24 * HOUR },
    ]) {
      expect((await clinic.counselor.browser.post(PATH, bad)).status).toBe(400);
    }
    expect(await snapshotCounts()).toEqual(before);
    const asked = await clinic.counselor.browser.post(PATH, leaveOnMonday);
    expect((await clinic.other.browser.post(`${PATH}/${asked.body.id}/cancel`)).status).toBe(403);
    expect((await clinic.counselor.browser.post(`${PATH}/${asked.body.id}/cancel`)).body.status).toBe(
      'cancelled',
    );
    expect((await clinic.other.browser.get(PATH)).body.leave).toEqual([]);
    expect((await clinic.director.browser.get(PATH)).body.leave).toHaveLength(1);
  });
});
