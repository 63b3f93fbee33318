import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { booking, HOUR, MINUTE, openClinic } from './support/schedule.js';

const PATH = '/api/schedule/appointments';
/** Monday 1 March 2027, 10:00 in Shanghai (UTC+8). */
const MONDAY_10 = Date.UTC(2027, 2, 1, 2, 0);
/** Monday 1 March 2021, 10:00 in Shanghai: a session that has happened. */
const LAST_MONDAY_10 = Date.UTC(2021, 2, 1, 2, 0);

describe('booking an appointment', () => {
  it('books the service length in the room, copying the fee and type for reports', async () => {
    const clinic = await openClinic();
    const res = await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10));
    expect(res.status).toBe(201);
    const [made] = res.body.appointments;
    expect(made).toMatchObject({
      clientId: clinic.clientId,
      counselorId: clinic.counselor.account.id,
      roomId: clinic.roomId,
      startAt: MONDAY_10,
      endAt: MONDAY_10 + 50 * MINUTE,
      status: 'confirmed',
      feeCents: 30000,
      serviceType: 'individual',
      seriesId: null,
    });
    const calendar = await clinic.counselor.browser.get(
      `${PATH}?from=${MONDAY_10 - HOUR}&to=${MONDAY_10 + HOUR}`,
    );
    expect(calendar.body.appointments.map((a: { id: string }) => a.id)).toEqual([made.id]);
  });

  it('refuses the unauthenticated, a counselor booking for a colleague, and malformed requests, writing nothing', async () => {
    const clinic = await openClinic();
    const before = await snapshotCounts();
    expect((await new Browser().post(PATH, booking(clinic, MONDAY_10))).status).toBe(401);
    const colleague = await clinic.other.browser.post(PATH, booking(clinic, MONDAY_10));
    expect(colleague.status).toBe(403);
    for (const bad of [
      booking(clinic, MONDAY_10 + 1000),
      booking(clinic, MONDAY_10, { clientId: 'not-a-uuid' }),
      booking(clinic, MONDAY_10, { weeks: 53 }),
      booking(clinic, MONDAY_10, { status: 'completed' }),
      { startAt: MONDAY_10 },
    ]) {
      const res = await clinic.desk.browser.post(PATH, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const unknownClient = await clinic.desk.browser.post(
      PATH,
      booking(clinic, MONDAY_10, { clientId: crypto.randomUUID() }),
    );
    expect(unknownClient.status).toBe(404);
    const notCounselor = await clinic.desk.browser.post(
      PATH,
      booking(clinic, MONDAY_10, { counselorId: clinic.desk.account.id }),
    );
    expect(notCounselor.body.error.code).toBe('user_not_found');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('lets a counselor book on their own calendar', async () => {
    const clinic = await openClinic();
    const res = await clinic.counselor.browser.post(
      PATH,
      booking(clinic, MONDAY_10, { status: 'requested' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.appointments[0].status).toBe('requested');
  });
});

describe('no double booking', () => {
  it('refuses an overlapping slot for the same counselor, and for the same room', async () => {
    const clinic = await openClinic();
    expect((await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10))).status).toBe(201);
    const before = await snapshotCounts();

    const counselorBusy = await clinic.desk.browser.post(
      PATH,
      booking(clinic, MONDAY_10 + 30 * MINUTE, {
        roomId: clinic.otherRoomId,
        clientId: clinic.otherClientId,
      }),
    );
    expect(counselorBusy.status).toBe(409);
    expect(counselorBusy.body.error.code).toBe('counselor_busy');

    const roomBusy = await clinic.desk.browser.post(
      PATH,
      booking(clinic, MONDAY_10 - 30 * MINUTE, { counselorId: clinic.other.account.id }),
    );
    expect(roomBusy.status).toBe(409);
    expect(roomBusy.body.error.code).toBe('room_busy');
    expect(await snapshotCounts()).toEqual(before);

    // Back to back is not an overlap; another counselor in another room is fine.
    expect((await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10 + 50 * MINUTE))).status).toBe(201);
    const elsewhere = booking(clinic, MONDAY_10, {
      counselorId: clinic.other.account.id,
      roomId: clinic.otherRoomId,
    });
    expect((await clinic.desk.browser.post(PATH, elsewhere)).status).toBe(201);
  });

  it('lets exactly one of many simultaneous requests for one slot win', async () => {
    const clinic = await openClinic();
    const browsers = [
      clinic.desk.browser,
      clinic.counselor.browser,
      clinic.center.adminBrowser,
      clinic.desk.browser,
    ];
    const results = await Promise.all(
      browsers.map((browser, index) =>
        browser.post(PATH, booking(clinic, MONDAY_10 + (index % 2) * 10 * MINUTE)),
      ),
    );
    expect(results.map((res) => res.status).sort()).toEqual([201, 409, 409, 409]);
    for (const lost of results.filter((res) => res.status === 409)) {
      expect(['counselor_busy', 'room_busy']).toContain(lost.body.error.code);
    }
    const stored = await env.DB.prepare(
      "SELECT count(*) AS n FROM appointments WHERE status <> 'cancelled'",
    ).first();
    expect(stored?.n).toBe(1);
    const booked = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE type = 'appointment.booked'",
    ).first();
    expect(booked?.n).toBe(1);
  });

  it('holds the guard inside the database, even when the pre-check is bypassed', async () => {
    const clinic = await openClinic();
    expect((await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10))).status).toBe(201);
    const { isSlotTaken, startAtIfFree } = await import('../../worker/booking-guard.js');
    const { openDb } = await import('../../worker/db/client.js');
    const { appointments } = await import('../../worker/db/schedule-schema.js');
    const db = openDb(env.DB);
    const slot = {
      counselorId: clinic.counselor.account.id,
      roomId: clinic.otherRoomId,
      startAt: MONDAY_10 + 10 * MINUTE,
      endAt: MONDAY_10 + 60 * MINUTE,
      appointmentId: crypto.randomUUID(),
    };
    const insert = db.insert(appointments).values({
      id: slot.appointmentId,
      clientId: clinic.otherClientId,
      caseId: null,
      counselorId: slot.counselorId,
      roomId: slot.roomId,
      serviceId: clinic.serviceId,
      serviceType: 'individual',
      feeCents: 0,
      startAt: startAtIfFree(slot),
      endAt: slot.endAt,
      status: 'confirmed',
      cancelReason: null,
      seriesId: null,
      counselorRemindedAt: null,
      clientRemindedAt: null,
      createdBy: clinic.desk.account.id,
      createdAt: 0,
      updatedAt: 0,
    });
    const refused = await insert.then(
      () => null,
      (error: unknown) => error,
    );
    expect(isSlotTaken(refused)).toBe(true);
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM appointments').first();
    expect(stored?.n).toBe(1);
  });

  it('frees the slot when the appointment is cancelled', async () => {
    const clinic = await openClinic();
    const made = await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10));
    const id = made.body.appointments[0].id;
    const cancelled = await clinic.desk.browser.post(`${PATH}/${id}/status`, {
      status: 'cancelled',
      cancelReason: 'client_request',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'client_request' });
    expect((await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10))).status).toBe(201);
  });
});

describe('working hours', () => {
  it('refuses a booking outside the shifts or in a blocked exception, and accepts extra hours', async () => {
    const nineToFive = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));
    const clinic = await openClinic('Asia/Shanghai', nineToFive);
    const eight = await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10 - 2 * HOUR));
    expect(eight.status).toBe(409);
    expect(eight.body.error.code).toBe('outside_availability');
    const overrunsFive = await clinic.desk.browser.post(
      PATH,
      booking(clinic, MONDAY_10 + 6 * HOUR + 30 * MINUTE),
    );
    expect(overrunsFive.body.error.code).toBe('outside_availability');
    const saturday = await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10 + 5 * 24 * HOUR));
    expect(saturday.body.error.code).toBe('outside_availability');

    const exceptions = `/api/schedule/counselors/${clinic.counselor.account.id}/exceptions`;
    const blocked = await clinic.counselor.browser.post(exceptions, {
      date: '2027-03-01',
      kind: 'blocked',
      startMinute: 600,
      endMinute: 720,
    });
    expect(blocked.status).toBe(201);
    expect((await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10))).body.error.code).toBe(
      'outside_availability',
    );
    expect((await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10 + 2 * HOUR))).status).toBe(201);
    await clinic.counselor.browser.post(exceptions, {
      date: '2027-03-06',
      kind: 'extra',
      startMinute: 600,
      endMinute: 660,
    });
    expect((await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10 + 5 * 24 * HOUR))).status).toBe(
      201,
    );
  });
});

describe('rescheduling and status', () => {
  it('moves an appointment, refusing a move onto a taken slot', async () => {
    const clinic = await openClinic();
    const first = (await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10))).body.appointments[0];
    const second = (
      await clinic.desk.browser.post(
        PATH,
        booking(clinic, MONDAY_10 + 2 * HOUR, { clientId: clinic.otherClientId }),
      )
    ).body.appointments[0];

    const clash = await clinic.desk.browser.patch(`${PATH}/${second.id}`, {
      startAt: MONDAY_10 + 20 * MINUTE,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('counselor_busy');

    // Moving onto its own time (a small shift inside itself) is not a conflict with itself.
    const nudged = await clinic.desk.browser.patch(`${PATH}/${first.id}`, {
      startAt: MONDAY_10 + 10 * MINUTE,
    });
    expect(nudged.status).toBe(200);
    expect(nudged.body).toMatchObject({ startAt: MONDAY_10 + 10 * MINUTE, endAt: MONDAY_10 + 60 * MINUTE });

    const otherRoom = await clinic.desk.browser.patch(`${PATH}/${second.id}`, { roomId: clinic.otherRoomId });
    expect(otherRoom.body.roomId).toBe(clinic.otherRoomId);
    expect((await clinic.other.browser.patch(`${PATH}/${second.id}`, { startAt: MONDAY_10 })).status).toBe(
      403,
    );
    expect((await clinic.desk.browser.patch(`${PATH}/${second.id}`, {})).status).toBe(400);
  });

  it('refuses to mark a session completed or a no-show before it starts, changing nothing', async () => {
    const clinic = await openClinic();
    const made = (await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10))).body.appointments[0];
    const before = await snapshotCounts();
    for (const status of ['completed', 'no_show']) {
      const early = await clinic.counselor.browser.post(`${PATH}/${made.id}/status`, { status });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('not_started');
    }
    expect(await snapshotCounts()).toEqual(before);
    const calendar = await clinic.counselor.browser.get(
      `${PATH}?from=${MONDAY_10 - HOUR}&to=${MONDAY_10 + HOUR}`,
    );
    expect(calendar.body.appointments[0].status).toBe('confirmed');
  });

  it('follows the status rules: the counselor completes, a finished session neither moves nor changes', async () => {
    const clinic = await openClinic();
    const made = (await clinic.desk.browser.post(PATH, booking(clinic, LAST_MONDAY_10))).body.appointments[0];
    const status = (who: Browser, body: object) => who.post(`${PATH}/${made.id}/status`, body);
    expect((await status(clinic.desk.browser, { status: 'cancelled' })).status).toBe(400);
    expect((await status(clinic.desk.browser, { status: 'completed', cancelReason: 'other' })).status).toBe(
      400,
    );
    expect((await status(clinic.other.browser, { status: 'completed' })).status).toBe(403);
    const done = await status(clinic.counselor.browser, { status: 'completed' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    const again = await status(clinic.counselor.browser, { status: 'no_show' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
    expect(
      (await clinic.desk.browser.patch(`${PATH}/${made.id}`, { startAt: LAST_MONDAY_10 + HOUR })).status,
    ).toBe(409);
  });
});

describe('who sees which calendar', () => {
  it('shows the front desk every calendar and a counselor only their own', async () => {
    const clinic = await openClinic();
    await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10));
    await clinic.desk.browser.post(
      PATH,
      booking(clinic, MONDAY_10, { counselorId: clinic.other.account.id, roomId: clinic.otherRoomId }),
    );
    const range = `from=${MONDAY_10 - HOUR}&to=${MONDAY_10 + HOUR}`;
    expect((await clinic.desk.browser.get(`${PATH}?${range}`)).body.appointments).toHaveLength(2);
    const room = await clinic.desk.browser.get(`${PATH}?${range}&roomId=${clinic.otherRoomId}`);
    expect(room.body.appointments.map((a: { counselorId: string }) => a.counselorId)).toEqual([
      clinic.other.account.id,
    ]);
    const own = await clinic.counselor.browser.get(`${PATH}?${range}`);
    expect(own.body.appointments.map((a: { counselorId: string }) => a.counselorId)).toEqual([
      clinic.counselor.account.id,
    ]);
    expect(own.body.available.length).toBeGreaterThan(0);
    const peek = await clinic.counselor.browser.get(
      `${PATH}?${range}&counselorId=${clinic.other.account.id}`,
    );
    expect(peek.status).toBe(403);
    expect((await clinic.counselor.browser.get(`${PATH}?${range}&roomId=${clinic.roomId}`)).status).toBe(403);
    expect((await new Browser().get(`${PATH}?${range}`)).status).toBe(401);
    expect(
      (await clinic.desk.browser.get(`${PATH}?from=${MONDAY_10}&to=${MONDAY_10 + 60 * 24 * HOUR}`)).status,
    ).toBe(400);
  });
});
