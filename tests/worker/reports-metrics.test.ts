import { describe, expect, it } from 'vitest';
import type { ReportQuery } from '../../core/api/reports.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import {
  insertAppointment,
  insertBookingRequest,
  insertCase,
  insertException,
  insertPayment,
  insertRecord,
  insertService,
  insertSubmission,
  shanghai,
} from './support/report-fixtures.js';
import { addMember } from './support/scenario.js';
import { openClinic } from './support/schedule.js';

const MARCH = { from: shanghai(3, 1, 0), to: shanghai(5, 1, 0) };

function report(
  browser: Browser,
  query: Partial<Record<keyof ReportQuery, string | number>>,
  period: { from: number; to: number } = MARCH,
) {
  const params = new URLSearchParams({ from: String(period.from), to: String(period.to) });
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return browser.get(`/api/reports/metrics?${params}`);
}

const byKey = (rows: { key: string | null; value: number | null }[]) =>
  Object.fromEntries(rows.map((row) => [row.key ?? 'all', row.value]));

/** Monday to Friday, 09:00–17:00: 480 minutes a working day. */
const OFFICE_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));

describe('utilization: booked hours over the hours shifts made available', () => {
  /**
   * Two weeks from Monday 1 March 2027. A works 10 days × 480 = 4800 minutes less a blocked
   * 10:00–12:00 on 3 March: 4680. B works 4800 plus an extra Saturday morning (240): 5040.
   * Booked in week one: A 50 completed + 50 no-show + 60 confirmed = 160 (the cancelled 50 held
   * nothing), B 90; week two: A 60.
   */
  async function clinicWithShifts() {
    const clinic = await openClinic('Asia/Shanghai', OFFICE_HOURS);
    const { counselor: a, other: b } = clinic;
    await insertException(a, '2027-03-03', 'blocked', 600, 720);
    await insertException(b, '2027-03-06', 'extra', 540, 780);
    await insertAppointment(clinic, a, shanghai(3, 1, 10));
    await insertAppointment(clinic, a, shanghai(3, 2, 10), { status: 'no_show' });
    await insertAppointment(clinic, a, shanghai(3, 4, 10), { minutes: 60, status: 'confirmed' });
    await insertAppointment(clinic, a, shanghai(3, 5, 10), { status: 'cancelled' });
    await insertAppointment(clinic, b, shanghai(3, 6, 10), { minutes: 90 });
    await insertAppointment(clinic, a, shanghai(3, 9, 10), { minutes: 60 });
    await insertAppointment(clinic, a, shanghai(3, 15, 10), { minutes: 60 });
    return clinic;
  }
  const TWO_WEEKS = { from: shanghai(3, 1, 0), to: shanghai(3, 15, 0) };

  it('divides booked by available minutes, per counselor, per week and for the center', async () => {
    const clinic = await clinicWithShifts();
    const director = clinic.director.browser;
    const a = clinic.counselor.account.id;
    const b = clinic.other.account.id;
    const total = await report(director, { metric: 'utilization' }, TWO_WEEKS);
    expect(total.body.unit).toBe('ratio');
    expect(total.body.rows[0].value).toBeCloseTo((160 + 60 + 90) / (4680 + 5040));
    const perCounselor = byKey(
      (await report(director, { metric: 'utilization', dimension: 'counselor' }, TWO_WEEKS)).body.rows,
    );
    expect(perCounselor[a]).toBeCloseTo(220 / 4680);
    expect(perCounselor[b]).toBeCloseTo(90 / 5040);
    const weekly = byKey(
      (await report(director, { metric: 'utilization', dimension: 'week' }, TWO_WEEKS)).body.rows,
    );
    expect(Object.keys(weekly)).toEqual(['2027-03-01', '2027-03-08']);
    expect(weekly['2027-03-01']).toBeCloseTo(250 / (2280 + 2640));
    expect(weekly['2027-03-08']).toBeCloseTo(60 / 4800);
  });

  it('shows a counselor only their own utilization', async () => {
    const clinic = await clinicWithShifts();
    const own = await report(clinic.counselor.browser, { metric: 'utilization' }, TWO_WEEKS);
    expect(own.body.scopedTo).toBe(clinic.counselor.account.id);
    expect(own.body.rows[0].value).toBeCloseTo(220 / 4680);
  });
});

describe('revenue and outstanding fees', () => {
  /**
   * A's three completed sessions at 300.00: one paid in full, one paid 100.00, one unpaid; B's
   * couple session at 500.00 paid 500.00 with 200.00 refunded. Revenue 300 + 100 + 300 = 700.00
   * (A 400.00, B 300.00; individual 400.00, couple 300.00); outstanding 0 + 200 + 300 + 200 = 700.00.
   */
  async function billedClinic() {
    const clinic = await openClinic('Asia/Shanghai');
    const finance = await addMember(clinic.center, ['finance']);
    const { counselor: a, other: b } = clinic;
    const couple = await insertService('Couple 90', 'couple', 50000);
    const paid = await insertAppointment(clinic, a, shanghai(3, 2, 10));
    const partly = await insertAppointment(clinic, a, shanghai(3, 9, 10));
    await insertAppointment(clinic, a, shanghai(3, 16, 10));
    await insertAppointment(clinic, a, shanghai(3, 17, 10), { status: 'no_show' });
    const coupleSession = await insertAppointment(clinic, b, shanghai(3, 3, 10), { feeCents: 50000 });
    await insertPayment(a, clinic.serviceId, shanghai(3, 2, 11), 30000, { appointmentId: paid });
    await insertPayment(a, clinic.serviceId, shanghai(3, 9, 11), 10000, { appointmentId: partly });
    await insertPayment(b, couple, shanghai(4, 3, 11), 50000, {
      refunded: 20000,
      appointmentId: coupleSession,
    });
    await insertPayment(a, clinic.serviceId, shanghai(5, 2, 11), 30000);
    return { ...clinic, finance };
  }

  it('counts money received net of refunds, by counselor, service type and month', async () => {
    const clinic = await billedClinic();
    const finance = clinic.finance.browser;
    expect((await report(finance, { metric: 'revenue' })).body.rows[0].value).toBe(70000);
    expect(byKey((await report(finance, { metric: 'revenue', dimension: 'counselor' })).body.rows)).toEqual({
      [clinic.counselor.account.id]: 40000,
      [clinic.other.account.id]: 30000,
    });
    expect(byKey((await report(finance, { metric: 'revenue', dimension: 'month' })).body.rows)).toEqual({
      '2027-03': 40000,
      '2027-04': 30000,
    });
    const byType = await report(finance, { metric: 'revenue', dimension: 'service_type' });
    expect(byType.body.rows).toEqual([
      { key: 'couple', value: null, suppressed: true },
      { key: 'individual', value: null, suppressed: true },
    ]);
  });

  it('counts what completed sessions still owe after their payments', async () => {
    const clinic = await billedClinic();
    const director = clinic.director.browser;
    expect((await report(director, { metric: 'outstanding_fees' })).body.rows[0].value).toBe(70000);
    expect(
      byKey((await report(director, { metric: 'outstanding_fees', dimension: 'counselor' })).body.rows),
    ).toEqual({
      [clinic.counselor.account.id]: 50000,
      [clinic.other.account.id]: 20000,
    });
  });

  it('keeps money from counselors', async () => {
    const clinic = await billedClinic();
    for (const metric of ['revenue', 'outstanding_fees', 'client_lifetime_value'])
      expect((await report(clinic.counselor.browser, { metric })).status).toBe(403);
  });
});

describe('the course of cases: funnel, dropout, retention, sessions and fees per case', () => {
  /**
   * Cases opened in March (A unless said; website unless said), their completed sessions:
   * C1 2, 9, 16, 30 March, closed 10 April · C2 4, 11 March, closed 20 March · C3 6 March, then
   * nothing · C4 20 April · C5 none · C6 (B, referral) 10, 17 March and 14 April.
   * Dropout (≤ 3 sessions, then closed or nothing booked after 1 April): C2, C3 of C1, C2, C3, C4,
   * C6 → 2/5 (A 2/4, B 0/1). Retention (a session ≥ 28 days after the first): C1 and C6 of five
   * cohort cases → 2/5 (March 2/4, April 0/1). Closed in the period: C1 (4 sessions, 1200.00)
   * and C2 (2, 600.00) → 3 sessions and 900.00 per case.
   * Booking requests: website 2 new, 2 screening, 2 scheduled, 1 declined; referral 1 scheduled.
   */
  async function courseClinic() {
    const clinic = await openClinic('Asia/Shanghai');
    const finance = await addMember(clinic.center, ['finance']);
    const { counselor: a, other: b } = clinic;
    const sessions = async (who: typeof a, caseId: string, dates: [number, number][]) => {
      for (const [month, day] of dates)
        await insertAppointment(clinic, who, shanghai(month, day, 10), { caseId });
    };
    const c1 = await insertCase(clinic, a, shanghai(3, 1, 9), { closedAt: shanghai(4, 10, 9) });
    await sessions(a, c1, [
      [3, 2],
      [3, 9],
      [3, 16],
      [3, 30],
    ]);
    const c2 = await insertCase(clinic, a, shanghai(3, 3, 9), { closedAt: shanghai(3, 20, 9) });
    await sessions(a, c2, [
      [3, 4],
      [3, 11],
    ]);
    const c3 = await insertCase(clinic, a, shanghai(3, 5, 9));
    await sessions(a, c3, [[3, 6]]);
    await insertAppointment(clinic, a, shanghai(3, 13, 10), { caseId: c3, status: 'cancelled' });
    const c4 = await insertCase(clinic, a, shanghai(3, 7, 9));
    await sessions(a, c4, [[4, 20]]);
    await insertCase(clinic, a, shanghai(3, 8, 9), { status: 'intake' });
    const c6 = await insertCase(clinic, b, shanghai(3, 9, 9), { channel: 'referral' });
    await sessions(b, c6, [
      [3, 10],
      [3, 17],
      [4, 14],
    ]);
    const statuses = ['new', 'new', 'screening', 'screening', 'scheduled', 'scheduled', 'declined'] as const;
    for (const [index, status] of statuses.entries())
      await insertBookingRequest(clinic, 'website', status, shanghai(3, index + 1, 12));
    await insertBookingRequest(clinic, 'referral', 'scheduled', shanghai(3, 20, 12));
    await insertBookingRequest(clinic, 'website', 'scheduled', shanghai(2, 20, 12));
    return { ...clinic, finance };
  }

  it('follows each channel from booking request to completed case', async () => {
    const clinic = await courseClinic();
    const director = clinic.director.browser;
    const funnel = await report(director, { metric: 'channel_funnel', dimension: 'stage' });
    expect(funnel.body.rows.map((row: { key: string; value: number }) => [row.key, row.value])).toEqual([
      ['requested', 8],
      ['screened', 6],
      ['matched', 3],
      ['first_session', 5],
      ['third_session', 2],
      ['completed', 1],
    ]);
    const website = await report(director, {
      metric: 'channel_funnel',
      dimension: 'stage',
      channel: 'website',
    });
    expect(website.body.rows).toEqual([
      { key: 'requested', value: 7, suppressed: false },
      { key: 'screened', value: 5, suppressed: false },
      { key: 'matched', value: null, suppressed: true },
      { key: 'first_session', value: null, suppressed: true },
      { key: 'third_session', value: null, suppressed: true },
      { key: 'completed', value: null, suppressed: true },
    ]);
    expect(
      (await report(clinic.counselor.browser, { metric: 'channel_funnel', dimension: 'stage' })).status,
    ).toBe(403);
  });

  it('counts dropout among cases that reached a first session', async () => {
    const clinic = await courseClinic();
    const director = clinic.director.browser;
    expect((await report(director, { metric: 'dropout_rate' })).body.rows[0].value).toBeCloseTo(2 / 5);
    expect(
      byKey((await report(director, { metric: 'dropout_rate', dimension: 'counselor' })).body.rows),
    ).toEqual({
      [clinic.counselor.account.id]: 0.5,
      [clinic.other.account.id]: 0,
    });
    const channels = await report(director, { metric: 'dropout_rate', dimension: 'channel' });
    expect(channels.body.rows.every((row: { suppressed: boolean }) => row.suppressed)).toBe(true);
  });

  it('follows cohorts by the month of their first session', async () => {
    const clinic = await courseClinic();
    const director = clinic.director.browser;
    expect((await report(director, { metric: 'retention_rate' })).body.rows[0].value).toBeCloseTo(2 / 5);
    expect(
      byKey((await report(director, { metric: 'retention_rate', dimension: 'month' })).body.rows),
    ).toEqual({
      '2027-03': 0.5,
      '2027-04': 0,
    });
  });

  it('averages sessions and fees over the cases closed in the period', async () => {
    const clinic = await courseClinic();
    const director = clinic.director.browser;
    const perCase = await report(director, { metric: 'sessions_per_case' });
    expect(perCase.body.unit).toBe('average');
    expect(perCase.body.rows[0].value).toBe(3);
    expect(
      byKey((await report(director, { metric: 'sessions_per_case', dimension: 'month' })).body.rows),
    ).toEqual({
      '2027-03': 2,
      '2027-04': 4,
    });
    expect(
      (await report(clinic.finance.browser, { metric: 'client_lifetime_value' })).body.rows[0].value,
    ).toBe(90000);
  });
});

describe('satisfaction and supervision compliance', () => {
  it('averages the survey score, suppressing any figure with fewer than five answers', async () => {
    const clinic = await openClinic('Asia/Shanghai');
    const { counselor: a, other: b } = clinic;
    const caseOf = async (who: typeof a) => insertCase(clinic, who, shanghai(2, 1, 9));
    for (const [index, score] of [5, 4, 2, 4, 3].entries())
      await insertSubmission(
        await caseOf(a),
        a,
        'satisfaction-survey',
        { overall_satisfaction: score },
        shanghai(3, index + 1, 12),
      );
    await insertSubmission(
      await caseOf(b),
      b,
      'satisfaction-survey',
      { overall_satisfaction: 5 },
      shanghai(3, 9, 12),
    );
    await insertSubmission(await caseOf(b), b, 'phq-9', { phq9_total: 12 }, shanghai(3, 9, 12));
    const director = clinic.director.browser;
    const all = await report(director, { metric: 'satisfaction' });
    expect(all.body.unit).toBe('score');
    expect(all.body.rows[0].value).toBeCloseTo(23 / 6);
    expect(
      byKey((await report(director, { metric: 'satisfaction', dimension: 'counselor' })).body.rows),
    ).toEqual({
      [a.account.id]: 18 / 5,
      [b.account.id]: null,
    });
    expect((await report(b.browser, { metric: 'satisfaction' })).body.rows).toEqual([
      { key: null, value: null, suppressed: true },
    ]);
  });

  it('compares supervision reports filed with one due per six sessions', async () => {
    const clinic = await openClinic('Asia/Shanghai');
    const { counselor: a, other: b } = clinic;
    const caseA = await insertCase(clinic, a, shanghai(2, 1, 9));
    const caseB = await insertCase(clinic, b, shanghai(2, 1, 9));
    for (let day = 1; day <= 13; day += 1)
      await insertAppointment(clinic, a, shanghai(3, day, 10), { caseId: caseA });
    for (let day = 1; day <= 5; day += 1)
      await insertAppointment(clinic, b, shanghai(3, day, 10), { caseId: caseB });
    const report1 = await insertRecord(caseA, a, 'supervision-report', shanghai(3, 20, 12));
    await insertRecord(caseA, a, 'supervision-report', shanghai(3, 21, 12), { recordId: report1, rev: 2 });
    await insertRecord(caseA, a, 'session-note', shanghai(3, 21, 12));
    await insertRecord(caseB, b, 'supervision-report', shanghai(3, 22, 12));
    const director = clinic.director.browser;
    expect((await report(director, { metric: 'supervision_compliance' })).body.rows[0].value).toBeCloseTo(
      2 / 3,
    );
    expect(
      byKey((await report(director, { metric: 'supervision_compliance', dimension: 'counselor' })).body.rows),
    ).toEqual({ [a.account.id]: 0.5, [b.account.id]: null });
    expect((await report(a.browser, { metric: 'supervision_compliance' })).body.rows[0].value).toBe(0.5);
  });
});

describe('filters and time series', () => {
  it('breaks sessions down by week and by day in the institution time zone', async () => {
    const clinic = await openClinic('Asia/Shanghai');
    const { counselor: a } = clinic;
    await insertAppointment(clinic, a, shanghai(3, 1, 10));
    await insertAppointment(clinic, a, shanghai(3, 7, 23, 30));
    await insertAppointment(clinic, a, shanghai(3, 8, 0, 30));
    const period = { from: shanghai(3, 1, 0), to: shanghai(3, 15, 0) };
    const director = clinic.director.browser;
    expect(
      byKey((await report(director, { metric: 'sessions', dimension: 'week' }, period)).body.rows),
    ).toEqual({
      '2027-03-01': 2,
      '2027-03-08': 1,
    });
    expect(
      byKey((await report(director, { metric: 'sessions', dimension: 'day' }, period)).body.rows),
    ).toEqual({
      '2027-03-01': 1,
      '2027-03-07': 1,
      '2027-03-08': 1,
    });
  });

  it('filters by service type, suppressing the narrowed figure when it is small', async () => {
    const clinic = await openClinic('Asia/Shanghai');
    for (let day = 1; day <= 5; day += 1)
      await insertAppointment(clinic, clinic.counselor, shanghai(3, day, 10));
    const director = clinic.director.browser;
    expect(
      (await report(director, { metric: 'sessions', serviceType: 'individual' })).body.rows[0].value,
    ).toBe(5);
    expect((await report(director, { metric: 'sessions', serviceType: 'couple' })).body.rows[0].value).toBe(
      0,
    );
    const few = await report(
      director,
      { metric: 'sessions', serviceType: 'individual' },
      {
        from: shanghai(3, 1, 0),
        to: shanghai(3, 3, 0),
      },
    );
    expect(few.body.rows).toEqual([{ key: null, value: null, suppressed: true }]);
  });

  it('refuses filters a metric does not honour and malformed ones, writing nothing', async () => {
    const clinic = await openClinic('Asia/Shanghai');
    const director = clinic.director.browser;
    const before = await snapshotCounts();
    for (const bad of [
      { metric: 'sessions', channel: 'website' },
      { metric: 'channel_funnel', dimension: 'stage', counselorId: clinic.counselor.account.id },
      { metric: 'channel_funnel', dimension: 'none' },
      { metric: 'new_cases', channel: 'Web Site!' },
      {
        metric: 'sessions',
        dimension: 'day',
        from: shanghai(1, 1, 0),
        to: shanghai(1, 1, 0) + 400 * 86_400_000,
      },
    ]) {
      const res = await report(director, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect((await report(new Browser(), { metric: 'utilization' })).status).toBe(401);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('lists the new metrics with their filters in the catalog, keeping the old fields', async () => {
    const clinic = await openClinic('Asia/Shanghai');
    const { metrics } = (await clinic.director.browser.get('/api/reports/catalog')).body;
    const funnel = metrics.find((entry: { metric: string }) => entry.metric === 'channel_funnel');
    expect(funnel).toEqual({
      metric: 'channel_funnel',
      unit: 'count',
      dimensions: ['stage'],
      snapshot: false,
      filters: ['channel'],
      alwaysSuppressed: false,
    });
    const sessions = metrics.find((entry: { metric: string }) => entry.metric === 'sessions');
    expect(sessions.dimensions).toEqual(['none', 'counselor', 'service_type', 'month', 'week', 'day']);
    const counselorCatalog = (await clinic.counselor.browser.get('/api/reports/catalog')).body.metrics;
    expect(counselorCatalog.map((entry: { metric: string }) => entry.metric)).not.toContain('revenue');
  });
});
