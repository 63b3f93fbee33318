import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  type DashboardInput,
  dashboardIdParamSchema,
  dashboardInputSchema,
  installShippedDashboardsSchema,
} from '../../core/api/dashboards.js';
import { SHIPPED_DASHBOARDS } from '../../core/dashboards/shipped.js';
import { commitAudited } from '../audit.js';
import {
  dashboardAuditDetails,
  insertDashboards,
  mayViewDashboard,
  shippedDashboardRows,
  toDashboardView,
} from '../dashboards.js';
import type { Db } from '../db/client.js';
import { type DashboardRow, dashboards } from '../db/dashboards-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';

/** Dashboards (issue 9): admins compose and share them by role; everyone views what is theirs. */
export const dashboardRoutes = new Hono<AppEnv>();

const adminOnly = requireRoles('admin');

const notFound = () => new ApiError(404, 'not_found', 'no such dashboard');

async function findDashboard(db: Db, id: string): Promise<DashboardRow> {
  const [row] = await db.select().from(dashboards).where(eq(dashboards.id, id));
  if (!row) throw notFound();
  return row;
}

const columns = (input: DashboardInput) => ({ name: input.name, roles: input.roles, widgets: input.widgets });

dashboardRoutes.get('/', requireSession, async (c) => {
  const { db, session } = c.var;
  const { roles } = session.user;
  const rows = await db.select().from(dashboards).orderBy(dashboards.createdAt, dashboards.id);
  const installed = new Set(rows.map((row) => row.template));
  return c.json({
    dashboards: rows.filter((row) => mayViewDashboard(row, roles)).map(toDashboardView),
    shippedMissing: roles.includes('admin')
      ? SHIPPED_DASHBOARDS.filter((shipped) => !installed.has(shipped.template)).map(
          (shipped) => shipped.template,
        )
      : [],
  });
});

dashboardRoutes.get('/:id', requireSession, pathParams(dashboardIdParamSchema), async (c) => {
  const row = await findDashboard(c.var.db, c.req.valid('param').id);
  // Someone the dashboard is not shared with learns nothing of it, not even that it exists.
  if (!mayViewDashboard(row, c.var.session.user.roles)) throw notFound();
  return c.json(toDashboardView(row));
});

dashboardRoutes.post('/', adminOnly, jsonBody(dashboardInputSchema), async (c) => {
  const { db, session } = c.var;
  const input = c.req.valid('json');
  const now = Date.now();
  const row: DashboardRow = {
    id: crypto.randomUUID(),
    template: null,
    ...columns(input),
    createdBy: session.user.id,
    createdAt: now,
    updatedAt: now,
  };
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'dashboard.created',
      subject: row.id,
      details: dashboardAuditDetails(input),
    },
    () => insertDashboards(db, [row]),
  );
  return c.json(toDashboardView(row), 201);
});

/** Installs the shipped dashboards not installed yet, named in the admin's language. */
dashboardRoutes.post('/shipped', adminOnly, jsonBody(installShippedDashboardsSchema), async (c) => {
  const { db, session } = c.var;
  const { locale } = c.req.valid('json');
  const existing = new Set(
    (await db.select({ template: dashboards.template }).from(dashboards))
      .map((row) => row.template)
      .filter((template) => template !== null),
  );
  const rows = shippedDashboardRows(existing, locale, session.user.id, Date.now());
  if (rows.length > 0) {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'dashboard.shipped_installed',
        subject: null,
        details: { templates: rows.map((row) => row.template ?? '') },
      },
      // A template is UNIQUE: of two racing installs the second's batch fails and writes nothing.
      () => insertDashboards(db, rows),
    );
  }
  return c.json({ installed: rows.map(toDashboardView) }, rows.length > 0 ? 201 : 200);
});

dashboardRoutes.put(
  '/:id',
  adminOnly,
  pathParams(dashboardIdParamSchema),
  jsonBody(dashboardInputSchema),
  async (c) => {
    const { db, session } = c.var;
    const current = await findDashboard(db, c.req.valid('param').id);
    const input = c.req.valid('json');
    const updated: DashboardRow = { ...current, ...columns(input), updatedAt: Date.now() };
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'dashboard.updated',
        subject: current.id,
        details: dashboardAuditDetails(input),
      },
      () => [
        db
          .update(dashboards)
          .set({ ...columns(input), updatedAt: updated.updatedAt })
          .where(eq(dashboards.id, current.id)),
      ],
    );
    return c.json(toDashboardView(updated));
  },
);

dashboardRoutes.delete('/:id', adminOnly, pathParams(dashboardIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const current = await findDashboard(db, c.req.valid('param').id);
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'dashboard.deleted',
      subject: current.id,
      details: { name: current.name },
    },
    () => [db.delete(dashboards).where(eq(dashboards.id, current.id))],
  );
  return c.json({ ok: true as const });
});
