import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../core/rules/dedup.js';
import { appendNote, openCase } from './support/case-files.js';
import { DAY, HOUR, MINUTE } from './support/clock.js';
import { countRows } from './support/database.js';
import {
  ageCase,
  appendEvent,
  drain,
  eventRule,
  flakySender,
  grantSupervisor,
  installShipped,
  nextUtcHour,
  notificationsOf,
  runCron,
  runsOf,
} from './support/rules.js';
import { addMember, assignSupervisor, type Member, setUpOrganization } from './support/scenario.js';

async function centerWithCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  return { center, counselor, file };
}

async function addRule(center: Awaited<ReturnType<typeof setUpOrganization>>, rule: object): Promise<string> {
  const res = await center.adminBrowser.post('/api/rules', rule);
  if (res.status !== 201) throw new Error(`rule failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const notifyCounselor = { kind: 'notify', to: [{ kind: 'relation', relation: 'primary_counselor' }] };

describe('the outbox', () => {
  it('stores a record-saved event with the record, and runs the rules on it after the commit', async () => {
    const { center, counselor, file } = await centerWithCase();
    await addRule(center, eventRule('record.saved', [notifyCounselor]));

    const { res } = await appendNote(file, counselor);

    expect(res.status).toBe(201);
    const events = await env.DB.prepare("SELECT * FROM rule_events WHERE type = 'record.saved'").all();
    expect(events.results).toHaveLength(1);
    expect(events.results[0]).toMatchObject({ case_id: file.caseId, subject: file.caseId });
    expect(events.results[0]?.processed_at).not.toBeNull();
    const { notifications, unread } = await notificationsOf(counselor);
    expect(unread).toBe(1);
    expect(notifications[0]).toMatchObject({
      eventType: 'record.saved',
      caseId: file.caseId,
      title: 'On record.saved',
    });
  });

  it('writes no event when the change is refused', async () => {
    const { counselor, file } = await centerWithCase();
    const before = await countRows('rule_events');

    const { res } = await appendNote(file, counselor, { rev: 2 });

    expect(res.status).toBe(409);
    expect(await countRows('rule_events')).toBe(before);
  });

  it('reports a case opened, its status changes and its closing', async () => {
    const { center, counselor, file } = await centerWithCase();
    const closedRule = await addRule(center, eventRule('case.closed', [notifyCounselor]));
    const activeRule = await addRule(
      center,
      eventRule('case.status_changed', [notifyCounselor], {
        condition: { '==': [{ var: 'event.to' }, 'active'] },
      }),
    );

    for (const status of ['active', 'closing', 'closed']) {
      expect((await counselor.browser.patch(`/api/cases/${file.caseId}`, { status })).status).toBe(200);
    }

    const types = await env.DB.prepare('SELECT type FROM rule_events ORDER BY type').all();
    expect(types.results.map((row) => row.type)).toEqual([
      'case.closed',
      'case.opened',
      'case.status_changed',
      'case.status_changed',
      'case.status_changed',
    ]);
    expect((await runsOf(center.adminBrowser, closedRule)).map((run) => run.outcome)).toEqual(['done']);
    expect((await runsOf(center.adminBrowser, activeRule)).map((run) => run.outcome)).toEqual(['done']);
    expect((await notificationsOf(counselor)).unread).toBe(2);
  });

  it('retries a failed action and loses nothing: the mail goes out once the provider is back', async () => {
    const { center, counselor, file } = await centerWithCase();
    const ruleId = await addRule(
      center,
      eventRule('survey.submitted', [{ ...notifyCounselor, email: true }], {
        condition: { '<': [{ var: 'event.operational.satisfaction' }, 3] },
      }),
    );
    const now = Date.now();
    await appendEvent(
      {
        type: 'survey.submitted',
        subject: file.caseId,
        caseId: file.caseId,
        payload: { form: 'satisfaction@1', operational: { satisfaction: 2 } },
      },
      now,
    );
    const sender = flakySender(1);

    await drain(sender, now);

    const [failed] = await runsOf(center.adminBrowser, ruleId);
    expect(failed).toMatchObject({
      outcome: 'failed',
      attempt: 1,
      error: 'notify: mail provider unavailable',
    });
    const pending = await env.DB.prepare('SELECT * FROM rule_events WHERE processed_at IS NULL').first();
    expect(pending).toMatchObject({ attempts: 1, next_attempt_at: now + MINUTE });
    expect(await drain(sender, now + 30_000)).toBe(0);

    await drain(sender, now + 2 * MINUTE);

    const runs = await runsOf(center.adminBrowser, ruleId);
    expect(runs.map((run) => [run.attempt, run.outcome])).toEqual([
      [2, 'done'],
      [1, 'failed'],
    ]);
    expect(sender.sent.map((mail) => mail.to)).toEqual([counselor.account.email]);
    expect((await notificationsOf(counselor)).notifications).toHaveLength(1);
    expect(await countRows('rule_events')).toBe(2);
    expect(
      await env.DB.prepare('SELECT count(*) AS n FROM rule_events WHERE processed_at IS NULL').first('n'),
    ).toBe(0);
  });

  it('re-runs only the failed action on a retry: the task it filed is not filed twice', async () => {
    const { center, file } = await centerWithCase();
    await addMember(center, ['frontdesk']);
    const ruleId = await addRule(
      center,
      eventRule('survey.submitted', [
        {
          kind: 'create_task',
          title: 'Care call',
          assignee: { kind: 'role', role: 'frontdesk' },
          dueInDays: 2,
        },
        { kind: 'notify', to: [{ kind: 'role', role: 'frontdesk' }], email: true },
      ]),
    );
    const now = Date.now();
    await appendEvent({ type: 'survey.submitted', subject: file.caseId, caseId: file.caseId }, now);
    const sender = flakySender(1);

    await drain(sender, now);
    await drain(sender, now + HOUR);

    const runs = await runsOf(center.adminBrowser, ruleId);
    expect(runs.map((run) => run.actions.map((action) => action.outcome))).toEqual([
      ['done', 'done'],
      ['done', 'failed'],
    ]);
    expect(await countRows('tasks')).toBe(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and keeps the error in the history`, async () => {
    const { center, file } = await centerWithCase();
    const ruleId = await addRule(center, eventRule('case.closed', [{ ...notifyCounselor, email: true }]));
    const now = Date.now();
    await appendEvent({ type: 'case.closed', subject: file.caseId, caseId: file.caseId }, now);
    const sender = flakySender(100);

    for (let attempt = 0; attempt < MAX_ATTEMPTS + 2; attempt++)
      await drain(sender, now + attempt * 2 * HOUR);

    const runs = await runsOf(center.adminBrowser, ruleId);
    expect(runs).toHaveLength(MAX_ATTEMPTS);
    expect(runs.every((run) => run.outcome === 'failed')).toBe(true);
    const event = await env.DB.prepare("SELECT * FROM rule_events WHERE type = 'case.closed'").first();
    expect(event?.processed_at).not.toBeNull();
    expect(event?.last_error).toContain('mail provider unavailable');
  });

  it('records "not available" for a workflow until the workflow engine exists', async () => {
    const { center, file } = await centerWithCase();
    const ruleId = await addRule(
      center,
      eventRule('case.closed', [{ kind: 'start_workflow', workflow: 'case-closing' }]),
    );

    await appendEvent({ type: 'case.closed', subject: file.caseId, caseId: file.caseId });
    await drain(flakySender(0));

    const [run] = await runsOf(center.adminBrowser, ruleId);
    expect(run?.outcome).toBe('done');
    expect(run?.actions).toEqual([
      {
        kind: 'start_workflow',
        outcome: 'not_available',
        detail: 'the workflow engine is not available yet',
      },
    ]);
  });

  it('queues a signed "rule.fired" webhook for each subscribed endpoint, with ids only', async () => {
    const { center, file } = await centerWithCase();
    const webhook = { kind: 'send_webhook', event: 'case-closed' };
    const ruleId = await addRule(center, eventRule('case.closed', [webhook]));
    await appendEvent({ type: 'case.closed', subject: file.caseId, caseId: file.caseId });
    await drain(flakySender(0));
    expect((await runsOf(center.adminBrowser, ruleId))[0]?.actions[0]?.outcome).toBe('no_recipient');
    const subscribed = await center.adminBrowser.post('/api/webhooks', {
      url: 'https://crm.example/hooks/tacit',
      eventTypes: ['rule.fired'],
    });
    expect(subscribed.status).toBe(201);

    await appendEvent({ type: 'case.closed', subject: file.caseId, caseId: file.caseId });
    await drain(flakySender(0));

    expect((await runsOf(center.adminBrowser, ruleId))[0]?.actions[0]).toEqual({
      kind: 'send_webhook',
      outcome: 'done',
      detail: '1',
    });
    const delivery = await env.DB.prepare('SELECT event_type, payload FROM webhook_deliveries').first<{
      event_type: string;
      payload: string;
    }>();
    expect(delivery?.event_type).toBe('rule.fired');
    expect(JSON.parse(delivery?.payload ?? '{}').data).toMatchObject({
      name: 'case-closed',
      ruleId,
      eventType: 'case.closed',
      caseId: file.caseId,
    });
  });
});

describe('de-duplication', () => {
  it('does not send the same reminder for the same case twice within the window', async () => {
    const { center, counselor, file } = await centerWithCase();
    const ruleId = await addRule(center, eventRule('record.saved', [notifyCounselor], { dedupDays: 3 }));

    await appendNote(file, counselor);
    await appendNote(file, counselor);

    expect((await runsOf(center.adminBrowser, ruleId)).map((run) => run.outcome)).toEqual([
      'deduplicated',
      'done',
    ]);
    expect((await notificationsOf(counselor)).unread).toBe(1);
  });
});

describe('the Cron Trigger', () => {
  /** The schedule's reminders only: a supervisor's one-day grant also warns of its end. */
  const remindersOf = async (member: Member) =>
    (await notificationsOf(member)).notifications.filter((note) => note.eventType === 'schedule');

  async function quietCase() {
    const { center, counselor, file } = await centerWithCase();
    const supervisor = await addMember(center, ['supervisor']);
    await appendNote(file, counselor);
    await counselor.browser.patch(`/api/cases/${file.caseId}`, { status: 'active' });
    const rule = await installShipped(center);
    await assignSupervisor(center, counselor, supervisor);
    await grantSupervisor(center, file, counselor, supervisor);
    return { center, counselor, supervisor, file, ruleId: rule('no-record-30-days') };
  }

  it('reminds the counselor and their assigned supervisor of an active case without a record for 30 days', async () => {
    const { counselor, supervisor, file } = await quietCase();
    await ageCase(file.caseId, 31 * DAY);

    await runCron(nextUtcHour(1));

    for (const person of [counselor, supervisor]) {
      const reminders = await remindersOf(person);
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({
        caseId: file.caseId,
        title: 'No record for 30 days on an active case',
      });
    }
    const mails = (await counselor.browser.get('/api/dev/outbox')).body.emails;
    expect(mails.filter((mail: { subject: string }) => mail.subject.includes('30 days'))).toHaveLength(2);
  });

  it('runs a daily rule only in its hour, and leaves a case written to recently alone', async () => {
    const { counselor, file } = await quietCase();

    await runCron(nextUtcHour(1));
    expect(await remindersOf(counselor)).toEqual([]);

    await ageCase(file.caseId, 31 * DAY);
    await runCron(nextUtcHour(2));
    expect(await remindersOf(counselor)).toEqual([]);
  });

  it('reminds again only after the de-duplication window (7 days)', async () => {
    const { center, counselor, file, ruleId } = await quietCase();
    await ageCase(file.caseId, 31 * DAY);
    const first = nextUtcHour(1);

    for (const day of [0, 1, 6, 7]) await runCron(first + day * DAY);

    expect(await remindersOf(counselor)).toHaveLength(2);
    expect((await runsOf(center.adminBrowser, ruleId)).map((run) => run.outcome)).toEqual(['done', 'done']);
  });

  it('warns the grantee and the owner once of a grant that ends within 24 hours', async () => {
    const { counselor, supervisor, file } = await quietCase();

    await runCron(Date.now() + 2 * HOUR);
    await runCron(Date.now() + 3 * HOUR);

    for (const person of [counselor, supervisor]) {
      const { notifications } = await notificationsOf(person);
      expect(notifications.filter((note) => note.eventType === 'grant.expiring')).toHaveLength(1);
      expect(notifications[0]?.caseId).toBe(file.caseId);
    }
  });

  it('says nothing of a grant that ends later than 24 hours from now', async () => {
    const { counselor } = await quietCase();

    await runCron(Date.now() - 2 * HOUR);

    expect(await countRows('rule_events')).toBeGreaterThan(0);
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM rule_events WHERE type = 'grant.expiring'").first('n'),
    ).toBe(0);
    expect((await notificationsOf(counselor)).unread).toBe(0);
  });

  it('retries from the cron what failed after the commit', async () => {
    const { center, counselor, file } = await centerWithCase();
    await addRule(center, eventRule('case.closed', [notifyCounselor]));
    const now = Date.now();
    await appendEvent({ type: 'case.closed', subject: file.caseId, caseId: file.caseId }, now);
    await env.DB.prepare('UPDATE rule_events SET attempts = 1, next_attempt_at = ?1')
      .bind(now + MINUTE)
      .run();

    await runCron(now + 2 * MINUTE);

    expect((await notificationsOf(counselor)).unread).toBe(1);
  });

  it('files overdue tasks as events for rules to escalate', async () => {
    const { center, file } = await centerWithCase();
    const frontdesk = await addMember(center, ['frontdesk']);
    await addRule(
      center,
      eventRule('survey.submitted', [
        {
          kind: 'create_task',
          title: 'Care call',
          assignee: { kind: 'user', id: frontdesk.account.id },
          dueInDays: 1,
        },
      ]),
    );
    await addRule(
      center,
      eventRule('task.overdue', [{ kind: 'notify', to: [{ kind: 'relation', relation: 'assignee' }] }]),
    );
    await appendEvent({ type: 'survey.submitted', subject: file.caseId, caseId: file.caseId });
    await drain(flakySender(0));

    await runCron(Date.now() + 2 * DAY);

    const { notifications } = await notificationsOf(frontdesk);
    expect(notifications.map((note) => note.eventType)).toEqual(['task.overdue']);
  });
});

describe('shipped rules on events other features report', () => {
  it('files a care task for the front desk when satisfaction is below 3', async () => {
    const { center, file } = await centerWithCase();
    const frontdesk = await addMember(center, ['frontdesk']);
    await installShipped(center);

    for (const satisfaction of [4, 2]) {
      await appendEvent({
        type: 'survey.submitted',
        subject: crypto.randomUUID(),
        caseId: file.caseId,
        payload: { form: 'satisfaction-survey@1', operational: { overall_satisfaction: satisfaction } },
      });
    }
    await drain(flakySender(0));

    const { tasks } = (await frontdesk.browser.get('/api/tasks')).body;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ caseId: file.caseId, assigneeRole: 'frontdesk', status: 'open' });
  });

  it('reminds the counselor of an appointment 24 hours ahead', async () => {
    const { center, counselor, file } = await centerWithCase();
    await installShipped(center);
    const appointmentId = crypto.randomUUID();

    await appendEvent({
      type: 'appointment.upcoming',
      subject: appointmentId,
      caseId: file.caseId,
      payload: { appointmentId, counselorId: counselor.account.id, hoursAhead: 23 },
    });
    await drain(flakySender(0));

    expect((await notificationsOf(counselor)).notifications[0]).toMatchObject({
      eventType: 'appointment.upcoming',
      subject: appointmentId,
    });
  });

  it('escalates an overdue supervision report to the directors and the counselor', async () => {
    const { center, counselor, file } = await centerWithCase();
    const director = await addMember(center, ['director']);
    await installShipped(center);

    await appendEvent({
      type: 'supervision.report_overdue',
      subject: crypto.randomUUID(),
      caseId: file.caseId,
      payload: { counselorId: counselor.account.id, daysOverdue: 3 },
    });
    await drain(flakySender(0));

    expect((await notificationsOf(director)).unread).toBe(1);
    expect((await notificationsOf(counselor)).unread).toBe(1);
  });
});
