import { and, asc, desc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { initialState } from '../../core/workflows/engine.js';
import { isTaskNode, type WorkflowData } from '../../core/workflows/model.js';
import { isNotNull } from '../booking-guard.js';
import type { Db } from '../db/client.js';
import { type TaskRow, tasks } from '../db/rules-schema.js';
import {
  type WorkflowDefinitionRow,
  type WorkflowInstanceRow,
  workflowDefinitions,
  workflowHistory,
  workflowInstances,
  workflowTimers,
} from '../db/workflow-schema.js';
import type { ActiveSession } from '../env.js';
import { ApiError } from '../errors.js';
import { leaveJustDecided } from '../leave.js';
import { instanceOfTask, stepFactQueries, stepFacts } from './step-facts.js';
import { stepWrites } from './step-writes.js';
import { type Transitioned, transition, type WorkflowHistoryRow } from './transition.js';

/** Starting instances, completing their tasks and firing their timers (issue 6). */

export const publishedDefinitionQuery = (db: Db, key: string) =>
  db
    .select()
    .from(workflowDefinitions)
    .where(and(eq(workflowDefinitions.key, key), eq(workflowDefinitions.status, 'published')));

export async function publishedDefinition(db: Db, key: string): Promise<WorkflowDefinitionRow | undefined> {
  const [row] = await publishedDefinitionQuery(db, key);
  return row;
}

async function pinnedDefinition(db: Db, instance: WorkflowInstanceRow): Promise<WorkflowDefinitionRow> {
  const [row] = await db
    .select()
    .from(workflowDefinitions)
    .where(eq(workflowDefinitions.id, instance.definitionId));
  if (!row) throw new Error(`instance ${instance.id} lost its definition`);
  return row;
}

export interface StartInput {
  orgId: string;
  definition: WorkflowDefinitionRow;
  caseId: string | null;
  data: WorkflowData;
  actor: string | null;
  /** What started it when no person did (a rule's action), so a retry finds it. */
  subject?: string;
  /** Set when something other than a person starts it: one instance per key, ever. */
  triggerKey?: string;
}

/** A new instance of the definition's version — it stays on that version to its end. */
export function startInstance(db: Db, input: StartInput): Promise<Transitioned> {
  const id = crypto.randomUUID();
  const { definition } = input;
  return transition(db, {
    orgId: input.orgId,
    definition,
    instance: {
      id,
      definitionId: definition.id,
      status: 'running',
      state: initialState(),
      data: input.data,
      caseId: input.caseId,
      subject: input.subject ?? null,
      startedBy: input.actor,
      startedAt: Date.now(),
      seq: 0,
      finishedAt: null,
      triggerKey: input.triggerKey ?? null,
    },
    resume: { kind: 'start' },
    data: input.data,
    actor: input.actor,
    kind: 'started',
    nodeId: null,
    audit: {
      actor: input.actor,
      type: 'workflow.started',
      subject: id,
      details: { key: definition.key, version: definition.version, caseId: input.caseId },
    },
    closing: [],
  });
}

export const mine = (session: ActiveSession) =>
  or(eq(tasks.assigneeUserId, session.user.id), inArray(tasks.assigneeRole, session.user.roles));

/** One of my workflow tasks, as one statement for a read batch (see judgeMyWorkflowTask). */
export const myWorkflowTaskQuery = (db: Db, session: ActiveSession, id: string) =>
  db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), mine(session), sql`${tasks.workflowInstanceId} IS NOT NULL`));

export function judgeMyWorkflowTask(rows: readonly TaskRow[]): TaskRow {
  const [row] = rows;
  if (!row?.workflowInstanceId || !row.workflowNodeId) throw new ApiError(404, 'not_found', 'no such task');
  return row;
}

/** The instance `id` (or the one SQL names), its definition and its history, as statements for a read batch. */
export const instanceQuery = (db: Db, id: string | SQL) =>
  db.select().from(workflowInstances).where(eq(workflowInstances.id, id));

export const definitionOfInstanceQuery = (db: Db, instanceId: string | SQL) =>
  db
    .select()
    .from(workflowDefinitions)
    .where(
      eq(
        workflowDefinitions.id,
        sql`(SELECT definition_id FROM workflow_instances WHERE id = ${instanceId})`,
      ),
    );

export const historyQuery = (db: Db, instanceId: string | SQL) =>
  db
    .select()
    .from(workflowHistory)
    .where(eq(workflowHistory.instanceId, instanceId))
    .orderBy(asc(workflowHistory.seq));

export async function requireInstance(db: Db, id: string): Promise<WorkflowInstanceRow> {
  const [row] = await instanceQuery(db, id);
  if (!row) throw new ApiError(404, 'not_found', 'no such workflow instance');
  return row;
}

/** An instance as the workflow pages show it. */
export interface InstanceSnapshot {
  instance: WorkflowInstanceRow;
  definition: Pick<WorkflowDefinitionRow, 'key' | 'version'>;
  history: readonly WorkflowHistoryRow[];
}

export interface Completion {
  outcome: 'completed' | 'approved' | 'rejected';
  data: WorkflowData;
}

/**
 * Completes a task and moves its instance on. Repeating the same completion (a retried request)
 * changes nothing and answers as the first time did; a different one on a finished task is a
 * conflict. An approval's decision is the instance's `decision`, which edges test. The task, its
 * instance, definition and history, and whatever the step checks are read in one batch; the
 * transition is written in one more.
 */
export async function completeTask(
  db: Db,
  orgId: string,
  session: ActiveSession,
  taskId: string,
  completion: Completion,
): Promise<InstanceSnapshot> {
  const now = Date.now();
  const instanceId = instanceOfTask(taskId);
  const [taskRows, [instance], [definition], history, ...factRows] = await db.batch([
    myWorkflowTaskQuery(db, session, taskId),
    instanceQuery(db, instanceId),
    definitionOfInstanceQuery(db, instanceId),
    historyQuery(db, instanceId),
    ...stepFactQueries(db, { taskId, submitted: completion.data, userId: session.user.id, now }),
  ]);
  const task = judgeMyWorkflowTask(taskRows);
  if (!instance) throw new ApiError(404, 'not_found', 'no such workflow instance');
  if (!definition) throw new Error(`instance ${instance.id} lost its definition`);
  const approval = task.workflowStep === 'approval';
  if (approval === (completion.outcome === 'completed')) {
    throw new ApiError(
      422,
      'wrong_outcome',
      approval ? 'an approval is approved or rejected' : 'this step is completed, not approved or rejected',
    );
  }
  if (task.status === 'done') {
    if (task.outcome === completion.outcome) return { instance, definition, history };
    throw new ApiError(409, 'task_done', `this task was already ${task.outcome}`);
  }
  const node = definition.graph.nodes.find((one) => one.id === task.workflowNodeId);
  if (!node || !isTaskNode(node)) throw new Error(`task ${task.id} lost its step`);
  const asked = {
    ...instance.data,
    ...completion.data,
    ...(approval ? { decision: completion.outcome } : {}),
  };
  const writes = stepWrites({
    db,
    session,
    definition,
    instance,
    task,
    node,
    outcome: completion.outcome,
    data: asked,
    facts: stepFacts(factRows),
  });
  const data = { ...asked, ...writes.data };
  let moved: Transitioned;
  try {
    moved = await transition(db, {
      orgId,
      definition,
      instance,
      resume: { kind: 'resume', nodeId: task.workflowNodeId as string },
      data,
      actor: session.user.id,
      kind: 'task_done',
      nodeId: task.workflowNodeId,
      ...(writes.caseId && { caseId: writes.caseId }),
      audit: [
        {
          actor: session.user.id,
          type: 'workflow.task_done',
          subject: instance.id,
          details: { taskId: task.id, nodeId: task.workflowNodeId, outcome: completion.outcome },
        },
        ...writes.audit,
      ],
      // NULL unless still open: a task finished meanwhile aborts the whole batch.
      closing: [
        db
          .update(tasks)
          .set({
            status: sql`(CASE WHEN ${tasks.status} = 'open' THEN 'done' END)`,
            outcome: completion.outcome,
            completedAt: now,
            completedBy: session.user.id,
          })
          .where(eq(tasks.id, task.id)),
        ...writes.statements,
      ],
    });
  } catch (error) {
    if (isNotNull(error, 'tasks.status')) throw new ApiError(409, 'task_done', 'this task was just finished');
    throw leaveJustDecided(error);
  }
  // The new row is seq + 1 of the instance as read with this history: it follows it.
  return { instance: moved.instance, definition, history: [...history, moved.entry] };
}

const TIMERS_PER_RUN = 100;

/** The Cron Trigger's share: fires due timers. A timer fires once; a failed one is retried next run. */
export async function fireDueTimers(db: Db, orgId: string, now: number): Promise<number> {
  const due = await db
    .select()
    .from(workflowTimers)
    .where(and(isNull(workflowTimers.firedAt), lte(workflowTimers.fireAt, now)))
    .orderBy(asc(workflowTimers.fireAt))
    .limit(TIMERS_PER_RUN);
  let fired = 0;
  for (const timer of due) {
    try {
      const instance = await requireInstance(db, timer.instanceId);
      await transition(db, {
        orgId,
        definition: await pinnedDefinition(db, instance),
        instance,
        resume: { kind: 'resume', nodeId: timer.nodeId },
        data: instance.data,
        actor: null,
        kind: 'timer_fired',
        nodeId: timer.nodeId,
        audit: {
          actor: null,
          type: 'workflow.timer_fired',
          subject: instance.id,
          details: { nodeId: timer.nodeId },
        },
        closing: [
          db
            .update(workflowTimers)
            .set({ firedAt: sql`(CASE WHEN ${workflowTimers.firedAt} IS NULL THEN ${now} END)` })
            .where(eq(workflowTimers.id, timer.id)),
        ],
      });
      fired += 1;
    } catch (error) {
      console.error('workflow timer', timer.id, error instanceof Error ? error.message : error);
    }
  }
  return fired;
}

export async function latestVersion(db: Db, key: string): Promise<WorkflowDefinitionRow | undefined> {
  const [row] = await db
    .select()
    .from(workflowDefinitions)
    .where(eq(workflowDefinitions.key, key))
    .orderBy(desc(workflowDefinitions.version))
    .limit(1);
  return row;
}
