import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { MetricId, ReportQuery } from '../../core/api/reports.js';
import { localDayOf, RECOMPUTED } from '../../worker/reports/rollups.js';
import { runMetric } from '../../worker/reports/run-metric.js';
import { createApiKey, serverCall } from './support/integrations.js';
import { insertAppointment, insertCase, insertPayment } from './support/report-fixtures.js';
import { booking, type Clinic, DAY, HOUR, MINUTE, openClinic, put } from './support/schedule.js';

const PATH = '/api/schedule/appointments';
const ROLLUPS = [
  'appointment_rollups',
  'payment_rollups',
  'case_facts',
  'appointment_month_rollups',
  'payment_month_rollups',
] as const;
const ORDER: Record<(typeof ROLLUPS)[number], string> = {
  appointment_rollups: 'local_day, counselor_id, service_type',
  payment_rollups: 'local_day, counselor_id, service_id',
  appointment_month_rollups: 'month_day, counselor_id, service_type',
  payment_month_rollups: 'month_day, counselor_id, service_id',
  case_facts: 'case_id',
};

/** Rows as comparable text: the triggers store integers where a recomputation's TOTAL gives reals. */
async function rowsOf(sql: string): Promise<string[]> {
  const { results } = await env.DB.prepare(sql).all<Record<string, unknown>>();
  return results.map((row) =>
    Object.entries(row)
      .map(([column, value]) => `${column}=${typeof value === 'number' ? Number(value) : String(value)}`)
      .join(' '),
  );
}

async function expectRollupsMatchBase() {
  for (const table of ROLLUPS) {
    const kept = await rowsOf(`SELECT * FROM ${table} ORDER BY ${ORDER[table]}`);
    const recomputed = await rowsOf(`SELECT * FROM (${RECOMPUTED[table]}) ORDER BY ${ORDER[table]}`);
    expect(kept, table).toEqual(recomputed);
  }
}

async function expectOk(response: Promise<{ status: number; body: unknown }>) {
  const res = await response;
  if (res.status >= 300) throw new Error(`expected success, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

type Made = { appointments: { id: string }[] };

/** Appointments and payments written every way the app writes them, in the clinic's zone. */
async function mixOfWrites(clinic: Clinic, start: number) {
  const desk = clinic.desk.browser;
  const single = (await expectOk(desk.post(PATH, booking(clinic, start)))) as Made;
  const series = (await expectOk(desk.post(PATH, booking(clinic, start + 2 * HOUR, { weeks: 4 })))) as Made;
  const [first, second, third] = series.appointments;
  await expectOk(
    desk.request('PATCH', `${PATH}/${single.appointments[0]?.id}`, { json: { startAt: start + DAY } }),
  );
  await expectOk(desk.post(`${PATH}/${first?.id}/status`, { status: 'completed' }));
  await expectOk(desk.post(`${PATH}/${second?.id}/status`, { status: 'no_show' }));
  await expectOk(
    desk.post(`${PATH}/${third?.id}/series/move`, { scope: 'following', startAt: start + 15 * DAY }),
  );
  await expectOk(
    desk.post(`${PATH}/${third?.id}/series/cancel`, { scope: 'following', cancelReason: 'illness' }),
  );
  await expectOk(
    desk.post(
      PATH,
      booking(clinic, start + 3 * HOUR, { counselorId: clinic.other.account.id, roomId: clinic.otherRoomId }),
    ),
  );

  // A case's course, written straight to D1 as imports and fixtures do, then changed and deleted.
  const caseId = await insertCase(clinic, clinic.counselor, start - 10 * DAY);
  const one = await insertAppointment(clinic, clinic.counselor, start - 7 * DAY, { caseId });
  await insertAppointment(clinic, clinic.counselor, start - 6 * DAY + 30 * MINUTE, {
    caseId,
    status: 'no_show',
  });
  const late = await insertAppointment(clinic, clinic.counselor, start + 30 * DAY, { caseId });
  await env.DB.prepare("UPDATE appointments SET status = 'cancelled', cancel_reason = 'other' WHERE id = ?")
    .bind(late)
    .run();
  await env.DB.prepare(
    'UPDATE appointments SET fee_cents = 12345, start_at = start_at + ?1, end_at = end_at + ?1 WHERE id = ?2',
  )
    .bind(HOUR, one)
    .run();
  const gone = await insertAppointment(clinic, clinic.other, start - 5 * DAY);
  await env.DB.prepare('DELETE FROM appointments WHERE id = ?').bind(gone).run();

  // Payments through the API with a refund, and straight to D1.
  const key = await createApiKey(clinic.center, ['payments:write', 'payments:read']);
  const paid = await serverCall('POST', '/api/v1/payments', {
    key: key.secret,
    json: {
      reference: 'INV-R1',
      amount: 60000,
      currency: 'CNY',
      serviceId: clinic.serviceId,
      counselorId: clinic.counselor.account.id,
      paidAt: start + 2 * DAY,
    },
  });
  expect(paid.status).toBe(201);
  const refunded = await serverCall('POST', `/api/v1/payments/${paid.body.id}/refunds`, {
    key: key.secret,
    json: { reference: 'RF-R1', amount: 20000 },
  });
  expect(refunded.status).toBeLessThan(300);
  await serverCall('POST', '/api/v1/payments', {
    key: key.secret,
    json: { reference: 'INV-R2', amount: 5000, currency: 'CNY', paidAt: start - DAY },
  });
  await insertPayment(clinic.other, clinic.serviceId, start + 40 * DAY + 23 * HOUR, 30000, {
    refunded: 10000,
  });
}

describe('report rollups (migrations 0026 and 0029)', () => {
  it('equal a recomputation from the base tables after bookings, moves, status changes, series, payments and refunds', async () => {
    const clinic = await openClinic();
    await mixOfWrites(clinic, Date.UTC(2026, 2, 2, 2)); // Monday 2 March 2026, 10:00 in Shanghai: past, so sessions can be completed
    const counted = await env.DB.prepare(
      'SELECT (SELECT COUNT(*) FROM appointment_rollups) AS days, (SELECT COUNT(*) FROM payment_rollups) AS paid, (SELECT COUNT(*) FROM case_facts) AS cases, (SELECT COUNT(*) FROM appointment_month_rollups) AS months, (SELECT COUNT(*) FROM payment_month_rollups) AS paidMonths',
    ).first<{ days: number; paid: number; cases: number; months: number; paidMonths: number }>();
    expect(counted?.days).toBeGreaterThan(5);
    expect(counted?.months).toBeGreaterThanOrEqual(3); // February to April, for two counselors
    expect(counted?.paidMonths).toBeGreaterThanOrEqual(3);
    expect(counted?.paid).toBeGreaterThanOrEqual(3);
    expect(counted?.cases).toBe(1);
    await expectRollupsMatchBase();
  });

  it('are laid out again when the zone changes, and read any period exactly as the base rows do', async () => {
    const clinic = await openClinic();
    /** 7 March 2026, 22:00 in New York: daylight saving starts the next night at 02:00. */
    const eve = Date.UTC(2026, 2, 8, 3, 0);
    await mixOfWrites(clinic, eve);
    await insertAppointment(clinic, clinic.counselor, eve + 90 * MINUTE); // 23:30 local, the 13th
    await insertAppointment(clinic, clinic.other, eve + 5 * HOUR, { status: 'no_show' }); // 04:00 EDT
    await expectOk(
      put(clinic.center.adminBrowser, '/api/schedule/time-zone', { timeZone: 'America/New_York' }),
    );
    await expectRollupsMatchBase();
    const lateEvening = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM appointment_rollups WHERE local_day = ? AND counselor_id = ?',
    )
      .bind(localDayOf(eve, 'America/New_York'), clinic.counselor.account.id)
      .first<{ n: number }>();
    expect(lateEvening?.n).toBeGreaterThan(0);
    await insertAppointment(clinic, clinic.counselor, eve + 26 * HOUR, { status: 'cancelled' });
    await expectRollupsMatchBase();

    const zone = 'America/New_York';
    const periods = [
      { from: Date.UTC(2026, 1, 1, 5), to: Date.UTC(2026, 4, 1, 4) }, // February to April, local months
      { from: eve - 3 * DAY + 17 * MINUTE, to: eve + 20 * DAY + 5 * HOUR }, // edges mid-day
      { from: eve + HOUR, to: eve + 3 * HOUR }, // inside one evening
      // whole February and March from the month rollups, days of January and April, hours at the edges
      { from: Date.UTC(2026, 0, 20, 10, 17), to: Date.UTC(2026, 3, 12, 9, 41) },
    ];
    const metrics: MetricId[] = [
      'sessions',
      'hours',
      'billed_fees',
      'no_show_rate',
      'cancellation_rate',
      'revenue',
    ];
    for (const period of periods)
      for (const metric of metrics)
        for (const dimension of ['none', 'counselor', 'service_type', 'day', 'week', 'month'] as const) {
          if (dimension === 'day' && period.to - period.from > 366 * DAY) continue;
          const query: ReportQuery = { metric, dimension, ...period };
          const fromRollups = await runMetric(env.DB, query, null, zone, true);
          const fromBase = await runMetric(env.DB, query, null, zone, false);
          expect(fromRollups.rows, JSON.stringify(query)).toEqual(fromBase.rows);
          const scoped = { ...query, serviceType: 'individual' };
          expect((await runMetric(env.DB, scoped, clinic.counselor.account.id, zone, true)).rows).toEqual(
            (await runMetric(env.DB, scoped, clinic.counselor.account.id, zone, false)).rows,
          );
        }
  });
});
