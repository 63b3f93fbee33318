import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { taskIdParamSchema, updateTaskRequestSchema } from '../../core/api/notifications.js';
import type { Db } from '../db/client.js';
import { type TaskRow, tasks } from '../db/rules-schema.js';
import type { ActiveSession, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';

/**
 * The minimal task list rules file work into (issue 8); the workflow engine (issue 6) adopts it.
 * A task is someone's when it is assigned to them or to one of their roles.
 */
export const taskRoutes = new Hono<AppEnv>();
taskRoutes.use('*', requireSession);

const SHOWN = 200;

const mine = (session: ActiveSession) =>
  or(eq(tasks.assigneeUserId, session.user.id), inArray(tasks.assigneeRole, session.user.roles));

const toView = (row: TaskRow) => ({
  id: row.id,
  title: row.title,
  assigneeUserId: row.assigneeUserId,
  assigneeRole: row.assigneeRole,
  caseId: row.caseId,
  dueAt: row.dueAt,
  status: row.status,
  createdAt: row.createdAt,
  completedAt: row.completedAt,
});

async function requireMyTask(db: Db, session: ActiveSession, id: string): Promise<TaskRow> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), mine(session)));
  if (!row) throw new ApiError(404, 'not_found', 'no such task');
  return row;
}

taskRoutes.get('/', async (c) => {
  const { db, session } = c.var;
  const rows = await db
    .select()
    .from(tasks)
    // A workflow's steps are listed, and finished, through /api/workflows/tasks.
    .where(and(mine(session), isNull(tasks.workflowInstanceId)))
    .orderBy(asc(tasks.status), asc(tasks.dueAt))
    .limit(SHOWN);
  return c.json({ tasks: rows.map(toView) });
});

taskRoutes.patch('/:id', pathParams(taskIdParamSchema), jsonBody(updateTaskRequestSchema), async (c) => {
  const { db, session } = c.var;
  const task = await requireMyTask(db, session, c.req.valid('param').id);
  if (task.workflowInstanceId) {
    throw new ApiError(409, 'workflow_task', 'a workflow step is finished through /api/workflows/tasks');
  }
  const { status } = c.req.valid('json');
  const done = status === 'done';
  const changes = {
    status,
    completedAt: done ? Date.now() : null,
    completedBy: done ? session.user.id : null,
  };
  await db.update(tasks).set(changes).where(eq(tasks.id, task.id));
  return c.json(toView({ ...task, ...changes }));
});
