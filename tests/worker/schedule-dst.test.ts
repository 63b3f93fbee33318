import { describe, expect, it } from 'vitest';
import { booking, DAY, HOUR, openClinic } from './support/schedule.js';

const PATH = '/api/schedule/appointments';
const WEEK = 7 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();

describe('weekly series in the institution’s time zone', () => {
  it('keeps 10:00 New York time across the spring change: the UTC instant moves an hour earlier', async () => {
    const clinic = await openClinic('America/New_York');
    const monday10Est = Date.UTC(2027, 2, 8, 15, 0);
    const res = await clinic.desk.browser.post(PATH, booking(clinic, monday10Est, { weeks: 3 }));
    expect(res.status).toBe(201);
    const starts = res.body.appointments.map((a: { startAt: number }) => iso(a.startAt));
    expect(starts).toEqual([
      '2027-03-08T15:00:00.000Z',
      '2027-03-15T14:00:00.000Z',
      '2027-03-22T14:00:00.000Z',
    ]);
    const seriesIds = new Set(res.body.appointments.map((a: { seriesId: string }) => a.seriesId));
    expect(seriesIds.size).toBe(1);
    expect([...seriesIds][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps 10:00 New York time across the autumn change: the UTC instant moves an hour later', async () => {
    const clinic = await openClinic('America/New_York');
    const monday10Edt = Date.UTC(2027, 10, 1, 14, 0);
    const res = await clinic.desk.browser.post(PATH, booking(clinic, monday10Edt, { weeks: 2 }));
    const [first, second] = res.body.appointments;
    expect(second.startAt - first.startAt).toBe(WEEK + HOUR);
    expect(second.endAt - second.startAt).toBe(first.endAt - first.startAt);
  });

  it('keeps exact weeks in Shanghai, which has no daylight saving', async () => {
    const clinic = await openClinic('Asia/Shanghai');
    const monday10 = Date.UTC(2027, 2, 8, 2, 0);
    const res = await clinic.desk.browser.post(PATH, booking(clinic, monday10, { weeks: 4 }));
    const starts: number[] = res.body.appointments.map((a: { startAt: number }) => a.startAt);
    expect(starts).toEqual([0, 1, 2, 3].map((week) => monday10 + week * WEEK));
  });

  it('books a whole series or none of it when one week is taken', async () => {
    const clinic = await openClinic('America/New_York');
    const thirdWeek = Date.UTC(2027, 2, 22, 14, 0);
    expect(
      (await clinic.desk.browser.post(PATH, booking(clinic, thirdWeek, { clientId: clinic.otherClientId })))
        .status,
    ).toBe(201);
    const series = await clinic.desk.browser.post(
      PATH,
      booking(clinic, Date.UTC(2027, 2, 8, 15, 0), { weeks: 4 }),
    );
    expect(series.status).toBe(409);
    expect(series.body.error.code).toBe('counselor_busy');
    expect(series.body.error.message).toContain('2027-03-22T14:00:00.000Z');
    const calendar = await clinic.desk.browser.get(
      `${PATH}?from=${Date.UTC(2027, 2, 1)}&to=${Date.UTC(2027, 3, 5)}`,
    );
    expect(calendar.body.appointments).toHaveLength(1);
  });

  it('holds a 09:00–17:00 shift at local time, so 08:00 UTC-5 is refused and 09:00 UTC-4 accepted', async () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));
    const clinic = await openClinic('America/New_York', weekdays);
    // 13:00Z is 08:00 on 8 March (EST) but 09:00 on 15 March (EDT).
    const before = await clinic.desk.browser.post(PATH, booking(clinic, Date.UTC(2027, 2, 8, 13, 0)));
    expect(before.body.error.code).toBe('outside_availability');
    expect((await clinic.desk.browser.post(PATH, booking(clinic, Date.UTC(2027, 2, 15, 13, 0)))).status).toBe(
      201,
    );
    const calendar = await clinic.counselor.browser.get(
      `${PATH}?from=${Date.UTC(2027, 2, 8)}&to=${Date.UTC(2027, 2, 16)}`,
    );
    expect(calendar.body.timeZone).toBe('America/New_York');
    expect(calendar.body.available.map((w: { startAt: number }) => iso(w.startAt))).toEqual([
      '2027-03-08T14:00:00.000Z',
      '2027-03-09T14:00:00.000Z',
      '2027-03-10T14:00:00.000Z',
      '2027-03-11T14:00:00.000Z',
      '2027-03-12T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
    ]);
  });
});
