import { z } from './zod.js';

/**
 * The report engine's metric catalog (DESIGN §3, issue 9): every figure is SQL over operational
 * columns only — appointment times, status, fee, service type, counselor; case status, channel,
 * dates. No metric can reach a secret field: there is none in the tables it reads.
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
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const DIMENSIONS = ['none', 'counselor', 'service_type', 'channel', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type MetricUnit = 'count' | 'hours' | 'cents' | 'ratio';

/** Breakdowns with fewer people than this show no figure: a small cell could single out a client. */
export const SUPPRESSION_THRESHOLD = 5;

/** A report spans at most three years, so a month breakdown stays at 36 rows. */
export const MAX_REPORT_SPAN_MS = 3 * 366 * 24 * 3600 * 1000;

export const reportQuerySchema = z
  .object({
    metric: z.enum(METRIC_IDS),
    dimension: z.enum(DIMENSIONS).default('none'),
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().positive(),
    counselorId: z.uuid().optional(),
  })
  .refine((query) => query.to > query.from, { error: 'to must be after from', path: ['to'] })
  .refine((query) => query.to - query.from <= MAX_REPORT_SPAN_MS, {
    error: 'a report spans at most three years',
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const reportRowSchema = z.object({
  /** the dimension's value: a counselor id, a service type, a channel, "2026-03"; null for none */
  key: z.string().nullable(),
  /** null when suppressed */
  value: z.number().nullable(),
  suppressed: z.boolean(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportSchema = z.object({
  metric: z.enum(METRIC_IDS),
  dimension: z.enum(DIMENSIONS),
  unit: z.enum(['count', 'hours', 'cents', 'ratio']),
  from: z.int(),
  to: z.int(),
  /** set when the caller only sees their own figures (a counselor) */
  scopedTo: z.string().nullable(),
  rows: z.array(reportRowSchema),
});
export type Report = z.infer<typeof reportSchema>;

export const catalogEntrySchema = z.object({
  metric: z.enum(METRIC_IDS),
  unit: z.enum(['count', 'hours', 'cents', 'ratio']),
  dimensions: z.array(z.enum(DIMENSIONS)),
  /** a snapshot of now (active cases) ignores the period */
  snapshot: z.boolean(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
