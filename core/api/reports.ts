import { apiErrorBodySchema } from './errors.js';
import { z } from './zod.js';

/**
 * The report engine's metric catalog (DESIGN §3, issue 9): every figure is SQL over operational
 * columns only — appointment times, status, fee, service type, counselor; case status, channel,
 * dates; payments; booking-request status; shift hours; form ids and a survey's operational score.
 * No metric can reach a secret field: there is none in the columns it reads.
 */
export const METRIC_IDS = [
  'sessions',
  'hours',
  'billed_fees',
  'no_show_rate',
  'cancellation_rate',
  'new_cases',
  'closed_cases',
  'active_cases',
  'utilization',
  'revenue',
  'outstanding_fees',
  'channel_funnel',
  'dropout_rate',
  'retention_rate',
  'sessions_per_case',
  'client_lifetime_value',
  'satisfaction',
  'supervision_compliance',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/**
 * What a report breaks a figure down by. month, week and day are periods in the institution's
 * time zone (a line chart's x axis; week labels name their Monday); stage is the channel funnel's.
 */
export const DIMENSIONS = [
  'none',
  'counselor',
  'service_type',
  'channel',
  'month',
  'week',
  'day',
  'stage',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The time dimensions, finest last. */
export const PERIOD_DIMENSIONS = ['month', 'week', 'day'] as const satisfies readonly Dimension[];

/** The channel funnel's stages in order: requests made, then cases opened, as far as each got. */
export const FUNNEL_STAGES = [
  'requested',
  'screened',
  'matched',
  'first_session',
  'third_session',
  'completed',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** count and average: people or events; score: the satisfaction survey's 1–5 scale. */
export const METRIC_UNITS = ['count', 'hours', 'cents', 'ratio', 'average', 'score'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** Narrowing a report to one channel or service type, besides a counselor. */
export const REPORT_FILTERS = ['counselorId', 'channel', 'serviceType'] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];

/** Breakdowns with fewer people than this show no figure: a small cell could single out a client. */
export const SUPPRESSION_THRESHOLD = 5;

/** A report spans at most three years, so a month breakdown stays at 36 rows. */
export const MAX_REPORT_SPAN_MS = 3 * 366 * 24 * 3600 * 1000;
/** A day breakdown spans at most a year: 366 points on a line chart is already dense. */
export const MAX_DAY_SPAN_MS = 366 * 24 * 3600 * 1000;

/** A service type or channel as the catalog stores it: short operational labels, never free text. */
export const reportCategorySchema = z
  .string()
  .regex(/^[a-z0-9_-]{1,40}$/, { error: 'a channel or service type is a short lowercase label' });

export const reportQuerySchema = z
  .object({
    metric: z.enum(METRIC_IDS),
    dimension: z.enum(DIMENSIONS).default('none'),
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().positive(),
    counselorId: z.uuid().optional(),
    channel: reportCategorySchema.optional(),
    serviceType: reportCategorySchema.optional(),
  })
  .refine((query) => query.to > query.from, { error: 'to must be after from', path: ['to'] })
  .refine((query) => query.to - query.from <= MAX_REPORT_SPAN_MS, {
    error: 'a report spans at most three years',
    path: ['to'],
  })
  .refine((query) => query.dimension !== 'day' || query.to - query.from <= MAX_DAY_SPAN_MS, {
    error: 'a day-by-day report spans at most a year',
    path: ['dimension'],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const reportRowSchema = z.object({
  /** the dimension's value: a counselor id, a service type, a channel, "2026-03", a week's Monday
   * or a day "2026-03-02", a funnel stage; null for none */
  key: z.string().nullable(),
  /** null when suppressed */
  value: z.number().nullable(),
  suppressed: z.boolean(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportSchema = z.object({
  metric: z.enum(METRIC_IDS),
  dimension: z.enum(DIMENSIONS),
  unit: z.enum(METRIC_UNITS),
  from: z.int(),
  to: z.int(),
  /** set when the caller only sees their own figures (a counselor) */
  scopedTo: z.string().nullable(),
  rows: z.array(reportRowSchema),
});
export type Report = z.infer<typeof reportSchema>;

/**
 * A dashboard's figures in one request (one D1 batch): each query is judged on its own, so one
 * widget's bad query or missing right shows as that widget's error, not the dashboard's.
 */
export const MAX_REPORT_BATCH = 40;
export const reportBatchRequestSchema = z.object({
  queries: z.array(z.unknown()).min(1).max(MAX_REPORT_BATCH),
});
export const reportBatchItemSchema = z.union([z.object({ report: reportSchema }), apiErrorBodySchema]);
export type ReportBatchItem = z.infer<typeof reportBatchItemSchema>;
export const reportBatchSchema = z.object({ results: z.array(reportBatchItemSchema) });

export const catalogEntrySchema = z.object({
  metric: z.enum(METRIC_IDS),
  unit: z.enum(METRIC_UNITS),
  dimensions: z.array(z.enum(DIMENSIONS)),
  /** a snapshot of now (active cases) ignores the period */
  snapshot: z.boolean(),
  /** the filters the metric honours; absent in older servers, read as counselorId only */
  filters: z.array(z.enum(REPORT_FILTERS)).optional(),
  /** every figure of this metric is suppressed below the threshold, not only some breakdowns */
  alwaysSuppressed: z.boolean().optional(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
