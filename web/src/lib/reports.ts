import {
  type CatalogEntry,
  catalogEntrySchema,
  type Dimension,
  type MetricId,
  type Report,
  reportSchema,
  type WidgetFilters,
} from '../../../core/api/index';
import { z } from '../../../core/api/zod';
import { ApiError, createApiClient } from './api-client';
import { toAppError } from './app-errors';
import { AppError } from './errors';

/** The report engine's figures: operational data only, computed by the server (issue 9). */

const api = createApiClient();

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid_request') {
      throw new AppError('invalid_request', error.message);
    }
    throw toAppError(error);
  }
}

const catalogSchema = z.object({ metrics: z.array(catalogEntrySchema) });

export const fetchReportCatalog = (): Promise<readonly CatalogEntry[]> =>
  run(async () => (await api.get('/api/reports/catalog', catalogSchema)).metrics);

export interface ReportRequest {
  readonly metric: MetricId;
  readonly dimension: Dimension;
  readonly from: number;
  readonly to: number;
  /** a widget's filters: one counselor, channel or service type */
  readonly filters?: WidgetFilters | undefined;
}

export function fetchReport(request: ReportRequest): Promise<Report> {
  const params = new URLSearchParams({
    metric: request.metric,
    dimension: request.dimension,
    from: String(request.from),
    to: String(request.to),
  });
  for (const [filter, value] of Object.entries(request.filters ?? {}))
    if (value !== undefined) params.set(filter, value);
  return run(() => api.get(`/api/reports/metrics?${params}`, reportSchema));
}
