import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { advance, type Resume, WorkflowStuck } from '../../core/workflows/engine.js';
import type { WorkflowData } from '../../core/workflows/model.js';
import { type AuditRecord, commitAudited } from '../audit.js';
import { type Db, isUniqueViolation } from '../db/client.js';
import { notifications, tasks } from '../db/rules-schema.js';
import {
  type WorkflowDefinitionRow,
  type WorkflowInstanceRow,
  workflowHistory,
  workflowInstances,
  workflowTimers,
} from '../db/workflow-schema.js';
import { ApiError } from '../errors.js';
import { recipients, resolveAssignee } from './assignees.js';

const HOUR = 3_600_000;

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
 * batch. History row seq + 1 is the lock: of two racing transitions only one can insert it.
 * Task and notification sources name the transition, so nothing is ever created twice.
 */
export async function transition(db: Db, input: TransitionInput): Promise<WorkflowInstanceRow> {
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
      const who = await resolveAssignee(db, effect.node.assignee, next);
      const dueAt = effect.node.dueInHours ? now + Math.round(effect.node.dueInHours * HOUR) : null;
      created.push(
        db.insert(tasks).values({
          id: crypto.randomUUID(),
          title: effect.node.label,
          assigneeUserId: 'userId' in who ? who.userId : null,
          assigneeRole: 'role' in who ? who.role : null,
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
      const to = await recipients(db, await resolveAssignee(db, effect.node.to, next));
      for (const userId of to) {
        created.push(
          db.insert(notifications).values({
            id: crypto.randomUUID(),
            userId,
            source: `workflow:${instance.id}:${seq}:${effect.node.id}`,
            title: effect.node.label,
            eventType: 'workflow.notification',
            caseId: next.caseId,
            subject: instance.id,
            createdAt: now,
          }),
        );
      }
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
  try {
    await commitAudited(db, input.orgId, input.audit, () => [
      instanceWrite,
      db.insert(workflowHistory).values({
        instanceId: instance.id,
        seq,
        at: now,
        actor: input.actor,
        kind: input.kind,
        nodeId: input.nodeId,
        visited: step.visited,
      }),
      ...input.closing,
      ...created,
    ]);
  } catch (error) {
    if (isUniqueViolation(error, 'workflow_history')) {
      throw new ApiError(409, 'workflow_moved_on', 'this workflow moved on meanwhile; reload and try again');
    }
    throw error;
  }
  return next;
}
