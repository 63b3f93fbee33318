import type { DashboardInput, DashboardView } from '../core/api/dashboards.js';
import type { Role } from '../core/api/roles.js';
import { SHIPPED_DASHBOARDS } from '../core/dashboards/shipped.js';
import type { Db } from './db/client.js';
import { type DashboardRow, dashboards } from './db/dashboards-schema.js';

/** Admins see every dashboard, to edit it; anyone else those shared with one of their roles. */
export const mayViewDashboard = (row: Pick<DashboardRow, 'roles'>, roles: readonly Role[]): boolean =>
  roles.includes('admin') || row.roles.some((role) => roles.includes(role));

export const toDashboardView = (row: DashboardRow): DashboardView => ({
  id: row.id,
  template: row.template,
  name: row.name,
  roles: row.roles,
  widgets: row.widgets,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** The operational summary an audit event keeps of a dashboard's configuration. */
export const dashboardAuditDetails = (input: DashboardInput) => ({
  name: input.name,
  roles: input.roles,
  widgets: input.widgets.map(
    (widget) =>
      `${widget.chart}:${widget.metrics.join('+')}/${widget.dimension}/${widget.period}` +
      (widget.filters && Object.keys(widget.filters).length > 0
        ? `?${new URLSearchParams(widget.filters as Record<string, string>)}`
        : ''),
  ),
});

/** Rows for the shipped dashboards whose template is not in `installed`, named in `locale`. */
export function shippedDashboardRows(
  installed: ReadonlySet<string>,
  locale: 'zh-CN' | 'en',
  createdBy: string,
  now: number,
): DashboardRow[] {
  return SHIPPED_DASHBOARDS.filter((shipped) => !installed.has(shipped.template)).map((shipped) => ({
    id: crypto.randomUUID(),
    template: shipped.template,
    name: shipped.names[locale],
    roles: [...shipped.dashboard.roles],
    widgets: shipped.dashboard.widgets.map((widget) => ({ ...widget, metrics: [...widget.metrics] })),
    createdBy,
    createdAt: now,
    updatedAt: now,
  }));
}

export const insertDashboards = (db: Db, rows: readonly DashboardRow[]) =>
  rows.map((row) => db.insert(dashboards).values(row));
