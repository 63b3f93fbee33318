import type { ActionResult } from '../../core/api/rules.js';
import type { RuleAction } from '../../core/rules/model.js';
import type { Db } from '../db/client.js';
import { notifications, type RuleEventRow, type RuleRow, tasks } from '../db/rules-schema.js';
import type { EmailSender } from '../email.js';
import { usersById } from '../people.js';
import { enqueueWebhookEvent } from '../webhooks/outbound.js';
import { type RecipientContext, resolveRecipients } from './recipients.js';
import { startWorkflow } from './start-workflow.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RulesDeps {
  /** The outside world for mail (worker/email.ts); tests pass one that fails on purpose. */
  sender: EmailSender;
}

export interface ActionContext extends RecipientContext {
  db: Db;
  deps: RulesDeps;
  rule: RuleRow;
  event: RuleEventRow;
  /** The event type people see: the schedule's matches read as 'schedule'. */
  eventType: string;
  now: number;
}

/**
 * The mail says which rule fired, for which case id, when — never what the case holds (issue 8:
 * no clinical content in any notification).
 */
export function notificationEmail(
  rule: Pick<RuleRow, 'name'>,
  eventType: string,
  caseId: string | null,
  at: number,
) {
  const lines = [
    `规则 Rule: ${rule.name}`,
    `事件 Event: ${eventType}`,
    ...(caseId ? [`个案 Case: ${caseId}`] : []),
    `时间 Time: ${new Date(at).toISOString()}`,
    '',
    '请登录默契 Tacit 查看。Sign in to Tacit to see it.',
  ];
  return { subject: `[Tacit] ${rule.name}`, body: lines.join('\n') };
}

/** Idempotent per event, rule and action: a retried action never notifies or files twice. */
const sourceOf = (context: ActionContext, index: number) => `${context.event.id}:${context.rule.id}:${index}`;

async function notify(
  context: ActionContext,
  action: Extract<RuleAction, { kind: 'notify' }>,
  index: number,
) {
  const { db, event, rule, now } = context;
  const userIds = await resolveRecipients(db, action.to, context);
  if (userIds.length === 0) return { kind: action.kind, outcome: 'no_recipient' } as const;
  const source = sourceOf(context, index);
  const [first, ...rest] = userIds.map((userId) =>
    db
      .insert(notifications)
      .values({
        id: crypto.randomUUID(),
        userId,
        ruleId: rule.id,
        source,
        title: rule.name,
        eventType: context.eventType,
        caseId: event.caseId,
        subject: event.subject,
        createdAt: now,
      })
      .onConflictDoNothing(),
  );
  if (first) await db.batch([first, ...rest]);
  if (action.email) {
    const people = await usersById(db, userIds);
    const mail = notificationEmail(rule, context.eventType, event.caseId, event.createdAt);
    for (const userId of userIds) {
      const to = people.get(userId)?.email;
      if (to) await context.deps.sender.send({ to, ...mail });
    }
  }
  return { kind: action.kind, outcome: 'done', detail: `${userIds.length}` } as const;
}

async function createTask(
  context: ActionContext,
  action: Extract<RuleAction, { kind: 'create_task' }>,
  index: number,
): Promise<ActionResult> {
  const { db, event, rule, now } = context;
  const assignee =
    action.assignee.kind === 'role'
      ? { assigneeUserId: null, assigneeRole: action.assignee.role }
      : {
          assigneeUserId: (await resolveRecipients(db, [action.assignee], context))[0] ?? null,
          assigneeRole: null,
        };
  if (!assignee.assigneeUserId && !assignee.assigneeRole)
    return { kind: action.kind, outcome: 'no_recipient' };
  await db
    .insert(tasks)
    .values({
      id: crypto.randomUUID(),
      title: action.title,
      ...assignee,
      caseId: event.caseId,
      dueAt: now + action.dueInDays * DAY_MS,
      status: 'open',
      sourceRuleId: rule.id,
      source: sourceOf(context, index),
      createdAt: now,
    })
    .onConflictDoNothing();
  return { kind: action.kind, outcome: 'done' };
}

/** A signed 'rule.fired' webhook to every subscribed endpoint (issue 10 delivers and retries it). */
async function sendWebhook(
  context: ActionContext,
  action: Extract<RuleAction, { kind: 'send_webhook' }>,
): Promise<ActionResult> {
  const { db, event, rule, now } = context;
  const queued = await enqueueWebhookEvent(
    db,
    'rule.fired',
    {
      name: action.event,
      ruleId: rule.id,
      eventId: event.id,
      eventType: context.eventType,
      subject: event.subject,
      caseId: event.caseId,
    },
    now,
  );
  if (queued.length === 0) return { kind: action.kind, outcome: 'no_recipient' };
  return { kind: action.kind, outcome: 'done', detail: `${queued.length}` };
}

/** Runs one action; a failure is a result (retried later), never an exception. */
export async function runAction(
  context: ActionContext,
  action: RuleAction,
  index: number,
): Promise<ActionResult> {
  try {
    switch (action.kind) {
      case 'notify':
        return await notify(context, action, index);
      case 'create_task':
        return await createTask(context, action, index);
      case 'start_workflow':
        return await startWorkflow(context, action, sourceOf(context, index));
      case 'send_webhook':
        return await sendWebhook(context, action);
    }
  } catch (error) {
    return {
      kind: action.kind,
      outcome: 'failed',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
