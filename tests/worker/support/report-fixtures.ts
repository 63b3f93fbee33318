import { env } from 'cloudflare:workers';
import type { Member } from './scenario.js';
import { type Clinic, MINUTE } from './schedule.js';

/**
 * Operational rows for report fixtures, written straight to D1 like the rows the app's own
 * routes write: reports read tables, so the fixtures fill tables. Ciphertext columns get opaque
 * placeholders: no report reads them.
 */

/** Shanghai is UTC+8 all year: local wall times are written as UTC minus eight hours. */
export const shanghai = (month: number, day: number, hour: number, minute = 0) =>
  Date.UTC(2027, month - 1, day, hour - 8, minute);

type AppointmentStatus = 'confirmed' | 'completed' | 'no_show' | 'cancelled';

export async function insertAppointment(
  clinic: Clinic,
  counselor: Member,
  startAt: number,
  options: { minutes?: number; status?: AppointmentStatus; caseId?: string; feeCents?: number } = {},
): Promise<string> {
  const id = crypto.randomUUID();
  const status = options.status ?? 'completed';
  await env.DB.prepare(
    `INSERT INTO appointments (id, client_id, case_id, counselor_id, service_id, service_type, fee_cents,
       start_at, end_at, status, cancel_reason, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'individual', ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      clinic.clientId,
      options.caseId ?? null,
      counselor.account.id,
      clinic.serviceId,
      options.feeCents ?? 30000,
      startAt,
      startAt + (options.minutes ?? 50) * MINUTE,
      status,
      status === 'cancelled' ? 'client_request' : null,
      clinic.desk.account.id,
      startAt,
      startAt,
    )
    .run();
  return id;
}

export async function insertCase(
  clinic: Clinic,
  counselor: Member,
  openedAt: number,
  options: { channel?: string; closedAt?: number; status?: 'intake' | 'active' | 'closed' } = {},
): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO cases (id, client_id, primary_counselor_id, status, service_type, channel, opened_at,
       closed_at, log_head, created_by) VALUES (?, ?, ?, ?, 'individual', ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      clinic.clientId,
      counselor.account.id,
      options.status ?? (options.closedAt ? 'closed' : 'active'),
      options.channel ?? 'website',
      openedAt,
      options.closedAt ?? null,
      '00'.repeat(32),
      counselor.account.id,
    )
    .run();
  return id;
}

export async function insertPayment(
  counselor: Member,
  serviceId: string,
  paidAt: number,
  amount: number,
  options: { refunded?: number; appointmentId?: string } = {},
): Promise<void> {
  const refunded = options.refunded ?? 0;
  await env.DB.prepare(
    `INSERT INTO payments (id, provider, provider_ref, amount, currency, refunded_amount, status,
       service_id, counselor_id, appointment_id, paid_at, created_at)
     VALUES (?, 'stripe', ?, ?, 'cny', ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      crypto.randomUUID(),
      `pi_${crypto.randomUUID()}`,
      amount,
      refunded,
      refunded === 0 ? 'paid' : refunded < amount ? 'partially_refunded' : 'refunded',
      serviceId,
      counselor.account.id,
      options.appointmentId ?? null,
      paidAt,
      paidAt,
    )
    .run();
}

export async function insertService(name: string, serviceType: string, feeCents: number): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO services (id, name, service_type, duration_minutes, fee_cents, created_at)
     VALUES (?, ?, ?, 90, ?, 0)`,
  )
    .bind(id, name, serviceType, feeCents)
    .run();
  return id;
}

export async function insertBookingRequest(
  clinic: Clinic,
  channel: string,
  status: 'new' | 'screening' | 'scheduled' | 'declined',
  createdAt: number,
): Promise<void> {
  const group = await env.DB.prepare('SELECT id FROM groups LIMIT 1').first<{ id: string }>();
  let groupId = group?.id;
  if (!groupId) {
    groupId = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO groups (id, name, x25519_pk, created_by, created_at) VALUES (?, 'frontdesk', 'pk', ?, 0)`,
    )
      .bind(groupId, clinic.desk.account.id)
      .run();
  }
  await env.DB.prepare(
    `INSERT INTO booking_requests (id, group_id, group_epoch, enc, ct, channel, status, created_at)
     VALUES (?, ?, 0, 'opaque', 'opaque', ?, ?, ?)`,
  )
    .bind(crypto.randomUUID(), groupId, channel, status, createdAt)
    .run();
}

/** A client's portal submission of `form` with its operational part. */
export async function insertSubmission(
  caseId: string,
  author: Member,
  form: string,
  operational: Record<string, unknown>,
  submittedAt: number,
): Promise<void> {
  const linkId = crypto.randomUUID();
  const submissionId = crypto.randomUUID();
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO portal_links (id, case_id, form, epoch, token_hash, submission_id, created_by, created_at,
         expires_at, submitted_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
    ).bind(
      linkId,
      caseId,
      form,
      crypto.randomUUID(),
      submissionId,
      author.account.id,
      submittedAt,
      submittedAt + 7 * 24 * 60 * MINUTE,
      submittedAt,
    ),
    env.DB.prepare(
      `INSERT INTO portal_submissions (id, link_id, case_id, form, epoch, enc, ct, operational, submitted_at)
       VALUES (?, ?, ?, ?, 0, 'opaque', 'opaque', ?, ?)`,
    ).bind(submissionId, linkId, caseId, form, JSON.stringify(operational), submittedAt),
  ]);
}

let recordSeq = 0;

/** A signed case record's operational row (the envelope is opaque to reports). */
export async function insertRecord(
  caseId: string,
  author: Member,
  form: string,
  createdAt: number,
  options: { recordId?: string; rev?: number } = {},
): Promise<string> {
  const recordId = options.recordId ?? crypto.randomUUID();
  recordSeq += 1;
  await env.DB.prepare(
    `INSERT INTO case_records (case_id, record_id, rev, form, author_id, epoch, envelope, seq, created_at)
     VALUES (?, ?, ?, ?, ?, 0, 'opaque', ?, ?)`,
  )
    .bind(caseId, recordId, options.rev ?? 1, form, author.account.id, recordSeq, createdAt)
    .run();
  return recordId;
}

export async function insertException(
  counselor: Member,
  localDate: string,
  kind: 'blocked' | 'extra',
  startMinute: number,
  endMinute: number,
): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO availability_exceptions (id, counselor_id, local_date, kind, start_minute, end_minute, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 0)`,
  )
    .bind(crypto.randomUUID(), counselor.account.id, localDate, kind, startMinute, endMinute)
    .run();
}
