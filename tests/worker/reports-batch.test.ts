import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_BATCH } from '../../core/api/reports.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { addMember } from './support/scenario.js';
import { type Clinic, MINUTE, openClinic } from './support/schedule.js';

/** Shanghai is UTC+8 all year: local wall times below are written as UTC minus eight hours. */
const shanghai = (month: number, day: number, hour: number) => Date.UTC(2027, month - 1, day, hour - 8);
const FROM = shanghai(3, 1, 0);
const TO = shanghai(5, 1, 0);

async function completedSession(clinic: Clinic, counselorId: string, startAt: number, feeCents: number) {
  await env.DB.prepare(
    `INSERT INTO appointments (id, client_id, counselor_id, service_id, service_type, fee_cents,
       start_at, end_at, status, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'individual', ?, ?, ?, 'completed', ?, ?, ?)`,
  )
    .bind(
      crypto.randomUUID(),
      clinic.clientId,
      counselorId,
      clinic.serviceId,
      feeCents,
      startAt,
      startAt + 50 * MINUTE,
      clinic.desk.account.id,
      startAt,
      startAt,
    )
    .run();
}

/** Counselor A: sessions on 2 March (300.00) and 1 April (300.00); counselor B: 3 March (500.00). */
async function center() {
  const clinic = await openClinic('Asia/Shanghai');
  const finance = await addMember(clinic.center, ['finance']);
  await completedSession(clinic, clinic.counselor.account.id, shanghai(3, 2, 10), 30000);
  await completedSession(clinic, clinic.counselor.account.id, shanghai(4, 1, 10), 30000);
  await completedSession(clinic, clinic.other.account.id, shanghai(3, 3, 10), 50000);
  return { ...clinic, finance };
}

const batch = (browser: Browser, queries: unknown) => browser.post('/api/reports/metrics/batch', { queries });

function single(browser: Browser, query: Record<string, string | number>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return browser.get(`/api/reports/metrics?${params}`);
}

describe('a dashboard’s reports in one request', () => {
  it('answers each query as the one-report route does, in order', async () => {
    const clinic = await center();
    const director = clinic.director.browser;
    const queries = [
      { metric: 'sessions', dimension: 'none', from: FROM, to: TO },
      { metric: 'billed_fees', dimension: 'counselor', from: FROM, to: TO },
      {
        metric: 'sessions',
        dimension: 'month',
        from: FROM,
        to: TO,
        counselorId: clinic.counselor.account.id,
      },
      { metric: 'active_cases', dimension: 'none', from: FROM, to: TO },
      { metric: 'channel_funnel', dimension: 'stage', from: FROM, to: TO },
    ];
    const res = await batch(director, queries);
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(queries.length);
    expect(res.body.results[0].report.rows).toEqual([{ key: null, value: 3, suppressed: false }]);
    expect(
      res.body.results[2].report.rows.map((row: { key: string; value: number }) => [row.key, row.value]),
    ).toEqual([
      ['2027-03', 1],
      ['2027-04', 1],
    ]);
    for (const [index, query] of queries.entries()) {
      expect(res.body.results[index], JSON.stringify(query)).toEqual({
        report: (await single(director, query)).body,
      });
    }
  });

  it('gives a query that may not be asked its own error and still answers the others', async () => {
    const clinic = await center();
    const counselor = clinic.counselor.browser;
    const res = await batch(counselor, [
      { metric: 'sessions', from: FROM, to: TO },
      { metric: 'sessions', from: FROM, to: TO, counselorId: clinic.other.account.id },
      { metric: 'billed_fees', from: FROM, to: TO },
      { metric: 'sessions', dimension: 'channel', from: FROM, to: TO },
      { metric: 'secret_notes', from: FROM, to: TO },
      { metric: 'sessions', from: TO, to: FROM },
    ]);
    expect(res.status).toBe(200);
    const [own, colleague, fees, channel, unknown, backwards] = res.body.results;
    expect(own.report.scopedTo).toBe(clinic.counselor.account.id);
    expect(own.report.rows).toEqual([{ key: null, value: 2, suppressed: false }]);
    expect(colleague.error.code).toBe('forbidden');
    expect(fees.error.code).toBe('forbidden');
    expect(channel.error.code).toBe('invalid_request');
    expect(unknown.error.code).toBe('invalid_request');
    expect(backwards.error.code).toBe('invalid_request');
    const finance = await batch(clinic.finance.browser, [
      { metric: 'billed_fees', from: FROM, to: TO },
      { metric: 'sessions', from: FROM, to: TO },
    ]);
    expect(finance.body.results[0].report.rows[0].value).toBe(110000);
    expect(finance.body.results[1].error.code).toBe('forbidden');
  });

  it('refuses the unauthenticated and a malformed batch with a clear 4xx, writing nothing', async () => {
    const clinic = await center();
    const before = await snapshotCounts();
    const query = { metric: 'sessions', from: FROM, to: TO };
    expect((await batch(new Browser(), [query])).status).toBe(401);
    const director = clinic.director.browser;
    for (const bad of [
      undefined,
      [],
      'sessions',
      Array.from({ length: MAX_REPORT_BATCH + 1 }, () => query),
    ]) {
      const res = await batch(director, bad);
      expect(res.status, JSON.stringify(bad)?.slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const noJson = await director.post('/api/reports/metrics/batch', undefined);
    expect(noJson.status).toBeGreaterThanOrEqual(400);
    expect(noJson.status).toBeLessThan(500);
    expect(await snapshotCounts()).toEqual(before);
  });
});
