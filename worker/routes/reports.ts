import { Hono } from 'hono';
import {
  type CatalogEntry,
  METRIC_IDS,
  type ReportFilter,
  reportQuerySchema,
} from '../../core/api/reports.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { dimensionsOf, METRICS, mayView, seesWholeCenter } from '../reports/catalog.js';
import { runMetric } from '../reports/run-metric.js';
import { institutionTimeZone, rollupsMatchZone } from '../schedule-settings.js';
import { queryParams } from '../validation.js';

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

reportRoutes.get('/metrics', queryParams(reportQuerySchema), async (c) => {
  const { session } = c.var;
  const query = c.req.valid('query');
  const definition = METRICS[query.metric];
  if (!mayView(definition, session.user.roles)) {
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
  const wholeCenter = seesWholeCenter(definition, session.user.roles);
  if (!wholeCenter && query.counselorId && query.counselorId !== session.user.id) {
    throw new ApiError(403, 'forbidden', 'a counselor sees only their own figures');
  }
  const scopedTo = wholeCenter ? null : session.user.id;
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
