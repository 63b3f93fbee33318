import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { BOOKED_STATUSES } from '../core/api/appointments.js';
import type { Db } from './db/client.js';
import { openDb } from './db/client.js';
import { notifications } from './db/rules-schema.js';
import { appointments, clientReminderAddresses } from './db/schedule-schema.js';
import { org } from './db/schema.js';
import { type EmailSender, logOnlySender, outboxSender } from './email.js';
import type { Env } from './env.js';
import { institutionTimeZone } from './schedule-settings.js';

/**
 * Reminders 24 h ahead (issue 7). Each appointment is claimed once per audience by an UPDATE …
 * RETURNING, so overlapping cron runs never remind twice. The counselor's reminder is in the app
 * (a notification in the bell; their /schedule page lists claimed reminders); the client's is an
 * email, only to an address the client opted in with, and says only when — never the service, the
 * counselor or anything clinical.
 */

export const REMINDER_LEAD_MS = 24 * 3_600_000;

export interface CounselorReminder {
  appointmentId: string;
  caseId: string | null;
  counselorId: string;
  startAt: number;
  endAt: number;
  roomId: string | null;
}

function dueWindow(now: number) {
  return and(
    inArray(appointments.status, [...BOOKED_STATUSES]),
    gt(appointments.startAt, now),
    lte(appointments.startAt, now + REMINDER_LEAD_MS),
  );
}

/** Claims every counselor reminder now due and returns them. */
export async function collectCounselorReminders(db: Db, now: number): Promise<CounselorReminder[]> {
  return db
    .update(appointments)
    .set({ counselorRemindedAt: now })
    .where(and(dueWindow(now), isNull(appointments.counselorRemindedAt)))
    .returning({
      appointmentId: appointments.id,
      caseId: appointments.caseId,
      counselorId: appointments.counselorId,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      roomId: appointments.roomId,
    });
}

/** Claims the client reminders now due, for clients who opted in, with the address to use. */
export async function collectClientReminders(db: Db, now: number) {
  const claimed = await db
    .update(appointments)
    .set({ clientRemindedAt: now })
    .where(
      and(
        dueWindow(now),
        isNull(appointments.clientRemindedAt),
        sql`EXISTS (SELECT 1 FROM client_reminder_addresses r WHERE r.client_id = ${appointments.clientId})`,
      ),
    )
    .returning({ clientId: appointments.clientId, startAt: appointments.startAt });
  if (claimed.length === 0) return [];
  const clientIds = [...new Set(claimed.map((row) => row.clientId))];
  const addresses = [];
  // D1 binds at most 100 parameters per statement.
  for (let start = 0; start < clientIds.length; start += 90) {
    const chunk = clientIds.slice(start, start + 90);
    addresses.push(
      ...(await db
        .select()
        .from(clientReminderAddresses)
        .where(inArray(clientReminderAddresses.clientId, chunk))),
    );
  }
  const byClient = new Map(addresses.map((row) => [row.clientId, row.email]));
  return claimed.flatMap((row) => {
    const email = byClient.get(row.clientId);
    return email ? [{ email, startAt: row.startAt }] : [];
  });
}

const CLIENT_TEXT = {
  'zh-CN': {
    subject: (center: string) => `${center}：预约提醒`,
    body: (center: string, when: string) =>
      `您好，提醒您在 ${center} 的预约时间为 ${when}。如需改期，请联系前台。`,
  },
  en: {
    subject: (center: string) => `${center}: appointment reminder`,
    body: (center: string, when: string) =>
      `Hello, this is a reminder of your appointment at ${center} on ${when}. To change it, please contact the front desk.`,
  },
} as const;

export async function sendClientReminders(db: Db, sender: EmailSender, now: number): Promise<number> {
  const [center] = await db.select().from(org);
  if (!center) return 0;
  const due = await collectClientReminders(db, now);
  const locale = center.settings.locale === 'en' ? 'en' : 'zh-CN';
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: institutionTimeZone(center),
    dateStyle: 'full',
    timeStyle: 'short',
  });
  const text = CLIENT_TEXT[locale];
  for (const reminder of due) {
    await sender.send({
      to: reminder.email,
      subject: text.subject(center.name),
      body: text.body(center.name, format.format(new Date(reminder.startAt))),
    });
  }
  return due.length;
}

/** Notifications name the appointment and its time, never the client (issue 8's rule). */
const COUNSELOR_TITLE = '预约提醒 / Appointment reminder';

/**
 * The counselor's reminder in the notification center (the bell), once per claimed appointment:
 * the source key is unique per user, so a retried run adds nothing.
 */
export async function notifyCounselors(db: Db, reminders: readonly CounselorReminder[], now: number) {
  const rows = reminders.map((reminder) =>
    db
      .insert(notifications)
      .values({
        id: crypto.randomUUID(),
        userId: reminder.counselorId,
        ruleId: null,
        source: `reminder:${reminder.appointmentId}:${reminder.startAt}`,
        title: COUNSELOR_TITLE,
        eventType: 'appointment.upcoming',
        caseId: reminder.caseId,
        subject: reminder.appointmentId,
        createdAt: now,
      })
      .onConflictDoNothing(),
  );
  for (let start = 0; start < rows.length; start += 50) {
    const [first, ...rest] = rows.slice(start, start + 50);
    if (first) await db.batch([first, ...rest]);
  }
}

/**
 * The Cron Trigger's share for scheduling (wrangler.toml [triggers]): the one path for
 * appointment reminders, so nobody is reminded twice (no shipped rule sends them).
 */
export async function runScheduleReminders(env: Env, now: number): Promise<void> {
  const db = openDb(env.DB);
  await notifyCounselors(db, await collectCounselorReminders(db, now), now);
  await sendClientReminders(db, env.DEV_OUTBOX === '1' ? outboxSender(db) : logOnlySender, now);
}

/** A counselor's claimed, still upcoming reminders: what the app shows them. */
export async function myReminders(db: Db, counselorId: string, now: number) {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.counselorId, counselorId),
        dueWindow(now),
        sql`${appointments.counselorRemindedAt} IS NOT NULL`,
      ),
    )
    .orderBy(appointments.startAt);
}
