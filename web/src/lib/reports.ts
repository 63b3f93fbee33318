import {
  type CatalogEntry,
  catalogEntrySchema,
  type Dimension,
  MAX_REPORT_BATCH,
  type MetricId,
  type Report,
  reportBatchSchema,
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

interface Pending {
  readonly query: Record<string, string | number>;
  readonly resolve: (report: Report) => void;
  readonly reject: (error: unknown) => void;
}

let pending: Pending[] = [];

/** Sends the reports asked in one task as one batch: a dashboard's widgets cost one request. */
async function flush(): Promise<void> {
  const asked = pending;
  pending = [];
  for (let first = 0; first < asked.length; first += MAX_REPORT_BATCH) {
    const chunk = asked.slice(first, first + MAX_REPORT_BATCH);
    try {
      const { results } = await api.send(
        'POST',
        '/api/reports/metrics/batch',
        { queries: chunk.map((entry) => entry.query) },
        reportBatchSchema,
      );
      for (const [index, entry] of chunk.entries()) {
        const result = results[index];
        if (result && 'report' in result) entry.resolve(result.report);
        else if (result)
          entry.reject(
            new ApiError(
              result.error.code,
              result.error.code === 'forbidden' ? 403 : 400,
              result.error.message,
            ),
          );
        else entry.reject(new ApiError('bad_response', 200, 'a report is missing from the batch'));
      }
    } catch (error) {
      for (const entry of chunk) entry.reject(error);
    }
  }
}

export function fetchReport(request: ReportRequest): Promise<Report> {
  const query: Record<string, string | number> = {
    metric: request.metric,
    dimension: request.dimension,
    from: request.from,
    to: request.to,
  };
  for (const [filter, value] of Object.entries(request.filters ?? {}))
    if (value !== undefined) query[filter] = value;
  return run(
    () =>
      new Promise<Report>((resolve, reject) => {
        if (pending.length === 0) setTimeout(() => void flush(), 0);
        pending.push({ query, resolve, reject });
      }),
  );
}
