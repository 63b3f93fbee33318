import { and, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import { BOOKED_STATUSES } from '../../core/api/appointments.js';
import { holds } from '../../core/rules/conditions.js';
import { isDuplicate } from '../../core/rules/dedup.js';
import { SCHEDULE_MATCH } from '../../core/rules/events.js';
import type { Trigger } from '../../core/rules/model.js';
import { zonedParts } from '../../core/schedule/zoned-time.js';
import { SUPERVISION_REPORT_STEP } from '../../core/workflows/shipped.js';
import type { Db } from '../db/client.js';
import { ruleDedup, rules, tasks } from '../db/rules-schema.js';
import { appointments } from '../db/schedule-schema.js';
import { caseKeyWraps, cases } from '../db/schema.js';
import { workflowDefinitions, workflowInstances } from '../db/workflow-schema.js';
import { findOrg } from '../org.js';
import { institutionTimeZone } from '../schedule-settings.js';
import type { RulesDeps } from './actions.js';
import { conditionData, processOutbox } from './engine.js';
import { openCaseFacts } from './facts.js';
import { eventStatement, type OutboxEvent } from './outbox.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** A grant's holder and owner hear of its end this long before it. */
export const GRANT_WARNING_MS = DAY_MS;
const STATEMENTS_PER_BATCH = 50;
const MAX_PASSES = 20;

/** A daily rule's hour is the center's wall-clock hour (its time zone), not UTC's. */
export function isScheduleDue(trigger: Trigger, at: number, timeZone: string): boolean {
  if (trigger.kind !== 'schedule') return false;
  return trigger.every === 'hourly' || Math.floor(zonedParts(at, timeZone).minute / 60) === trigger.hour;
}

async function enqueue(db: Db, events: OutboxEvent[], now: number): Promise<void> {
  for (let start = 0; start < events.length; start += STATEMENTS_PER_BATCH) {
    const [first, ...rest] = events
      .slice(start, start + STATEMENTS_PER_BATCH)
      .map((event) => eventStatement(db, event, now));
    if (first) await db.batch([first, ...rest]);
  }
}

/** Schedule rules due this hour, over every open case; a match becomes an outbox event. */
async function scanSchedules(db: Db, now: number): Promise<OutboxEvent[]> {
  const center = await findOrg(db);
  if (!center) return [];
  const timeZone = institutionTimeZone(center);
  const scheduled = (
    await db
      .select()
      .from(rules)
      .where(and(eq(rules.triggerEvent, 'schedule'), eq(rules.enabled, true)))
  ).filter((rule) => isScheduleDue(rule.trigger, now, timeZone));
  if (scheduled.length === 0) return [];
  const facts = await openCaseFacts(db, now);
  const slot = Math.floor(now / HOUR_MS);
  const events: OutboxEvent[] = [];
  for (const rule of scheduled) {
    const fired = new Map(
      (await db.select().from(ruleDedup).where(eq(ruleDedup.ruleId, rule.id))).map((row) => [
        row.subject,
        row.firedAt,
      ]),
    );
    for (const caseFacts of facts) {
      if (isDuplicate(fired.get(caseFacts.id) ?? null, rule.dedupDays, now)) continue;
      if (!holds(rule.condition, conditionData('schedule', {}, caseFacts))) continue;
      events.push({
        type: SCHEDULE_MATCH,
        subject: caseFacts.id,
        caseId: caseFacts.id,
        payload: { ruleId: rule.id },
        dedupKey: `schedule:${rule.id}:${caseFacts.id}:${slot}`,
      });
    }
  }
  return events;
}

/** Live grants at a case's current epoch that end within the warning window, once per grant. */
async function scanExpiringGrants(db: Db, now: number): Promise<OutboxEvent[]> {
  const rows = await db
    .select({
      id: caseKeyWraps.id,
      caseId: caseKeyWraps.caseId,
      granteeId: caseKeyWraps.toUserId,
      expiresAt: caseKeyWraps.expiresAt,
      ownerId: cases.primaryCounselorId,
    })
    .from(caseKeyWraps)
    .innerJoin(cases, and(eq(cases.id, caseKeyWraps.caseId), eq(cases.currentEpoch, caseKeyWraps.epoch)))
    .where(
      and(
        // Literal terms, so SQLite can use the partial index case_key_wraps_by_expiry.
        sql`${caseKeyWraps.expiresAt} > 0 AND ${caseKeyWraps.revokedAt} IS NULL`,
        gt(caseKeyWraps.expiresAt, now),
        lte(caseKeyWraps.expiresAt, now + GRANT_WARNING_MS),
        ne(caseKeyWraps.toUserId, 'org-recovery'),
      ),
    );
  return rows.map((row) => ({
    type: 'grant.expiring',
    subject: row.id,
    caseId: row.caseId,
    payload: {
      grantId: row.id,
      granteeId: row.granteeId,
      ownerId: row.ownerId,
      expiresAt: row.expiresAt,
      hoursLeft: Math.floor((row.expiresAt - now) / HOUR_MS),
    },
    dedupKey: `grant.expiring:${row.id}`,
  }));
}

/** A booked appointment starting within the lead time, once per appointment (the shipped reminder). */
export const APPOINTMENT_LEAD_MS = DAY_MS;

async function scanUpcomingAppointments(db: Db, now: number): Promise<OutboxEvent[]> {
  const rows = await db
    .select({
      id: appointments.id,
      caseId: appointments.caseId,
      counselorId: appointments.counselorId,
      startAt: appointments.startAt,
    })
    .from(appointments)
    .where(
      and(
        gt(appointments.startAt, now),
        lte(appointments.startAt, now + APPOINTMENT_LEAD_MS),
        inArray(appointments.status, [...BOOKED_STATUSES]),
      ),
    );
  return rows.map((row) => ({
    type: 'appointment.upcoming',
    subject: row.id,
    caseId: row.caseId,
    payload: {
      appointmentId: row.id,
      counselorId: row.counselorId,
      startAt: row.startAt,
      hoursAhead: Math.floor((row.startAt - now) / HOUR_MS),
    },
    dedupKey: `appointment.upcoming:${row.id}`,
  }));
}

/**
 * Open tasks past their due time, once per task. A supervision workflow's report step
 * (SUPERVISION_REPORT_STEP) past due is also a `supervision.report_overdue`, once per task, for
 * the rule that escalates it.
 */
async function scanOverdueTasks(db: Db, now: number): Promise<OutboxEvent[]> {
  const rows = await db
    .select({ task: tasks, workflowKey: workflowDefinitions.key })
    .from(tasks)
    .leftJoin(workflowInstances, eq(workflowInstances.id, tasks.workflowInstanceId))
    .leftJoin(workflowDefinitions, eq(workflowDefinitions.id, workflowInstances.definitionId))
    .where(and(sql`${tasks.status} = 'open'`, lte(tasks.dueAt, now)));
  return rows.flatMap(({ task, workflowKey }) => {
    const payload = {
      taskId: task.id,
      assigneeId: task.assigneeUserId,
      dueAt: task.dueAt,
      daysOverdue: Math.floor((now - (task.dueAt ?? now)) / DAY_MS),
    };
    const overdue: OutboxEvent = {
      type: 'task.overdue',
      subject: task.id,
      caseId: task.caseId,
      payload,
      dedupKey: `task.overdue:${task.id}`,
    };
    const isReport =
      workflowKey === SUPERVISION_REPORT_STEP.workflow &&
      task.workflowNodeId === SUPERVISION_REPORT_STEP.node;
    if (!isReport) return [overdue];
    return [
      overdue,
      {
        type: 'supervision.report_overdue',
        subject: task.id,
        caseId: task.caseId,
        payload: { ...payload, counselorId: task.assigneeUserId },
        dedupKey: `supervision.report_overdue:${task.id}`,
      },
    ];
  });
}

/** The Cron Trigger's work: scan, enqueue, then drain the outbox (retries included). */
export async function runScheduledRules(db: Db, deps: RulesDeps, now: number): Promise<void> {
  const events = [
    ...(await scanSchedules(db, now)),
    ...(await scanExpiringGrants(db, now)),
    ...(await scanUpcomingAppointments(db, now)),
    ...(await scanOverdueTasks(db, now)),
  ];
  await enqueue(db, events, now);
  // Each pass takes one batch; failed events wait for their next attempt time, claimed ones for
  // their processor, so the passes end; a large backlog finishes at the next cron.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if ((await processOutbox(db, deps, now)) === 0) break;
  }
}
