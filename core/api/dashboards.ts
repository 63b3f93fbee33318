import { reportCategorySchema } from './reports.js';
import { roleSchema } from './roles.js';
import { z } from './zod.js';

/**
 * Dashboards (DESIGN §3, issue 9): named grids of widgets, each a metric × breakdown × period ×
 * chart type. A dashboard holds configuration only; its figures come from /api/reports/metrics
 * when someone views it, scoped to that person.
 */

export const CHART_TYPES = ['kpi', 'line', 'bar', 'stacked_bar', 'pie', 'funnel', 'table'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Periods relative to the day a dashboard is viewed, so a saved dashboard never goes stale. */
export const PERIODS = [
  'this_month',
  'last_month',
  'last_3_months',
  'last_12_months',
  'this_year',
  'last_year',
] as const;
export type Period = (typeof PERIODS)[number];

/**
 * Metric and breakdown ids are names from the report catalog, which grows; a dashboard may name
 * one this server does not offer yet, and the viewer says so instead of failing.
 */
const catalogName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'a catalog name is lowercase a–z, 0–9 and _' });

export const MAX_SERIES = 6;
export const MAX_WIDGETS = 24;

const distinct = (values: readonly string[]) => new Set(values).size === values.length;

/** What makes a chart unable to show a widget's figures; the builder names it before saving. */
export type WidgetShapeProblem = 'kpi_with_breakdown' | 'needs_breakdown' | 'parts';

export function widgetShapeProblem(widget: {
  chart: ChartType;
  dimension: string;
  metrics: readonly string[];
}): WidgetShapeProblem | null {
  const broken = widget.dimension !== 'none';
  if (widget.chart === 'kpi' && broken) return 'kpi_with_breakdown';
  if ((widget.chart === 'line' || widget.chart === 'bar' || widget.chart === 'stacked_bar') && !broken)
    return 'needs_breakdown';
  // A pie or funnel shows one metric broken down, or several totals as its parts.
  if (
    (widget.chart === 'pie' || widget.chart === 'funnel') &&
    (broken ? widget.metrics.length !== 1 : widget.metrics.length < 2)
  )
    return 'parts';
  return null;
}

const SHAPE_PROBLEMS: Record<WidgetShapeProblem, string> = {
  kpi_with_breakdown: 'a KPI card shows totals: its breakdown must be none',
  needs_breakdown: 'this chart needs a breakdown',
  parts: 'a pie or funnel shows one metric broken down, or several metrics as its parts',
};

/**
 * What a widget narrows its figures to: one counselor, channel or service type (the report
 * filters). A metric that does not honour a filter is shown as unavailable in that widget.
 */
export const widgetFiltersSchema = z.strictObject({
  counselorId: z.uuid().optional(),
  channel: reportCategorySchema.optional(),
  serviceType: reportCategorySchema.optional(),
});
export type WidgetFilters = z.infer<typeof widgetFiltersSchema>;

export const dashboardWidgetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'a widget id is a–z, 0–9 and -' }),
    /** the admin's own heading; empty: the metric and breakdown name it */
    title: z.string().trim().max(80),
    /** one series per metric; a funnel's stages when there is no breakdown */
    metrics: z
      .array(catalogName)
      .min(1)
      .max(MAX_SERIES)
      .refine(distinct, { error: 'metrics must not repeat' }),
    dimension: catalogName,
    period: z.enum(PERIODS),
    chart: z.enum(CHART_TYPES),
    /** absent on widgets saved before filters existed: no filter */
    filters: widgetFiltersSchema.optional(),
  })
  .superRefine((widget, context) => {
    const problem = widgetShapeProblem(widget);
    if (problem) context.addIssue({ code: 'custom', message: SHAPE_PROBLEMS[problem], path: ['chart'] });
  });
export type DashboardWidget = z.infer<typeof dashboardWidgetSchema>;

export const dashboardInputSchema = z.object({
  name: z.string().trim().min(1).max(80),
  /** who sees it; admins always do, to edit it */
  roles: z
    .array(roleSchema)
    .min(1, { error: 'choose at least one role' })
    .refine(distinct, { error: 'roles must not repeat' }),
  widgets: z
    .array(dashboardWidgetSchema)
    .max(MAX_WIDGETS)
    .refine((widgets) => distinct(widgets.map((widget) => widget.id)), {
      error: 'widget ids must not repeat',
    }),
});
export type DashboardInput = z.infer<typeof dashboardInputSchema>;

export const dashboardIdParamSchema = z.object({ id: z.uuid() });

export const installShippedDashboardsSchema = z.object({ locale: z.enum(['zh-CN', 'en']) });

export const dashboardViewSchema = z.object({
  id: z.string(),
  /** the shipped dashboard it was installed from, if any */
  template: z.string().nullable(),
  name: z.string(),
  roles: z.array(roleSchema),
  widgets: z.array(dashboardWidgetSchema),
  createdAt: z.int(),
  updatedAt: z.int(),
});
export type DashboardView = z.infer<typeof dashboardViewSchema>;

export const dashboardListSchema = z.object({
  dashboards: z.array(dashboardViewSchema),
  /** shipped dashboards not installed yet: only ever filled for admins */
  shippedMissing: z.array(z.string()),
});
export type DashboardList = z.infer<typeof dashboardListSchema>;
