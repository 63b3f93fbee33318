import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  completeTaskSchema,
  type InstanceView,
  idParamSchema,
  startInstanceSchema,
  type WorkflowTaskView,
} from '../../core/api/workflows.js';
import { isTaskNode } from '../../core/workflows/model.js';
import type { Db } from '../db/client.js';
import { tasks } from '../db/rules-schema.js';
import { cases } from '../db/schema.js';
import { workflowDefinitions, workflowInstances } from '../db/workflow-schema.js';
import type { ActiveSession, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';
import { matchingFacts } from '../workflows/matching-facts.js';
import {
  completeTask,
  definitionOfInstanceQuery,
  historyQuery,
  type InstanceSnapshot,
  instanceQuery,
  judgeMyWorkflowTask,
  mine,
  myWorkflowTaskQuery,
  publishedDefinitionQuery,
  startInstance,
} from '../workflows/runtime.js';
import { instanceOfTask } from '../workflows/step-facts.js';

/** Everyone's side of the workflow engine: start a process, see and finish one's tasks. */
export const workflowRoutes = new Hono<AppEnv>();
workflowRoutes.use('*', requireSession);

const SHOWN = 200;
const OVERSEERS = ['admin', 'director'];

function instanceView({ instance, definition, history }: InstanceSnapshot): InstanceView {
  return {
    id: instance.id,
    definitionId: instance.definitionId,
    key: definition.key,
    version: definition.version,
    status: instance.status,
    waitingAt: instance.state.waiting,
    data: instance.data,
    caseId: instance.caseId,
    startedBy: instance.startedBy,
    startedAt: instance.startedAt,
    finishedAt: instance.finishedAt,
    history: history.map(({ seq, at, actor, kind, nodeId, visited }) => ({
      seq,
      at,
      actor,
      kind,
      nodeId,
      visited,
    })),
  };
}

/**
 * Who may start a process on a case: its primary counselor, or those who oversee the center; and
 * not while the same process already runs on it (a second 结案 or 督导 started by hand is a
 * double click, not a second closing). As statements for the start's read batch.
 */
const caseStartQueries = (db: Db, key: string, caseId: string) =>
  [
    db.select({ counselor: cases.primaryCounselorId }).from(cases).where(eq(cases.id, caseId)),
    db
      .select({ id: workflowInstances.id })
      .from(workflowInstances)
      .innerJoin(workflowDefinitions, eq(workflowDefinitions.id, workflowInstances.definitionId))
      .where(
        and(
          eq(workflowInstances.caseId, caseId),
          eq(workflowInstances.status, 'running'),
          eq(workflowDefinitions.key, key),
        ),
      )
      .limit(1),
  ] as const;

function judgeCaseStart(
  session: ActiveSession,
  [row]: readonly { counselor: string }[],
  [running]: readonly { id: string }[],
): void {
  if (!row) throw new ApiError(404, 'not_found', 'no such case');
  const overseer = session.user.roles.some((role) => [...OVERSEERS, 'supervisor'].includes(role));
  if (row.counselor !== session.user.id && !overseer) {
    throw new ApiError(403, 'forbidden', 'only the case’s counselor or a director starts a process on it');
  }
  if (running) throw new ApiError(409, 'already_running', 'this process already runs on this case');
}

workflowRoutes.post('/instances', jsonBody(startInstanceSchema), async (c) => {
  const { db, session } = c.var;
  const { key, caseId, data } = c.req.valid('json');
  const [[definition], caseRows, running] = await db.batch([
    publishedDefinitionQuery(db, key),
    // Without a case these find nothing, and nothing is judged.
    ...caseStartQueries(db, key, caseId ?? ''),
  ]);
  if (!definition) throw new ApiError(404, 'not_published', 'no published version of this process');
  if (caseId) judgeCaseStart(session, caseRows, running);
  const { instance, entry } = await startInstance(db, {
    orgId: session.org.id,
    definition,
    caseId: caseId ?? null,
    data,
    actor: session.user.id,
  });
  return c.json(instanceView({ instance, definition, history: [entry] }), 201);
});

workflowRoutes.get('/instances/:id', pathParams(idParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const [[instance], [definition], involved, history] = await db.batch([
    instanceQuery(db, id),
    definitionOfInstanceQuery(db, id),
    db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.workflowInstanceId, id), mine(session)))
      .limit(1),
    historyQuery(db, id),
  ]);
  const overseer = session.user.roles.some((role) => OVERSEERS.includes(role));
  if (!instance || (!overseer && instance.startedBy !== session.user.id && involved.length === 0)) {
    throw new ApiError(404, 'not_found', 'no such workflow instance');
  }
  return c.json(instanceView({ instance, definition: definition ?? { key: '', version: 0 }, history }));
});

const taskViewColumns = {
  task: tasks,
  process: workflowDefinitions.name,
  processKey: workflowDefinitions.key,
  graph: workflowDefinitions.graph,
  data: workflowInstances.data,
};

/** Workflow tasks with their process, step and data, in one statement. */
const taskViewsQuery = (db: Db) =>
  db
    .select(taskViewColumns)
    .from(tasks)
    .innerJoin(workflowInstances, eq(workflowInstances.id, tasks.workflowInstanceId))
    .innerJoin(workflowDefinitions, eq(workflowDefinitions.id, workflowInstances.definitionId));

type TaskViewRow = Awaited<ReturnType<ReturnType<typeof taskViewsQuery>['all']>>[number];

function toTaskView({ task, process, processKey, graph, data }: TaskViewRow): WorkflowTaskView {
  const node = graph.nodes.find((one) => one.id === task.workflowNodeId);
  return {
    id: task.id,
    title: task.title,
    step: task.workflowStep ?? 'form_task',
    action: node && isTaskNode(node) ? (node.action ?? null) : null,
    formKey: node?.type === 'form_task' ? (node.formKey ?? null) : null,
    process,
    processKey,
    data,
    instanceId: task.workflowInstanceId as string,
    caseId: task.caseId,
    assigneeUserId: task.assigneeUserId,
    assigneeRole: task.assigneeRole,
    dueAt: task.dueAt,
    status: task.status,
    outcome: task.outcome,
    createdAt: task.createdAt,
    completedAt: task.completedAt,
  };
}

workflowRoutes.get('/tasks', async (c) => {
  const { db, session } = c.var;
  const rows = await taskViewsQuery(db)
    .where(mine(session))
    .orderBy(
      desc(sql`${tasks.status} = 'open'`),
      asc(sql`coalesce(${tasks.dueAt}, 9e15)`),
      desc(tasks.createdAt),
    )
    .limit(SHOWN);
  const now = Date.now();
  const views = rows.map(toTaskView);
  const open = views.filter((task) => task.status === 'open');
  return c.json({
    tasks: views,
    open: open.length,
    overdue: open.filter((task) => task.dueAt !== null && task.dueAt < now).length,
  });
});

/** One of my tasks, open or done, as the step page opens it; someone else's is not found. */
workflowRoutes.get('/tasks/:id', pathParams(idParamSchema), async (c) => {
  const { db, session } = c.var;
  const [row] = await taskViewsQuery(db)
    .where(and(eq(tasks.id, c.req.valid('param').id), mine(session)))
    .limit(1);
  if (!row) throw new ApiError(404, 'not_found', 'no such task');
  return c.json(toTaskView(row));
});

/** The facts the matching step's browser ranks counselors by; only for that step's assignee. */
workflowRoutes.get('/tasks/:id/matching', pathParams(idParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const [taskRows, [instance], [definition]] = await db.batch([
    myWorkflowTaskQuery(db, session, id),
    instanceQuery(db, instanceOfTask(id)),
    definitionOfInstanceQuery(db, instanceOfTask(id)),
  ]);
  const task = judgeMyWorkflowTask(taskRows);
  if (!instance) throw new ApiError(404, 'not_found', 'no such workflow instance');
  const node = definition?.graph.nodes.find((one) => one.id === task.workflowNodeId);
  if (!node || !isTaskNode(node) || node.action !== 'match_counselor' || task.status !== 'open') {
    throw new ApiError(409, 'wrong_outcome', 'this is not an open matching step');
  }
  return c.json(await matchingFacts(db, session.org, instance.data));
});

workflowRoutes.post(
  '/tasks/:id/complete',
  pathParams(idParamSchema),
  jsonBody(completeTaskSchema),
  async (c) => {
    const { db, session } = c.var;
    const { id } = c.req.valid('param');
    return c.json(instanceView(await completeTask(db, session.org.id, session, id, c.req.valid('json'))));
  },
);
