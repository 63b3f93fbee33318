import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SHIPPED_WORKFLOWS } from '../../core/workflows/shipped.js';
import { appendNote } from './support/case-files.js';
import { DAY, HOUR, MINUTE } from './support/clock.js';
import { countRows } from './support/database.js';
import {
  addRule,
  ageCase,
  appendEvent,
  centerWithCase,
  drain,
  eventRule,
  flakySender,
  grantSupervisor,
  installShipped,
  nextUtcHour,
  notificationsOf,
  notifyCounselor,
  runCron,
  runsOf,
} from './support/rules.js';
import { addMember, assignSupervisor, type Member } from './support/scenario.js';
import { publishGraph, startProcess } from './support/workflows.js';

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

describe('daily rules on the center’s clock', () => {
  const midnightRule = {
    name: 'Midnight check',
    trigger: { kind: 'schedule', every: 'daily', hour: 0 },
    condition: true,
    actions: [notifyCounselor],
    dedupDays: 0,
  };
  const remindersOf = async (member: Member) =>
    (await notificationsOf(member)).notifications.filter((note) => note.title === 'Midnight check');

  it('runs a midnight rule at midnight in Shanghai by default, not at midnight UTC', async () => {
    const { center, counselor } = await centerWithCase();
    await addRule(center, midnightRule);
    const shanghaiMidnight = nextUtcHour(16);

    await runCron(shanghaiMidnight - 15 * MINUTE);
    await runCron(nextUtcHour(0, shanghaiMidnight));
    expect(await remindersOf(counselor)).toEqual([]);

    await runCron(shanghaiMidnight);
    await runCron(shanghaiMidnight + 45 * MINUTE);
    expect(await remindersOf(counselor)).toHaveLength(1);
  });

  it('follows the center’s time zone setting', async () => {
    const { center, counselor } = await centerWithCase();
    await addRule(center, midnightRule);
    const zone = await center.adminBrowser.put('/api/schedule/time-zone', { timeZone: 'Asia/Tokyo' });
    expect(zone.status).toBe(200);
    const tokyoMidnight = nextUtcHour(15);

    await runCron(nextUtcHour(16, tokyoMidnight));
    expect(await remindersOf(counselor)).toEqual([]);

    await runCron(tokyoMidnight);
    expect(await remindersOf(counselor)).toHaveLength(1);
  });
});

describe('supervision reports past their due time', () => {
  const supervision = SHIPPED_WORKFLOWS.find((workflow) => workflow.key === 'supervision');

  it('escalates once, with the shipped rule, when the supervision report step is overdue', async () => {
    const { center, counselor, file } = await centerWithCase();
    const director = await addMember(center, ['director']);
    await installShipped(center);
    if (!supervision) throw new Error('the supervision workflow is not shipped');
    await publishGraph(center.adminBrowser, 'supervision', supervision.graph);
    await startProcess(counselor.browser, 'supervision', { caseId: file.caseId });
    const escalations = async (member: Member) =>
      (await notificationsOf(member)).notifications.filter(
        (note) => note.eventType === 'supervision.report_overdue',
      );

    await runCron(Date.now() + 6 * DAY);
    expect(await escalations(director)).toEqual([]);

    await runCron(Date.now() + 8 * DAY);
    await runCron(Date.now() + 9 * DAY);

    for (const person of [director, counselor]) {
      const [escalation, ...more] = await escalations(person);
      expect(escalation).toMatchObject({
        caseId: file.caseId,
        title: 'Supervision report overdue: escalate',
      });
      expect(more).toEqual([]);
    }
  });

  it('does not take another overdue task for a supervision report', async () => {
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
    await appendEvent({ type: 'survey.submitted', subject: file.caseId, caseId: file.caseId });
    await drain(flakySender(0));

    await runCron(Date.now() + 2 * DAY);

    const types = await env.DB.prepare('SELECT type FROM rule_events ORDER BY type').all();
    expect(types.results.map((row) => row.type)).not.toContain('supervision.report_overdue');
    expect(types.results.map((row) => row.type)).toContain('task.overdue');
  });
});
