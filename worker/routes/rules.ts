import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  dryRunRequestSchema,
  installShippedRequestSchema,
  type RuleView,
  ruleIdParamSchema,
  ruleInputSchema,
  ruleRunsQuerySchema,
  ruleToggleRequestSchema,
} from '../../core/api/rules.js';
import type { RuleInput } from '../../core/rules/model.js';
import { SHIPPED_RULES } from '../../core/rules/shipped.js';
import { commitAudited } from '../audit.js';
import type { Db } from '../db/client.js';
import { type RuleRow, ruleRuns, rules } from '../db/rules-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { dryRun } from '../rules/dry-run.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';

/** The rule editor (issue 8): admins configure rules; the runtime lives in worker/rules/. */
export const ruleRoutes = new Hono<AppEnv>();
ruleRoutes.use('*', requireRoles('admin'));

const RUNS_SHOWN = 200;

const toView = (row: RuleRow): RuleView => ({
  id: row.id,
  template: row.template,
  name: row.name,
  trigger: row.trigger,
  condition: row.condition,
  actions: row.actions,
  dedupDays: row.dedupDays,
  enabled: row.enabled,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const ruleColumns = (input: RuleInput) => ({
  name: input.name,
  triggerEvent: input.trigger.kind === 'event' ? input.trigger.event : 'schedule',
  trigger: input.trigger,
  condition: input.condition,
  actions: input.actions,
  dedupDays: input.dedupDays,
  enabled: input.enabled,
});

/** The operational summary an audit event keeps of a rule. */
const auditDetails = (input: RuleInput) => ({
  name: input.name,
  trigger: input.trigger.kind === 'event' ? input.trigger.event : `schedule:${input.trigger.every}`,
  actions: input.actions.map((action) => action.kind),
  enabled: input.enabled,
});

async function requireRule(db: Db, id: string): Promise<RuleRow> {
  const [row] = await db.select().from(rules).where(eq(rules.id, id));
  if (!row) throw new ApiError(404, 'not_found', 'no such rule');
  return row;
}

ruleRoutes.get('/', async (c) => {
  const rows = await c.var.db.select().from(rules).orderBy(rules.createdAt);
  const installed = new Set(rows.map((row) => row.template));
  return c.json({
    rules: rows.map(toView),
    shippedMissing: SHIPPED_RULES.filter((shipped) => !installed.has(shipped.template)).map(
      (shipped) => shipped.template,
    ),
  });
});

ruleRoutes.post('/', jsonBody(ruleInputSchema), async (c) => {
  const { db, session } = c.var;
  const input = c.req.valid('json');
  const now = Date.now();
  const row: RuleRow = {
    id: crypto.randomUUID(),
    template: null,
    ...ruleColumns(input),
    createdBy: session.user.id,
    createdAt: now,
    updatedAt: now,
  };
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: 'rule.created', subject: row.id, details: auditDetails(input) },
    () => [db.insert(rules).values(row)],
  );
  return c.json(toView(row), 201);
});

/** Installs the shipped rules not installed yet, named in the admin's language. */
ruleRoutes.post('/shipped', jsonBody(installShippedRequestSchema), async (c) => {
  const { db, session } = c.var;
  const { locale } = c.req.valid('json');
  const existing = new Set(
    (await db.select({ template: rules.template }).from(rules)).map((row) => row.template),
  );
  const now = Date.now();
  const rows: RuleRow[] = SHIPPED_RULES.filter((shipped) => !existing.has(shipped.template)).map(
    (shipped) => ({
      id: crypto.randomUUID(),
      template: shipped.template,
      ...ruleColumns({ ...shipped.rule, name: shipped.names[locale] }),
      createdBy: session.user.id,
      createdAt: now,
      updatedAt: now,
    }),
  );
  if (rows.length > 0) {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'rule.shipped_installed',
        subject: null,
        details: { templates: rows.map((row) => row.template ?? '') },
      },
      // A template is UNIQUE: of two racing installs the second's batch fails and writes nothing.
      () => rows.map((row) => db.insert(rules).values(row)),
    );
  }
  return c.json({ installed: rows.map(toView) }, rows.length > 0 ? 201 : 200);
});

ruleRoutes.post('/dry-run', jsonBody(dryRunRequestSchema), async (c) => {
  return c.json(await dryRun(c.var.db, c.req.valid('json'), Date.now()));
});

ruleRoutes.get('/runs', queryParams(ruleRunsQuerySchema), async (c) => {
  const { db } = c.var;
  const { ruleId } = c.req.valid('query');
  const runs = await db
    .select({ run: ruleRuns, ruleName: rules.name })
    .from(ruleRuns)
    .innerJoin(rules, eq(rules.id, ruleRuns.ruleId))
    .where(ruleId ? eq(ruleRuns.ruleId, ruleId) : undefined)
    .orderBy(desc(ruleRuns.at))
    .limit(RUNS_SHOWN);
  return c.json({
    runs: runs.map(({ run, ruleName }) => ({
      id: run.id,
      ruleId: run.ruleId,
      ruleName,
      eventType: run.eventType,
      subject: run.subject,
      caseId: run.caseId,
      at: run.at,
      attempt: run.attempt,
      outcome: run.outcome,
      actions: run.actions,
      error: run.error,
    })),
  });
});

ruleRoutes.get('/:id', pathParams(ruleIdParamSchema), async (c) => {
  return c.json(toView(await requireRule(c.var.db, c.req.valid('param').id)));
});

ruleRoutes.put('/:id', pathParams(ruleIdParamSchema), jsonBody(ruleInputSchema), async (c) => {
  const { db, session } = c.var;
  const current = await requireRule(db, c.req.valid('param').id);
  const input = c.req.valid('json');
  const updated: RuleRow = { ...current, ...ruleColumns(input), updatedAt: Date.now() };
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: 'rule.updated', subject: current.id, details: auditDetails(input) },
    () => [db.update(rules).set(updated).where(eq(rules.id, current.id))],
  );
  return c.json(toView(updated));
});

ruleRoutes.patch('/:id', pathParams(ruleIdParamSchema), jsonBody(ruleToggleRequestSchema), async (c) => {
  const { db, session } = c.var;
  const current = await requireRule(db, c.req.valid('param').id);
  const { enabled } = c.req.valid('json');
  const updatedAt = Date.now();
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: enabled ? 'rule.enabled' : 'rule.disabled', subject: current.id },
    () => [db.update(rules).set({ enabled, updatedAt }).where(eq(rules.id, current.id))],
  );
  return c.json(toView({ ...current, enabled, updatedAt }));
});
