import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { openDb } from '../../../worker/db/client.js';
import type { Email, EmailSender } from '../../../worker/email.js';
import worker from '../../../worker/index.js';
import { processOutbox } from '../../../worker/rules/engine.js';
import { eventStatement, type OutboxEvent } from '../../../worker/rules/outbox.js';
import { caseWrap, type OpenCase, openCase, recipientOf } from './case-files.js';
import { DAY } from './clock.js';
import { addMember, type Member, type Organization, setUpOrganization } from './scenario.js';

export const db = () => openDb(env.DB);

/** The Cron Trigger firing at `scheduledTime`: the controlled clock of every scan. */
export async function runCron(scheduledTime: number): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime, cron: '*/15 * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** The next `hour`:00 UTC after `from` (01:00 UTC is 09:00 in Shanghai, when the shipped daily rule runs). */
export function nextUtcHour(hour: number, from = Date.now()): number {
  const day = new Date(from);
  const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
  return at > from ? at : at + DAY;
}

/** What another route (scheduling, the portal) does: append an event in a batch of its own. */
export async function appendEvent(event: OutboxEvent, now = Date.now()): Promise<void> {
  await db().batch([eventStatement(db(), event, now)]);
}

/** The outside world for mail: fails the first `failures` sends, then keeps what it is given. */
export function flakySender(failures: number): EmailSender & { sent: Email[] } {
  let left = failures;
  const sent: Email[] = [];
  return {
    sent,
    async send(email) {
      if (left > 0) {
        left -= 1;
        throw new Error('mail provider unavailable');
      }
      sent.push(email);
    },
  };
}

export const drain = (sender: EmailSender, now = Date.now()) => processOutbox(db(), { sender }, now);

/** The case as it would be after `ms` without a record: it opened and was last written earlier. */
export async function ageCase(caseId: string, ms: number): Promise<void> {
  await env.DB.batch([
    env.DB.prepare('UPDATE cases SET opened_at = opened_at - ?1 WHERE id = ?2').bind(ms, caseId),
    env.DB.prepare('UPDATE case_records SET created_at = created_at - ?1 WHERE case_id = ?2').bind(
      ms,
      caseId,
    ),
  ]);
}

/** Request → approval → the counselor's browser delivers the supervisor a read wrap for a day. */
export async function grantSupervisor(
  center: Organization,
  file: OpenCase,
  counselor: Member,
  supervisor: Member,
) {
  const requestId = crypto.randomUUID();
  const requested = await supervisor.browser.post(`/api/cases/${file.caseId}/access-requests`, {
    id: requestId,
    reason: 'supervision',
    perm: 'read',
    durationMs: DAY,
  });
  if (requested.status !== 201) throw new Error(`request failed: ${JSON.stringify(requested.body)}`);
  await counselor.browser.post(`/api/access-requests/${requestId}/decision`, { decision: 'approve' });
  const expiresAt = Date.now() + DAY;
  const wrap = caseWrap({
    orgId: center.org.id,
    caseId: file.caseId,
    epoch: file.epoch,
    granter: counselor.account,
    to: recipientOf(supervisor.account),
    perm: 'read',
    expiresAt,
    key: file.key,
  });
  const res = await counselor.browser.post(`/api/cases/${file.caseId}/grants`, {
    epoch: file.epoch,
    requestId,
    wrap,
  });
  if (res.status !== 201) throw new Error(`grant failed: ${JSON.stringify(res.body)}`);
  return { grantId: res.body.id as string, expiresAt };
}

export async function notificationsOf(member: Member) {
  const res = await member.browser.get('/api/notifications');
  if (res.status !== 200) throw new Error(`notifications failed: ${JSON.stringify(res.body)}`);
  return res.body as {
    unread: number;
    notifications: {
      id: string;
      title: string;
      eventType: string;
      caseId: string | null;
      subject: string;
      readAt: number | null;
    }[];
  };
}

export async function runsOf(admin: Member['browser'], ruleId?: string) {
  const res = await admin.get(`/api/rules/runs${ruleId ? `?ruleId=${ruleId}` : ''}`);
  if (res.status !== 200) throw new Error(`runs failed: ${JSON.stringify(res.body)}`);
  return res.body.runs as {
    ruleId: string;
    outcome: string;
    attempt: number;
    error: string | null;
    actions: { kind: string; outcome: string; detail?: string }[];
  }[];
}

export async function installShipped(center: Organization) {
  const res = await center.adminBrowser.post('/api/rules/shipped', { locale: 'en' });
  if (res.status !== 201) throw new Error(`install failed: ${JSON.stringify(res.body)}`);
  const rules = res.body.installed as { id: string; template: string }[];
  return (template: string) => {
    const rule = rules.find((candidate) => candidate.template === template);
    if (!rule) throw new Error(`no shipped rule ${template}`);
    return rule.id;
  };
}

/** A small event rule, as the editor would send it. */
export function eventRule(event: string, actions: unknown[], overrides: object = {}) {
  return {
    name: `On ${event}`,
    trigger: { kind: 'event', event },
    condition: true,
    actions,
    dedupDays: 0,
    ...overrides,
  };
}

/** A center with one counselor and one open case of theirs. */
export async function centerWithCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  return { center, counselor, file };
}

export async function addRule(center: Organization, rule: object): Promise<string> {
  const res = await center.adminBrowser.post('/api/rules', rule);
  if (res.status !== 201) throw new Error(`rule failed: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const notifyCounselor = { kind: 'notify', to: [{ kind: 'relation', relation: 'primary_counselor' }] };
