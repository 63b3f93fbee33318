/**
 * `npm run demo -- --scale large`'s bulk: three years of a 50-counselor center — 100,000 cases,
 * 1,000,000 appointments, their payments and 130,000 booking requests — written as batched,
 * set-based SQL straight into the local D1 that `npm start` serves (wrangler's platform proxy on
 * .wrangler/state). Only operational rows are made here: no secret, no key, no plaintext of
 * anything secret exists to create. The report rollups (migration 0026) fill as the rows go in,
 * by their triggers. Clients' contact cards and booking requests' sealed contents
 * are placeholders that no key opens, so these clients show as load data only; the people and
 * their keys were made through the real API and the real crypto before this runs.
 */
import { getPlatformProxy } from 'wrangler';

export const LARGE_SCALE = { cases: 100_000, sessionsPerCase: 10, counselors: 50, years: 3 } as const;

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const CHUNK = 2_000;

/** Services of the bulk center: [id, name, type, minutes, fee in cents]. */
const SERVICES = [
  ['5e0b0000-0000-4000-8000-000000000001', '个体咨询 50 分钟（批量演示）', 'individual', 50, 30000],
  ['5e0b0000-0000-4000-8000-000000000002', '伴侣咨询 90 分钟（批量演示）', 'couple', 90, 50000],
  ['5e0b0000-0000-4000-8000-000000000003', '团体辅导 90 分钟（批量演示）', 'group', 90, 10000],
] as const;

/**
 * Deterministic pseudo-random numbers in SQL: a multiplicative hash of a row number and a salt, so
 * the same run makes the same center and every figure can be re-derived.
 */
const hash = (n: string, salt: number) => `((${n} * 2654435761 + ${salt} * 40503) % 1000003)`;

/** The per-case columns, from the case number i, shared by the cases and their appointments. */
function caseColumns(start: number, now: number): string {
  const openSpan = now - start - 30 * DAY;
  const sessions = `(1 + ${hash('i', 1)} % ${2 * LARGE_SCALE.sessionsPerCase - 1})`;
  return `i,
    printf('ca5e0000-%04x-4000-8000-%012x', i / 65536, i) AS case_id,
    printf('c1e00000-%04x-4000-8000-%012x', i / 65536, i) AS client_id,
    ${hash('i', 2)} % ${LARGE_SCALE.counselors} AS counselor_index,
    CASE WHEN ${hash('i', 3)} % 100 < 75 THEN 0 WHEN ${hash('i', 3)} % 100 < 90 THEN 1 ELSE 2 END AS service_index,
    CASE WHEN ${hash('i', 4)} % 100 < 40 THEN 'website' WHEN ${hash('i', 4)} % 100 < 65 THEN 'wechat'
      WHEN ${hash('i', 4)} % 100 < 80 THEN 'referral' WHEN ${hash('i', 4)} % 100 < 92 THEN 'phone'
      ELSE 'walk_in' END AS channel,
    ${start} + i * ${Math.floor(openSpan / LARGE_SCALE.cases)} + ${hash('i', 5)} % ${DAY} AS opened_at,
    ${sessions} AS sessions`;
}

function numbers(from: number, to: number): string {
  return `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to - 1})`;
}

/** Small lookup tables as json_each: D1 allows only a few terms in a compound SELECT (VALUES). */
function servicesTable(): string {
  const rows = SERVICES.map(([id, , type, minutes, fee]) => ({ id, type, minutes, fee }));
  return `services_bulk AS (SELECT key AS service_index, value ->> 'id' AS service_id,
    value ->> 'type' AS service_type, value ->> 'minutes' AS minutes, value ->> 'fee' AS fee
    FROM json_each('${JSON.stringify(rows)}'))`;
}

function counselorsTable(counselorIds: readonly string[]): string {
  return `counselors_bulk AS (SELECT key AS counselor_index, value AS counselor_id
    FROM json_each('${JSON.stringify(counselorIds)}'))`;
}

interface Center {
  adminId: string;
  counselorIds: string[];
  groupId: string;
  start: number;
  now: number;
}

function chunkStatements(center: Center, from: number, to: number): string[] {
  const { adminId, start, now } = center;
  const base = `${numbers(from, to)}, ${servicesTable()}, ${counselorsTable(center.counselorIds)},
    c AS (SELECT ${caseColumns(start, now)} FROM n)`;
  const courseEnd = `(opened_at + 2 * ${DAY} + sessions * ${WEEK})`;
  const clients = `${base} INSERT INTO clients (id, channel, contact_epoch, contact_envelope, created_by, created_at)
    SELECT client_id, channel, 0, 'demo-bulk: no contact card', '${adminId}', opened_at FROM c`;
  const cases = `${base} INSERT INTO cases (id, client_id, primary_counselor_id, status, service_type, channel,
      opened_at, closed_at, log_head, created_by)
    SELECT case_id, client_id, counselor_id,
      CASE WHEN ${courseEnd} + ${30 * DAY} < ${now} THEN 'closed' ELSE 'active' END,
      service_type, channel, opened_at,
      CASE WHEN ${courseEnd} + ${30 * DAY} < ${now} THEN ${courseEnd} + ${3 * DAY} END,
      '${'00'.repeat(32)}', '${adminId}'
    FROM c JOIN services_bulk USING (service_index) JOIN counselors_bulk USING (counselor_index)`;
  const appointmentsOf = `${base}, k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < ${
    2 * LARGE_SCALE.sessionsPerCase - 1
  }),
    a AS (SELECT c.*, k, s.service_id, s.service_type, s.minutes, s.fee, b.counselor_id,
      printf('a0000000-%04x-4%03x-8000-%012x', i / 65536, k, i) AS appointment_id,
      (opened_at + 2 * ${DAY} + (k - 1) * ${WEEK}) / 3600000 * 3600000 AS start_at,
      ${hash('(i * 32 + k)', 6)} % 100 AS fate
      FROM c JOIN k ON k <= sessions JOIN services_bulk s USING (service_index)
      JOIN counselors_bulk b USING (counselor_index))`;
  const appointments = `${appointmentsOf} INSERT INTO appointments (id, client_id, case_id, counselor_id,
      service_id, service_type, fee_cents, start_at, end_at, status, cancel_reason, created_by, created_at, updated_at)
    SELECT appointment_id, client_id, case_id, counselor_id, service_id, service_type, fee, start_at,
      start_at + minutes * 60000,
      CASE WHEN start_at > ${now} THEN 'confirmed' WHEN fate < 7 THEN 'no_show' WHEN fate < 15 THEN 'cancelled'
        ELSE 'completed' END,
      CASE WHEN start_at <= ${now} AND fate >= 7 AND fate < 15 THEN 'client_request' END,
      '${adminId}', start_at - ${WEEK}, start_at
    FROM a`;
  const payments = `${appointmentsOf} INSERT INTO payments (id, provider, provider_ref, amount, currency,
      refunded_amount, status, service_id, counselor_id, appointment_id, paid_at, created_at)
    SELECT printf('9a000000-%04x-4%03x-8000-%012x', i / 65536, k, i), 'demo-bulk', appointment_id, fee, 'cny',
      CASE WHEN fate = 99 THEN fee / 2 ELSE 0 END,
      CASE WHEN fate = 99 THEN 'partially_refunded' ELSE 'paid' END,
      service_id, counselor_id, appointment_id, start_at + 3600000, start_at + 3600000
    FROM a WHERE start_at <= ${now} AND fate >= 15 AND fate < 97`;
  return [clients, cases, appointments, payments];
}

function bookingRequestStatements(center: Center, count: number): string[] {
  const span = center.now - center.start;
  const statements: string[] = [];
  for (let from = 0; from < count; from += CHUNK * 5) {
    const to = Math.min(count, from + CHUNK * 5);
    statements.push(`${numbers(from, to)} INSERT INTO booking_requests (id, group_id, group_epoch, enc, ct,
        channel, status, created_at)
      SELECT printf('b00c0000-%04x-4000-8000-%012x', i / 65536, i), '${center.groupId}', 0,
        'demo-bulk', 'demo-bulk: no sealed request',
        CASE WHEN ${hash('i', 7)} % 100 < 40 THEN 'website' WHEN ${hash('i', 7)} % 100 < 65 THEN 'wechat'
          WHEN ${hash('i', 7)} % 100 < 80 THEN 'referral' WHEN ${hash('i', 7)} % 100 < 92 THEN 'phone'
          ELSE 'walk_in' END,
        CASE WHEN ${hash('i', 8)} % 100 < 72 THEN 'scheduled' WHEN ${hash('i', 8)} % 100 < 84 THEN 'declined'
          WHEN ${hash('i', 8)} % 100 < 92 THEN 'screening' ELSE 'new' END,
        ${center.start} + i * ${Math.floor(span / count)} + ${hash('i', 9)} % ${DAY}
      FROM n`);
  }
  return statements;
}

/** Everyone who counsels works 08:00–22:00 every day: a busy center's long opening hours. */
function shiftStatements(counselorIds: readonly string[]): string[] {
  return counselorIds.map(
    (id, index) => `INSERT INTO availability_shifts (id, counselor_id, weekday, start_minute, end_minute)
      SELECT printf('5f000000-%04x-4%03x-8000-000000000000', ${index}, weekday), '${id}', weekday, 480, 1320
      FROM (WITH RECURSIVE w(weekday) AS (SELECT 1 UNION ALL SELECT weekday + 1 FROM w WHERE weekday < 7)
        SELECT weekday FROM w)
      WHERE NOT EXISTS (SELECT 1 FROM availability_shifts WHERE counselor_id = '${id}')`,
  );
}

/**
 * The report rollups (migration 0026) filled as the rows went in: their triggers ran in the same
 * statements. Checked here by the totals, so a demo never benchmarks rollups that missed rows.
 */
async function checkRollups(db: D1Database, log: (line: string) => void): Promise<void> {
  const totals = await db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM appointments) AS appointments,
        (SELECT TOTAL(appointments) FROM appointment_rollups) AS rolled_up,
        (SELECT COUNT(*) FROM appointment_rollups) AS day_rows,
        (SELECT COUNT(*) FROM payments) AS payments,
        (SELECT TOTAL(payments) FROM payment_rollups) AS payments_rolled_up,
        (SELECT COUNT(*) FROM payment_rollups) AS payment_day_rows,
        (SELECT COUNT(DISTINCT case_id) FROM appointments WHERE case_id IS NOT NULL) AS cases,
        (SELECT COUNT(*) FROM case_facts) AS case_facts`,
    )
    .first<
      Record<
        | 'appointments'
        | 'rolled_up'
        | 'day_rows'
        | 'payments'
        | 'payments_rolled_up'
        | 'payment_day_rows'
        | 'cases'
        | 'case_facts',
        number
      >
    >();
  if (
    !totals ||
    totals.appointments !== totals.rolled_up ||
    totals.payments !== totals.payments_rolled_up ||
    totals.cases !== totals.case_facts
  ) {
    throw new Error(`the report rollups do not add up to their rows: ${JSON.stringify(totals)}`);
  }
  log(
    `Report rollups: ${totals.day_rows.toLocaleString('en')} appointment day rows, ` +
      `${totals.payment_day_rows.toLocaleString('en')} payment day rows, ${totals.case_facts.toLocaleString('en')} case facts.`,
  );
}

export async function fillLargeScale(log: (line: string) => void): Promise<void> {
  const { env, dispose } = await getPlatformProxy<{ DB: D1Database }>({ persist: true });
  try {
    const db = env.DB;
    const already = await db
      .prepare("SELECT COUNT(*) AS n FROM payments WHERE provider = 'demo-bulk'")
      .first<{ n: number }>();
    if ((already?.n ?? 0) > 0) {
      log('The large-scale data is already there: nothing to add.');
      return;
    }
    const admin = await db
      .prepare('SELECT id FROM users WHERE roles LIKE \'%"admin"%\' ORDER BY created_at LIMIT 1')
      .first<{ id: string }>();
    const group = await db
      .prepare('SELECT id FROM groups ORDER BY created_at LIMIT 1')
      .first<{ id: string }>();
    const { results: counselors } = await db
      .prepare(
        `SELECT id FROM users WHERE roles LIKE '%"counselor"%' ORDER BY created_at LIMIT ${LARGE_SCALE.counselors}`,
      )
      .all<{ id: string }>();
    if (!admin || !group || counselors.length < LARGE_SCALE.counselors) {
      throw new Error(
        `the center needs its admin, the front-desk group and ${LARGE_SCALE.counselors} counselors first (found ${counselors.length})`,
      );
    }
    const now = Date.now();
    const center: Center = {
      adminId: admin.id,
      groupId: group.id,
      counselorIds: counselors.map((row) => row.id),
      start: now - LARGE_SCALE.years * 365 * DAY,
      now,
    };
    const started = Date.now();
    await db.batch(
      [
        ...SERVICES.map(
          ([id, name, type, minutes, fee]) =>
            `INSERT OR IGNORE INTO services (id, name, service_type, duration_minutes, fee_cents, created_at)
             VALUES ('${id}', '${name}', '${type}', ${minutes}, ${fee}, ${center.start})`,
        ),
        ...shiftStatements(center.counselorIds),
      ].map((sql) => db.prepare(sql)),
    );
    for (let from = 0; from < LARGE_SCALE.cases; from += CHUNK) {
      const to = Math.min(LARGE_SCALE.cases, from + CHUNK);
      await db.batch(chunkStatements(center, from, to).map((sql) => db.prepare(sql)));
      if ((to / CHUNK) % 5 === 0)
        log(`  ${to.toLocaleString('en')} cases and their appointments and payments`);
    }
    for (const sql of bookingRequestStatements(center, Math.round(LARGE_SCALE.cases * 1.3)))
      await db.prepare(sql).run();
    const count = async (table: string) =>
      (await db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;
    log(
      `Wrote ${(await count('appointments')).toLocaleString('en')} appointments, ${(await count('cases')).toLocaleString('en')} cases, ` +
        `${(await count('payments')).toLocaleString('en')} payments and ${(await count('booking_requests')).toLocaleString('en')} booking requests ` +
        `in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );
    await checkRollups(db, log);
  } finally {
    await dispose();
  }
}
