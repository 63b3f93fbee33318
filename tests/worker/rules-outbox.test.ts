import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../core/rules/dedup.js';
import { appendNote } from './support/case-files.js';
import { HOUR, MINUTE } from './support/clock.js';
import { countRows } from './support/database.js';
import {
  addRule,
  appendEvent,
  centerWithCase,
  drain,
  eventRule,
  flakySender,
  notificationsOf,
  notifyCounselor,
  runsOf,
} from './support/rules.js';
import { addMember } from './support/scenario.js';

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
