import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ReportQuery } from '../../core/api/reports.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { addMember, type Member } from './support/scenario.js';
import { type Clinic, MINUTE, openClinic } from './support/schedule.js';

/** Shanghai is UTC+8 all year: local wall times below are written as UTC minus eight hours. */
const shanghai = (month: number, day: number, hour: number, minute = 0) =>
  Date.UTC(2027, month - 1, day, hour - 8, minute);
const FROM = shanghai(3, 1, 0);
const TO = shanghai(5, 1, 0);

async function insertAppointment(
  clinic: Clinic,
  counselor: Member,
  startAt: number,
  minutes: number,
  status: 'completed' | 'no_show' | 'cancelled',
  serviceType = 'individual',
  feeCents = 30000,
) {
  await env.DB.prepare(
    `INSERT INTO appointments (id, client_id, counselor_id, service_id, service_type, fee_cents,
       start_at, end_at, status, cancel_reason, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      crypto.randomUUID(),
      clinic.clientId,
      counselor.account.id,
      clinic.serviceId,
      serviceType,
      feeCents,
      startAt,
      startAt + minutes * MINUTE,
      status,
      status === 'cancelled' ? 'client_request' : null,
      clinic.desk.account.id,
      startAt,
      startAt,
    )
    .run();
}

async function insertCase(
  clinic: Clinic,
  counselor: Member,
  channel: string,
  openedAt: number,
  status: 'intake' | 'active' | 'closed',
  closedAt: number | null = null,
) {
  await env.DB.prepare(
    `INSERT INTO cases (id, client_id, primary_counselor_id, status, service_type, channel, opened_at,
       closed_at, log_head, created_by) VALUES (?, ?, ?, ?, 'individual', ?, ?, ?, ?, ?)`,
  )
    .bind(
      crypto.randomUUID(),
      clinic.clientId,
      counselor.account.id,
      status,
      channel,
      openedAt,
      closedAt,
      '00'.repeat(32),
      counselor.account.id,
    )
    .run();
}

/**
 * The fixture, and the answers computed by hand:
 * counselor A — 3 completed sessions in March (50, 50 and 60 minutes, the last at 23:00 on
 * 31 March in Shanghai, still March there), one completed at 00:30 on 1 April (already April in
 * Shanghai, still 31 March in UTC), one no-show and one cancellation: 4 sessions, 3.5 hours.
 * Counselor B — 2 completed couple sessions of 90 minutes at 500.00: 2 sessions, 3 hours.
 * Cases: A opened 6 from the website and 2 by referral in March; 3 are active, 1 closed in April.
 */
async function center(): Promise<Clinic & { finance: Member }> {
  const clinic = await openClinic('Asia/Shanghai');
  const finance = await addMember(clinic.center, ['finance']);
  const { counselor: a, other: b } = clinic;
  await insertAppointment(clinic, a, shanghai(3, 1, 10), 50, 'completed');
  await insertAppointment(clinic, a, shanghai(3, 8, 10), 50, 'completed');
  await insertAppointment(clinic, a, shanghai(3, 31, 23), 60, 'completed');
  await insertAppointment(clinic, a, shanghai(4, 1, 0, 30), 50, 'completed');
  await insertAppointment(clinic, a, shanghai(3, 15, 10), 50, 'no_show');
  await insertAppointment(clinic, a, shanghai(3, 16, 10), 50, 'cancelled');
  await insertAppointment(clinic, b, shanghai(3, 2, 10), 90, 'completed', 'couple', 50000);
  await insertAppointment(clinic, b, shanghai(3, 9, 10), 90, 'completed', 'couple', 50000);
  // Outside the period: must count nowhere.
  await insertAppointment(clinic, a, shanghai(2, 28, 23, 30), 50, 'completed');
  await insertAppointment(clinic, a, shanghai(5, 1, 0), 50, 'completed');
  for (let day = 1; day <= 6; day += 1) {
    await insertCase(clinic, a, 'website', shanghai(3, day, 9), day <= 3 ? 'active' : 'intake');
  }
  await insertCase(clinic, a, 'referral', shanghai(3, 10, 9), 'intake');
  await insertCase(clinic, a, 'referral', shanghai(3, 11, 9), 'closed', shanghai(4, 20, 9));
  return { ...clinic, finance };
}

function report(browser: Browser, query: Partial<Record<keyof ReportQuery, string | number>>) {
  const params = new URLSearchParams({ from: String(FROM), to: String(TO) });
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return browser.get(`/api/reports/metrics?${params}`);
}

const byKey = (rows: { key: string | null; value: number | null }[]) =>
  Object.fromEntries(rows.map((row) => [row.key ?? 'all', row.value]));

describe('metrics, checked against figures computed by hand', () => {
  it('counts sessions, hours and billed fees for the whole center and per counselor', async () => {
    const clinic = await center();
    const director = clinic.director.browser;
    const a = clinic.counselor.account.id;
    const b = clinic.other.account.id;
    expect(byKey((await report(director, { metric: 'sessions' })).body.rows)).toEqual({ all: 6 });
    const hours = await report(director, { metric: 'hours', dimension: 'counselor' });
    expect(hours.body.unit).toBe('hours');
    expect(byKey(hours.body.rows)).toEqual({ [a]: 3.5, [b]: 3 });
    const fees = await report(director, { metric: 'billed_fees', dimension: 'counselor' });
    expect(byKey(fees.body.rows)).toEqual({ [a]: 120000, [b]: 100000 });
  });

  it('puts each session in its month in the institution time zone, not in UTC', async () => {
    const clinic = await center();
    const res = await report(clinic.director.browser, { metric: 'sessions', dimension: 'month' });
    expect(byKey(res.body.rows)).toEqual({ '2027-03': 5, '2027-04': 1 });
  });

  it('computes no-show and cancellation rates', async () => {
    const clinic = await center();
    const director = clinic.director.browser;
    const noShow = await report(director, { metric: 'no_show_rate', dimension: 'counselor' });
    expect(byKey(noShow.body.rows)[clinic.counselor.account.id]).toBeCloseTo(1 / 5);
    const cancelled = await report(director, { metric: 'cancellation_rate' });
    expect(cancelled.body.rows[0].value).toBeCloseTo(1 / 8);
  });

  it('counts new, closed and active cases, suppressing a channel with fewer than five', async () => {
    const clinic = await center();
    const director = clinic.director.browser;
    const opened = await report(director, { metric: 'new_cases', dimension: 'channel' });
    expect(opened.body.rows).toEqual([
      { key: 'referral', value: null, suppressed: true },
      { key: 'website', value: 6, suppressed: false },
    ]);
    expect(byKey((await report(director, { metric: 'closed_cases', dimension: 'month' })).body.rows)).toEqual(
      {
        '2027-04': 1,
      },
    );
    expect(byKey((await report(director, { metric: 'active_cases' })).body.rows)).toEqual({ all: 3 });
  });

  it('suppresses small service-type cells of sessions too', async () => {
    const clinic = await center();
    const res = await report(clinic.director.browser, { metric: 'sessions', dimension: 'service_type' });
    expect(res.body.rows).toEqual([
      { key: 'couple', value: null, suppressed: true },
      { key: 'individual', value: null, suppressed: true },
    ]);
  });

  it('gives a rate no value, and a count zero, for an empty period', async () => {
    const clinic = await center();
    const director = clinic.director.browser;
    const empty = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2020, 1, 1) };
    expect((await report(director, { metric: 'sessions', ...empty })).body.rows[0].value).toBe(0);
    expect((await report(director, { metric: 'no_show_rate', ...empty })).body.rows[0].value).toBeNull();
  });
});

describe('who sees which figures', () => {
  it('shows a counselor only their own figures, and refuses a colleague', async () => {
    const clinic = await center();
    const own = await report(clinic.counselor.browser, { metric: 'sessions' });
    expect(own.status).toBe(200);
    expect(own.body.scopedTo).toBe(clinic.counselor.account.id);
    expect(own.body.rows[0].value).toBe(4);
    const colleague = await report(clinic.counselor.browser, {
      metric: 'sessions',
      counselorId: clinic.other.account.id,
    });
    expect(colleague.status).toBe(403);
    const fees = await report(clinic.counselor.browser, { metric: 'billed_fees' });
    expect(fees.status).toBe(403);
  });

  it('lets finance see fees but not clinical workload, and the front desk no report', async () => {
    const clinic = await center();
    expect((await report(clinic.finance.browser, { metric: 'billed_fees' })).body.rows[0].value).toBe(220000);
    expect((await report(clinic.finance.browser, { metric: 'sessions' })).status).toBe(403);
    expect((await report(clinic.desk.browser, { metric: 'sessions' })).status).toBe(403);
    const catalog = await clinic.finance.browser.get('/api/reports/catalog');
    expect(catalog.body.metrics.map((entry: { metric: string }) => entry.metric)).toEqual([
      'billed_fees',
      'revenue',
      'outstanding_fees',
      'client_lifetime_value',
    ]);
    expect((await clinic.desk.browser.get('/api/reports/catalog')).body.metrics).toEqual([]);
  });

  it('refuses the unauthenticated and malformed queries with a clear 4xx, writing nothing', async () => {
    const clinic = await center();
    const before = await snapshotCounts();
    expect((await report(new Browser(), { metric: 'sessions' })).status).toBe(401);
    expect((await new Browser().get('/api/reports/catalog')).status).toBe(401);
    const director = clinic.director.browser;
    for (const bad of [
      { metric: 'secret_notes' },
      { metric: 'sessions', dimension: 'client' },
      { metric: 'sessions', from: TO, to: FROM },
      { metric: 'sessions', from: 0, to: Date.UTC(2027, 0, 1) },
      { metric: 'sessions', counselorId: 'not-a-uuid' },
      { metric: 'sessions', from: 'yesterday' },
    ]) {
      const res = await report(director, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const channel = await report(director, { metric: 'sessions', dimension: 'channel' });
    expect(channel.status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });
});
