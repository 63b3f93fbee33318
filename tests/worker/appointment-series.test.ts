import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { booking, DAY, HOUR, MINUTE, openClinic } from './support/schedule.js';

const PATH = '/api/schedule/appointments';
/** Monday 1 March 2027, 10:00 in Shanghai (UTC+8). */
const MONDAY_10 = Date.UTC(2027, 2, 1, 2, 0);
const WEEK = 7 * DAY;

type Appointment = { id: string; startAt: number; status: string; roomId: string | null };

async function weeklySeries(weeks = 4) {
  const clinic = await openClinic();
  const res = await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10, { weeks }));
  expect(res.status).toBe(201);
  return { clinic, series: res.body.appointments as Appointment[] };
}

async function calendar(browser: Browser, from: number, to: number) {
  const res = await browser.get(`${PATH}?from=${from}&to=${to}`);
  return res.body.appointments as Appointment[];
}

describe('moving a weekly series', () => {
  it('moves this and the following sessions by the same local time, leaving earlier ones', async () => {
    const { clinic, series } = await weeklySeries();
    const [, second] = series as [Appointment, Appointment];
    const res = await clinic.desk.browser.post(`${PATH}/${second.id}/series/move`, {
      scope: 'following',
      startAt: second.startAt + DAY + 4 * HOUR,
    });
    expect(res.status).toBe(200);
    expect(res.body.appointments).toHaveLength(3);
    const after = await calendar(clinic.desk.browser, MONDAY_10 - HOUR, MONDAY_10 + 5 * WEEK);
    expect(after.map((a) => a.startAt)).toEqual([
      MONDAY_10,
      MONDAY_10 + WEEK + DAY + 4 * HOUR,
      MONDAY_10 + 2 * WEEK + DAY + 4 * HOUR,
      MONDAY_10 + 3 * WEEK + DAY + 4 * HOUR,
    ]);
  });

  it('moves the whole series a week later, onto times its own sessions leave', async () => {
    const { clinic, series } = await weeklySeries();
    const third = series[2] as Appointment;
    const res = await clinic.desk.browser.post(`${PATH}/${third.id}/series/move`, {
      scope: 'all',
      startAt: third.startAt + WEEK,
      roomId: clinic.otherRoomId,
    });
    expect(res.status).toBe(200);
    const after = await calendar(clinic.desk.browser, MONDAY_10 - HOUR, MONDAY_10 + 4 * WEEK + HOUR);
    expect(after.map((a) => a.startAt)).toEqual([1, 2, 3, 4].map((week) => MONDAY_10 + week * WEEK));
    expect(new Set(after.map((a) => a.roomId))).toEqual(new Set([clinic.otherRoomId]));
  });

  it('keeps the wall-clock time across a DST change', async () => {
    const clinic = await openClinic('America/New_York');
    // Monday 1 March 2027, 10:00 in New York (EST, UTC-5); DST starts on 14 March.
    const start = Date.UTC(2027, 2, 1, 15, 0);
    const made = (await clinic.desk.browser.post(PATH, booking(clinic, start, { weeks: 3 }))).body
      .appointments as Appointment[];
    const res = await clinic.desk.browser.post(`${PATH}/${made[0]?.id}/series/move`, {
      scope: 'all',
      startAt: start + HOUR,
    });
    expect(res.status).toBe(200);
    // 11:00 EST, then 11:00 EDT (UTC-4) twice.
    expect((res.body.appointments as Appointment[]).map((a) => a.startAt)).toEqual([
      Date.UTC(2027, 2, 1, 16, 0),
      Date.UTC(2027, 2, 8, 16, 0),
      Date.UTC(2027, 2, 15, 15, 0),
    ]);
  });

  it('refuses the whole move when one session would clash, changing nothing', async () => {
    const { clinic, series } = await weeklySeries();
    // Someone else holds the counselor at 11:00 in the third week.
    const blocker = await clinic.desk.browser.post(
      PATH,
      booking(clinic, MONDAY_10 + 2 * WEEK + HOUR, {
        clientId: clinic.otherClientId,
        roomId: clinic.otherRoomId,
      }),
    );
    expect(blocker.status).toBe(201);
    const before = await snapshotCounts();
    const res = await clinic.desk.browser.post(`${PATH}/${series[0]?.id}/series/move`, {
      scope: 'all',
      startAt: MONDAY_10 + HOUR,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('counselor_busy');
    expect(await snapshotCounts()).toEqual(before);
    const after = await calendar(clinic.desk.browser, MONDAY_10 - HOUR, MONDAY_10 + 5 * WEEK);
    expect(after.filter((a) => a.id !== blocker.body.appointments[0].id).map((a) => a.startAt)).toEqual(
      [0, 1, 2, 3].map((week) => MONDAY_10 + week * WEEK),
    );
  });
});

describe('cancelling a weekly series', () => {
  it('cancels this and the following booked sessions with one reason', async () => {
    const { clinic, series } = await weeklySeries();
    const res = await clinic.desk.browser.post(`${PATH}/${series[1]?.id}/series/cancel`, {
      scope: 'following',
      cancelReason: 'client_request',
    });
    expect(res.status).toBe(200);
    const after = await calendar(clinic.desk.browser, MONDAY_10 - HOUR, MONDAY_10 + 5 * WEEK);
    expect(after.map((a) => a.status)).toEqual(['confirmed', 'cancelled', 'cancelled', 'cancelled']);
    // The freed times are bookable again.
    const again = await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10 + 2 * WEEK));
    expect(again.status).toBe(201);
  });

  it('cancels the whole series, and a session already cancelled stays as it was', async () => {
    const { clinic, series } = await weeklySeries(3);
    await clinic.desk.browser.post(`${PATH}/${series[2]?.id}/status`, {
      status: 'cancelled',
      cancelReason: 'illness',
    });
    const res = await clinic.counselor.browser.post(`${PATH}/${series[0]?.id}/series/cancel`, {
      scope: 'all',
      cancelReason: 'counselor_unavailable',
    });
    expect(res.status).toBe(200);
    expect(res.body.appointments).toHaveLength(2);
    const calendarView = await clinic.desk.browser.get(
      `${PATH}?from=${MONDAY_10 - HOUR}&to=${MONDAY_10 + 3 * WEEK}`,
    );
    expect(calendarView.body.appointments.map((a: { cancelReason: string }) => a.cancelReason)).toEqual([
      'counselor_unavailable',
      'counselor_unavailable',
      'illness',
    ]);
  });
});

describe('series operations refuse', () => {
  it('the unauthenticated, another counselor, a single appointment and malformed input, writing nothing', async () => {
    const { clinic, series } = await weeklySeries(2);
    const single = (await clinic.desk.browser.post(PATH, booking(clinic, MONDAY_10 + 3 * HOUR))).body
      .appointments[0];
    const before = await snapshotCounts();
    const move = (id: string) => `${PATH}/${id}/series/move`;
    const cancel = (id: string) => `${PATH}/${id}/series/cancel`;
    const anchor = series[0]?.id as string;
    const moveBody = { scope: 'all', startAt: MONDAY_10 + HOUR };
    expect((await new Browser().post(move(anchor), moveBody)).status).toBe(401);
    expect((await clinic.other.browser.post(move(anchor), moveBody)).status).toBe(403);
    expect(
      (await clinic.other.browser.post(cancel(anchor), { scope: 'all', cancelReason: 'other' })).status,
    ).toBe(403);
    const notSeries = await clinic.desk.browser.post(move(single.id), moveBody);
    expect(notSeries.status).toBe(409);
    expect(notSeries.body.error.code).toBe('not_a_series');
    for (const bad of [
      { scope: 'some', startAt: MONDAY_10 },
      { scope: 'all', startAt: MONDAY_10 + MINUTE },
      { scope: 'all' },
    ]) {
      const res = await clinic.desk.browser.post(move(anchor), bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect((await clinic.desk.browser.post(cancel(anchor), { scope: 'all' })).status).toBe(400);
    expect((await clinic.desk.browser.post(move('not-a-uuid'), moveBody)).status).toBe(400);
    expect((await clinic.desk.browser.post(move(crypto.randomUUID()), moveBody)).status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });
});
