import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { advance, type Resume, WorkflowStuck } from '../../core/workflows/engine.js';
import type { WorkflowData } from '../../core/workflows/model.js';
import { type AuditRecord, commitAudited } from '../audit.js';
import { type Db, isUniqueViolation } from '../db/client.js';
import { notifications, tasks } from '../db/rules-schema.js';
import { users } from '../db/schema.js';
import {
  type WorkflowDefinitionRow,
  type WorkflowInstanceRow,
  workflowHistory,
  workflowInstances,
  workflowTimers,
} from '../db/workflow-schema.js';
import { ApiError } from '../errors.js';
import { assigneeSql, recipientsWhere } from './assignees.js';

const HOUR = 3_600_000;

/** A random (version 4) UUID per row, for rows the statement itself selects. */
const RANDOM_UUID = sql<string>`lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
  || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1)
  || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

export type WorkflowHistoryRow = typeof workflowHistory.$inferSelect;

export interface Transitioned {
  instance: WorkflowInstanceRow;
  /** The history row the transition added. */
  entry: WorkflowHistoryRow;
}

export interface TransitionInput {
  orgId: string;
  definition: WorkflowDefinitionRow;
  /** The instance as read; `seq` 0 and not yet stored when it is starting. */
  instance: WorkflowInstanceRow;
  resume: Resume;
  data: WorkflowData;
  actor: string | null;
  kind: 'started' | 'task_done' | 'timer_fired';
  nodeId: string | null;
  /** The transition's audit event, and those of any change `closing` makes. */
  audit: AuditRecord | readonly AuditRecord[];
  /** A case the step opened: the instance and its later tasks carry it. */
  caseId?: string;
  /** What closes the step being left (the task, the timer), in the same batch. */
  closing: BatchItem<'sqlite'>[];
}

/**
 * One transition: the engine's step, the instance's new state, its history row, the tasks,
 * timers and notifications it creates, the step it closes and the audit event, all in one D1
 * batch, which is also where assignees and recipients are resolved (in SQL). History row seq + 1
 * is the lock: of two racing transitions only one can insert it. Task and notification sources
 * name the transition, so nothing is ever created twice.
 */
export async function transition(db: Db, input: TransitionInput): Promise<Transitioned> {
  const { definition, instance, data } = input;
  const now = Date.now();
  let step: ReturnType<typeof advance>;
  try {
    step = advance(definition.graph, instance.state, data, input.resume, now);
  } catch (error) {
    if (error instanceof WorkflowStuck) throw new ApiError(409, 'workflow_stuck', error.message);
    throw error;
  }
  const seq = instance.seq + 1;
  const next: WorkflowInstanceRow = {
    ...instance,
    caseId: input.caseId ?? instance.caseId,
    state: step.state,
    data,
    seq,
    status: step.finished ? 'done' : 'running',
    finishedAt: step.finished ? now : null,
  };

  const created: BatchItem<'sqlite'>[] = [];
  for (const effect of step.effects) {
    if (effect.kind === 'task') {
      const who = assigneeSql(effect.node.assignee, next);
      const dueAt = effect.node.dueInHours ? now + Math.round(effect.node.dueInHours * HOUR) : null;
      created.push(
        db.insert(tasks).values({
          id: crypto.randomUUID(),
          title: effect.node.label,
          assigneeUserId: who.userId,
          assigneeRole: who.role,
          caseId: next.caseId,
          dueAt,
          remindAt:
            dueAt !== null && effect.node.remindBeforeHours
              ? dueAt - Math.round(effect.node.remindBeforeHours * HOUR)
              : null,
          escalateAt: dueAt !== null && effect.node.escalateTo ? dueAt : null,
          source: `workflow:${instance.id}:${seq}:${effect.node.id}`,
          createdAt: now,
          workflowInstanceId: instance.id,
          workflowNodeId: effect.node.id,
          workflowStep: effect.node.type,
        }),
      );
    } else if (effect.kind === 'timer') {
      created.push(
        db.insert(workflowTimers).values({
          id: crypto.randomUUID(),
          instanceId: instance.id,
          nodeId: effect.nodeId,
          fireAt: effect.fireAt,
        }),
      );
    } else {
      const source = `workflow:${instance.id}:${seq}:${effect.node.id}`;
      created.push(
        db.insert(notifications).select(
          db
            .select({
              id: RANDOM_UUID.as('id'),
              userId: users.id,
              ruleId: sql<null>`NULL`.as('rule_id'),
              source: sql<string>`${source}`.as('source'),
              title: sql<string>`${effect.node.label}`.as('title'),
              eventType: sql<string>`'workflow.notification'`.as('event_type'),
              caseId: sql<string | null>`${next.caseId}`.as('case_id'),
              subject: sql<string>`${instance.id}`.as('subject'),
              createdAt: sql<number>`${now}`.as('created_at'),
              readAt: sql<null>`NULL`.as('read_at'),
            })
            .from(users)
            .where(recipientsWhere(assigneeSql(effect.node.to, next))),
        ),
      );
    }
  }

  const instanceWrite =
    input.kind === 'started'
      ? db.insert(workflowInstances).values(next)
      : db
          .update(workflowInstances)
          .set({
            state: next.state,
            data,
            seq,
            status: next.status,
            finishedAt: next.finishedAt,
            caseId: next.caseId,
          })
          .where(and(eq(workflowInstances.id, instance.id), eq(workflowInstances.seq, instance.seq)));
  const entry: WorkflowHistoryRow = {
    instanceId: instance.id,
    seq,
    at: now,
    actor: input.actor,
    kind: input.kind,
    nodeId: input.nodeId,
    visited: step.visited,
  };
  try {
    await commitAudited(db, input.orgId, input.audit, () => [
      instanceWrite,
      db.insert(workflowHistory).values(entry),
      ...input.closing,
      ...created,
    ]);
  } catch (error) {
    if (isUniqueViolation(error, 'workflow_history')) {
      throw new ApiError(409, 'workflow_moved_on', 'this workflow moved on meanwhile; reload and try again');
    }
    throw error;
  }
  return { instance: next, entry };
}
