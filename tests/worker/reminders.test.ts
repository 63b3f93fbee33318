import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../worker/db/client.js';
import { collectCounselorReminders, runScheduleReminders } from '../../worker/reminders.js';
import { Browser } from './support/client.js';
import { installShipped, runCron } from './support/rules.js';
import { booking, DAY, HOUR, MINUTE, openClinic, put } from './support/schedule.js';

const onGrid = (ms: number) => Math.floor(ms / (5 * MINUTE)) * 5 * MINUTE;

async function outbox() {
  const res = await new Browser().get('/api/dev/outbox');
  return res.body.emails as { to: string; subject: string; body: string }[];
}

describe('reminders 24 hours ahead', () => {
  it('reminds the counselor in the app once, and only of appointments within 24 hours', async () => {
    const clinic = await openClinic();
    const soon = onGrid(Date.now() + 3 * HOUR);
    const later = onGrid(Date.now() + 2 * DAY);
    const due = (await clinic.desk.browser.post('/api/schedule/appointments', booking(clinic, soon))).body
      .appointments[0];
    await clinic.desk.browser.post('/api/schedule/appointments', booking(clinic, later));
    expect((await clinic.counselor.browser.get('/api/schedule/reminders')).body.appointments).toEqual([]);

    await runScheduleReminders(env, Date.now());
    const mine = await clinic.counselor.browser.get('/api/schedule/reminders');
    expect(mine.body.appointments.map((a: { id: string }) => a.id)).toEqual([due.id]);
    expect((await clinic.other.browser.get('/api/schedule/reminders')).body.appointments).toEqual([]);
    expect(await collectCounselorReminders(openDb(env.DB), Date.now())).toEqual([]);
    expect((await clinic.desk.browser.get('/api/schedule/reminders')).status).toBe(403);
  });

  it('emails a client only after they opted in, with the time and nothing clinical', async () => {
    const clinic = await openClinic();
    const soon = onGrid(Date.now() + 3 * HOUR);
    await clinic.desk.browser.post('/api/schedule/appointments', booking(clinic, soon));
    await clinic.desk.browser.post(
      '/api/schedule/appointments',
      booking(clinic, soon, {
        clientId: clinic.otherClientId,
        counselorId: clinic.other.account.id,
        roomId: clinic.otherRoomId,
      }),
    );
    const optIn = `/api/schedule/reminders/clients/${clinic.clientId}`;
    expect((await put(clinic.counselor.browser, optIn, { email: 'li@example.test' })).status).toBe(403);
    expect((await put(clinic.desk.browser, optIn, { email: 'not an email' })).status).toBe(400);
    expect((await put(clinic.desk.browser, optIn, { email: 'Li@Example.test' })).body).toEqual({
      optedIn: true,
      email: 'li@example.test',
    });
    const audit = await env.DB.prepare(
      "SELECT details FROM audit_events WHERE type = 'reminder.opt_in_changed'",
    ).first<{
      details: string;
    }>();
    expect(audit?.details).not.toContain('li@example.test');

    await runScheduleReminders(env, Date.now());
    await runScheduleReminders(env, Date.now());
    const reminders = (await outbox()).filter((email) => email.subject.includes('预约提醒'));
    expect(reminders.map((email) => email.to)).toEqual(['li@example.test']);
    const [email] = reminders;
    expect(email?.body).toContain('Harbor Counseling Center');
    for (const clinical of ['Individual', 'individual', clinic.counselor.account.displayName, 'Room 1']) {
      expect(email?.body).not.toContain(clinical);
    }
  });

  it('sends exactly one reminder per person through the whole cron, with every shipped rule installed', async () => {
    const clinic = await openClinic();
    await installShipped(clinic.center);
    const soon = onGrid(Date.now() + 5 * HOUR);
    const made = (await clinic.desk.browser.post('/api/schedule/appointments', booking(clinic, soon))).body
      .appointments[0];
    await put(clinic.desk.browser, `/api/schedule/reminders/clients/${clinic.clientId}`, {
      email: 'once@example.test',
    });
    const mailBefore = (await outbox()).length;

    // The quarter-hour trigger runs reminders, the rules engine and workflow timers together.
    for (const at of [Date.now(), Date.now() + 15 * MINUTE, Date.now() + 30 * MINUTE]) await runCron(at);

    const all = await outbox();
    // Newest first: what the cron runs sent.
    const mail = all.slice(0, all.length - mailBefore);
    expect(mail.filter((email) => email.to === 'once@example.test')).toHaveLength(1);
    expect(mail.filter((email) => email.to === clinic.counselor.account.email)).toEqual([]);
    const bell = (await clinic.counselor.browser.get('/api/notifications')).body.notifications as {
      eventType: string;
      subject: string;
    }[];
    expect(bell.map((note) => [note.eventType, note.subject])).toEqual([['appointment.upcoming', made.id]]);
    const panel = (await clinic.counselor.browser.get('/api/schedule/reminders')).body.appointments;
    expect(panel.map((a: { id: string }) => a.id)).toEqual([made.id]);
  });

  it('forgets the address when the client opts out', async () => {
    const clinic = await openClinic();
    const optIn = `/api/schedule/reminders/clients/${clinic.clientId}`;
    await put(clinic.desk.browser, optIn, { email: 'li@example.test' });
    expect((await clinic.desk.browser.delete(optIn)).status).toBe(204);
    expect((await clinic.desk.browser.get(optIn)).body).toEqual({ optedIn: false, email: null });
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM client_reminder_addresses').first();
    expect(rows?.n).toBe(0);
    expect(
      (
        await put(clinic.desk.browser, `/api/schedule/reminders/clients/${crypto.randomUUID()}`, {
          email: 'a@b.test',
        })
      ).status,
    ).toBe(404);
  });
});

describe('reporting over appointments', () => {
  it('answers period reports from the covering index, without reading the table', async () => {
    const plan = await env.DB.prepare(
      `EXPLAIN QUERY PLAN SELECT counselor_id, status, count(*), sum(fee_cents), sum(end_at - start_at)
       FROM appointments WHERE start_at >= ?1 AND start_at < ?2 GROUP BY counselor_id, status`,
    )
      .bind(0, 1)
      .all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail).join(' | ');
    expect(details).toContain('USING COVERING INDEX appointments_for_reports');
    const conflict = await env.DB.prepare(
      `EXPLAIN QUERY PLAN SELECT 1 FROM appointments WHERE counselor_id = ?1 AND status <> 'cancelled'
       AND start_at > ?2 AND start_at < ?3 AND end_at > ?4`,
    )
      .bind('x', 0, 1, 0)
      .all<{ detail: string }>();
    expect(conflict.results.map((row) => row.detail).join(' | ')).toContain('appointments_by_counselor');
  });
});
