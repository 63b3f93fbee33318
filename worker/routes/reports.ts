import { Hono } from 'hono';
import {
  type CatalogEntry,
  METRIC_IDS,
  type ReportBatchItem,
  type ReportFilter,
  type ReportQuery,
  reportBatchRequestSchema,
  reportQuerySchema,
} from '../../core/api/reports.js';
import type { Role } from '../../core/api/roles.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { dimensionsOf, METRICS, mayView, seesWholeCenter } from '../reports/catalog.js';
import { runMetric, runMetrics } from '../reports/run-metric.js';
import { institutionTimeZone, rollupsMatchZone } from '../schedule-settings.js';
import { jsonBody, queryParams } from '../validation.js';

/** Reports over operational data only (DESIGN §3): directors see all, a counselor their own. */
export const reportRoutes = new Hono<AppEnv>();

reportRoutes.use('*', requireSession);

reportRoutes.get('/catalog', (c) => {
  const { roles } = c.var.session.user;
  const metrics: CatalogEntry[] = METRIC_IDS.filter((id) => mayView(METRICS[id], roles)).map((id) => ({
    metric: id,
    unit: METRICS[id].unit,
    dimensions: [...dimensionsOf(METRICS[id])],
    snapshot: METRICS[id].snapshot,
    filters: [...METRICS[id].filters],
    alwaysSuppressed: METRICS[id].alwaysSuppressed,
  }));
  return c.json({ metrics });
});

/** Whom the report is narrowed to (a counselor sees their own), or why it may not be asked. */
function scopeOf(query: ReportQuery, user: { id: string; roles: readonly Role[] }): string | null {
  const definition = METRICS[query.metric];
  if (!mayView(definition, user.roles)) {
    throw new ApiError(403, 'forbidden', `your roles do not include the metric ${query.metric}`);
  }
  if (!dimensionsOf(definition).includes(query.dimension)) {
    throw new ApiError(400, 'invalid_request', `${query.metric} cannot be broken down by ${query.dimension}`);
  }
  const unsupported = (
    ['counselorId', 'channel', 'serviceType'] as const satisfies readonly ReportFilter[]
  ).find((filter) => query[filter] !== undefined && !definition.filters.includes(filter));
  if (unsupported) {
    throw new ApiError(400, 'invalid_request', `${query.metric} cannot be filtered by ${unsupported}`);
  }
  const wholeCenter = seesWholeCenter(definition, user.roles);
  if (!wholeCenter && query.counselorId && query.counselorId !== user.id) {
    throw new ApiError(403, 'forbidden', 'a counselor sees only their own figures');
  }
  return wholeCenter ? null : user.id;
}

reportRoutes.get('/metrics', queryParams(reportQuerySchema), async (c) => {
  const { session } = c.var;
  const query = c.req.valid('query');
  const scopedTo = scopeOf(query, session.user);
  return c.json(
    await runMetric(
      c.env.DB,
      query,
      scopedTo,
      institutionTimeZone(session.org),
      rollupsMatchZone(session.org),
    ),
  );
});

/**
 * All of a dashboard's widgets at once: one request and one D1 batch instead of a request each
 * queueing behind the others at the database. Each answer is a report or that query's own error.
 */
reportRoutes.post('/metrics/batch', jsonBody(reportBatchRequestSchema), async (c) => {
  const { session } = c.var;
  const answers: (ReportBatchItem | { query: ReportQuery; scopedTo: string | null })[] = c.req
    .valid('json')
    .queries.map((raw, index) => {
      const parsed = reportQuerySchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue?.path.map(String).join('.');
        return {
          error: {
            code: 'invalid_request',
            message: `invalid query ${index}: ${path ? `${path}: ` : ''}${issue?.message ?? 'malformed'}`,
          },
        };
      }
      try {
        return { query: parsed.data, scopedTo: scopeOf(parsed.data, session.user) };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return { error: { code: error.code, message: error.message } };
      }
    });
  const asked = answers.filter((answer) => 'query' in answer);
  const reports = await runMetrics(
    c.env.DB,
    asked,
    institutionTimeZone(session.org),
    rollupsMatchZone(session.org),
  );
  let next = 0;
  const results: ReportBatchItem[] = answers.map((answer) => {
    if (!('query' in answer)) return answer;
    next += 1;
    return { report: reports[next - 1] as (typeof reports)[number] };
  });
  return c.json({ results });
});
