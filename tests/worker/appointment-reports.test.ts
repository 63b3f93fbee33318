import { describe, expect, it } from 'vitest';
import { booking, DAY, HOUR, openClinic } from './support/schedule.js';

const PATH = '/api/schedule/appointments';
/** Monday 1 March 2021, 10:00 in Shanghai (UTC+8): sessions that have taken place. */
const MONDAY_10 = Date.UTC(2021, 2, 1, 2, 0);

describe('appointments in the reports', () => {
  it('counts what the schedule recorded: completed sessions, hours and fees, no-show and cancellation rates', async () => {
    const clinic = await openClinic();
    const desk = clinic.desk.browser;
    const counselor = clinic.counselor.browser;
    const book = async (startAt: number) => {
      const res = await desk.post(PATH, booking(clinic, startAt));
      expect(res.status).toBe(201);
      return res.body.appointments[0].id as string;
    };
    const completed = await book(MONDAY_10);
    const noShow = await book(MONDAY_10 + DAY);
    const cancelled = await book(MONDAY_10 + 2 * DAY);
    // Left confirmed: it counts among the appointments of the period, not among the sessions.
    await book(MONDAY_10 + 3 * DAY);
    const status = (id: string, body: object) => counselor.post(`${PATH}/${id}/status`, body);
    expect((await status(completed, { status: 'completed' })).status).toBe(200);
    expect((await status(noShow, { status: 'no_show' })).status).toBe(200);
    expect((await status(cancelled, { status: 'cancelled', cancelReason: 'illness' })).status).toBe(200);

    const metric = async (name: string) => {
      const params = new URLSearchParams({
        metric: name,
        from: String(MONDAY_10 - HOUR),
        to: String(MONDAY_10 + 7 * DAY),
      });
      const res = await clinic.director.browser.get(`/api/reports/metrics?${params}`);
      expect(res.status).toBe(200);
      return res.body.rows[0]?.value as number;
    };
    expect(await metric('sessions')).toBe(1);
    expect(await metric('hours')).toBeCloseTo(50 / 60);
    expect(await metric('billed_fees')).toBe(30000);
    expect(await metric('no_show_rate')).toBeCloseTo(1 / 2);
    // Cancelled among every appointment of the period, the one still booked included.
    expect(await metric('cancellation_rate')).toBeCloseTo(1 / 4);
  });
});
