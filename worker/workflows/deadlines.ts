import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { isTaskNode } from '../../core/workflows/model.js';
import { commitAudited } from '../audit.js';
import type { Db } from '../db/client.js';
import { notifications, type TaskRow, tasks } from '../db/rules-schema.js';
import { workflowDefinitions, workflowInstances } from '../db/workflow-schema.js';
import { assigneeSql, recipients, taskAssignee } from './assignees.js';

/**
 * Deadlines of workflow steps on the Cron Trigger (issue 6): the assignee is reminded
 * `remindBeforeHours` before the due date, and an overdue step is escalated to whom the step
 * names. Each is one batch with its audit event and happens once: the notification's source
 * names the task, and the task records when it was done.
 */

const PER_RUN = 100;

const assigneesOf = (db: Db, task: TaskRow) => recipients(db, taskAssignee(task));

async function announce(
  db: Db,
  orgId: string,
  task: TaskRow,
  kind: 'reminder' | 'escalation',
  to: string[],
  now: number,
): Promise<void> {
  const title = kind === 'reminder' ? `提醒 Reminder: ${task.title}` : `逾期 Overdue: ${task.title}`;
  const stamp =
    kind === 'reminder'
      ? db
          .update(tasks)
          .set({ remindedAt: now })
          .where(and(eq(tasks.id, task.id), isNull(tasks.remindedAt)))
      : db
          .update(tasks)
          .set({ escalatedAt: now })
          .where(and(eq(tasks.id, task.id), isNull(tasks.escalatedAt)));
  await commitAudited(
    db,
    orgId,
    {
      actor: null,
      type: kind === 'reminder' ? 'workflow.task_reminded' : 'workflow.task_escalated',
      subject: task.workflowInstanceId,
      details: { taskId: task.id, to },
    },
    () => [
      stamp,
      ...to.map((userId) =>
        db
          .insert(notifications)
          .values({
            id: crypto.randomUUID(),
            userId,
            source: `workflow-${kind}:${task.id}`,
            title,
            eventType: `workflow.${kind}`,
            caseId: task.caseId,
            subject: task.workflowInstanceId ?? task.id,
            createdAt: now,
          })
          .onConflictDoNothing(),
      ),
    ],
  );
}

async function escalationTargets(db: Db, task: TaskRow): Promise<string[]> {
  const [row] = await db
    .select({ instance: workflowInstances, graph: workflowDefinitions.graph })
    .from(workflowInstances)
    .innerJoin(workflowDefinitions, eq(workflowDefinitions.id, workflowInstances.definitionId))
    .where(eq(workflowInstances.id, task.workflowInstanceId as string));
  const node = row?.graph.nodes.find((one) => one.id === task.workflowNodeId);
  if (!row || !node || !isTaskNode(node) || !node.escalateTo) return [];
  return recipients(db, assigneeSql(node.escalateTo, row.instance, task));
}

export async function remindAndEscalate(db: Db, orgId: string, now: number): Promise<void> {
  const open = eq(tasks.status, 'open');
  const toRemind = await db
    .select()
    .from(tasks)
    .where(and(open, isNotNull(tasks.remindAt), lte(tasks.remindAt, now), isNull(tasks.remindedAt)))
    .limit(PER_RUN);
  for (const task of toRemind) {
    try {
      await announce(db, orgId, task, 'reminder', await assigneesOf(db, task), now);
    } catch (error) {
      console.error('workflow reminder', task.id, error instanceof Error ? error.message : error);
    }
  }
  const toEscalate = await db
    .select()
    .from(tasks)
    .where(and(open, isNotNull(tasks.escalateAt), lte(tasks.escalateAt, now), isNull(tasks.escalatedAt)))
    .limit(PER_RUN);
  for (const task of toEscalate) {
    try {
      await announce(db, orgId, task, 'escalation', await escalationTargets(db, task), now);
    } catch (error) {
      console.error('workflow escalation', task.id, error instanceof Error ? error.message : error);
    }
  }
}
