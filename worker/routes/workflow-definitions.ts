import { and, desc, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { Hono } from 'hono';
import {
  type DefinitionView,
  definitionInputSchema,
  definitionUpdateSchema,
  idParamSchema,
  shippedKeyParamSchema,
} from '../../core/api/workflows.js';
import type { WorkflowGraph } from '../../core/workflows/model.js';
import { SHIPPED_WORKFLOWS } from '../../core/workflows/shipped.js';
import { graphProblems } from '../../core/workflows/validate.js';
import { type AuditRecord, commitAudited } from '../audit.js';
import { type Db, isUniqueViolation } from '../db/client.js';
import { type WorkflowDefinitionRow, workflowDefinitions } from '../db/workflow-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';
import { latestVersion } from '../workflows/runtime.js';

/** Admins design processes: drafts, edited freely, then published as a frozen version. */
export const workflowDefinitionRoutes = new Hono<AppEnv>();
workflowDefinitionRoutes.use('*', requireRoles('admin'));

const toView = (row: WorkflowDefinitionRow): DefinitionView => ({
  id: row.id,
  key: row.key,
  version: row.version,
  name: row.name,
  graph: row.graph,
  status: row.status,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  publishedAt: row.publishedAt,
});

function requireRunnable(graph: WorkflowGraph) {
  const problems = graphProblems(graph);
  if (problems.length > 0) throw new ApiError(422, 'invalid_workflow', problems.join('; '));
}

async function requireDefinition(db: Db, id: string): Promise<WorkflowDefinitionRow> {
  const [row] = await db.select().from(workflowDefinitions).where(eq(workflowDefinitions.id, id));
  if (!row) throw new ApiError(404, 'not_found', 'no such workflow definition');
  return row;
}

/** A new draft version of the key, planned: its row, insert and audit record. */
async function planDraft(db: Db, actor: string, input: { key: string; name: string; graph: WorkflowGraph }) {
  requireRunnable(input.graph);
  const latest = await latestVersion(db, input.key);
  if (latest?.status === 'draft') {
    throw new ApiError(
      409,
      'draft_exists',
      `version ${latest.version} of this process is still a draft; edit it`,
    );
  }
  const now = Date.now();
  const row: WorkflowDefinitionRow = {
    id: crypto.randomUUID(),
    key: input.key,
    version: (latest?.version ?? 0) + 1,
    name: input.name,
    graph: input.graph,
    status: 'draft',
    createdBy: actor,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  };
  return {
    row,
    audit: {
      actor,
      type: 'workflow.definition_saved' as const,
      subject: row.id,
      details: { key: row.key, version: row.version },
    },
    statements: [db.insert(workflowDefinitions).values(row)],
  };
}

async function commitDraft(
  db: Db,
  orgId: string,
  audit: AuditRecord[],
  statements: () => BatchItem<'sqlite'>[],
): Promise<void> {
  try {
    await commitAudited(db, orgId, audit, statements);
  } catch (error) {
    if (isUniqueViolation(error, 'workflow_definitions')) {
      throw new ApiError(409, 'conflict', 'someone saved this process at the same time; reload');
    }
    throw error;
  }
}

async function createDraft(
  db: Db,
  orgId: string,
  actor: string,
  input: { key: string; name: string; graph: WorkflowGraph },
): Promise<WorkflowDefinitionRow> {
  const draft = await planDraft(db, actor, input);
  await commitDraft(db, orgId, [draft.audit], () => draft.statements);
  return draft.row;
}

/** Publishing a draft, planned: the version it retires, its own status, its audit record. */
function planPublish(db: Db, actor: string, draft: WorkflowDefinitionRow) {
  if (draft.status !== 'draft')
    throw new ApiError(409, 'not_draft', `version ${draft.version} is ${draft.status}`);
  const now = Date.now();
  return {
    audit: {
      actor,
      type: 'workflow.published' as const,
      subject: draft.id,
      details: { key: draft.key, version: draft.version },
    },
    statements: [
      db
        .update(workflowDefinitions)
        .set({ status: 'retired', updatedAt: now })
        .where(and(eq(workflowDefinitions.key, draft.key), eq(workflowDefinitions.status, 'published'))),
      db
        .update(workflowDefinitions)
        .set({ status: 'published', publishedAt: now, updatedAt: now })
        .where(and(eq(workflowDefinitions.id, draft.id), eq(workflowDefinitions.status, 'draft'))),
    ],
    published: { ...draft, status: 'published' as const, publishedAt: now, updatedAt: now },
  };
}

async function publish(db: Db, orgId: string, actor: string, draft: WorkflowDefinitionRow) {
  const planned = planPublish(db, actor, draft);
  await commitAudited(db, orgId, planned.audit, () => planned.statements);
  return planned.published;
}

workflowDefinitionRoutes.get('/', async (c) => {
  const rows = await c.var.db
    .select()
    .from(workflowDefinitions)
    .orderBy(workflowDefinitions.key, desc(workflowDefinitions.version));
  return c.json({ definitions: rows.map(toView) });
});

workflowDefinitionRoutes.get('/:id', pathParams(idParamSchema), async (c) =>
  c.json(toView(await requireDefinition(c.var.db, c.req.valid('param').id))),
);

workflowDefinitionRoutes.post('/', jsonBody(definitionInputSchema), async (c) => {
  const { db, session } = c.var;
  const row = await createDraft(db, session.org.id, session.user.id, c.req.valid('json'));
  return c.json(toView(row), 201);
});

workflowDefinitionRoutes.put(
  '/:id',
  pathParams(idParamSchema),
  jsonBody(definitionUpdateSchema),
  async (c) => {
    const { db, session } = c.var;
    const draft = await requireDefinition(db, c.req.valid('param').id);
    if (draft.status !== 'draft') {
      throw new ApiError(
        409,
        'not_draft',
        `version ${draft.version} is ${draft.status}; start a new version instead`,
      );
    }
    const { name, graph } = c.req.valid('json');
    requireRunnable(graph);
    const now = Date.now();
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'workflow.definition_saved',
        subject: draft.id,
        details: { key: draft.key, version: draft.version },
      },
      () => [
        db
          .update(workflowDefinitions)
          .set({ name, graph, updatedAt: now })
          .where(and(eq(workflowDefinitions.id, draft.id), eq(workflowDefinitions.status, 'draft'))),
      ],
    );
    return c.json(toView({ ...draft, name, graph, updatedAt: now }));
  },
);

workflowDefinitionRoutes.post('/:id/publish', pathParams(idParamSchema), async (c) => {
  const { db, session } = c.var;
  const draft = await requireDefinition(db, c.req.valid('param').id);
  return c.json(toView(await publish(db, session.org.id, session.user.id, draft)));
});

/** One click: a shipped process, saved and published as the next version of its key. */
workflowDefinitionRoutes.post('/shipped/:key', pathParams(shippedKeyParamSchema), async (c) => {
  const { db, session } = c.var;
  const shipped = SHIPPED_WORKFLOWS.find((candidate) => candidate.key === c.req.valid('param').key);
  if (!shipped) throw new ApiError(404, 'not_found', 'no such shipped process');
  // Saved and published in one batch: both or neither.
  const draft = await planDraft(db, session.user.id, shipped);
  const published = planPublish(db, session.user.id, draft.row);
  await commitDraft(db, session.org.id, [draft.audit, published.audit], () => [
    ...draft.statements,
    ...published.statements,
  ]);
  return c.json(toView(published.published), 201);
});
