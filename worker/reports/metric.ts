import type { Dimension, MetricUnit, ReportFilter, ReportQuery } from '../../core/api/reports.js';
import type { Role } from '../../core/api/roles.js';

export interface MetricStatement {
  sql: string;
  params: (string | number)[];
}

/** One figure before suppression: population is how many cases or appointments stand behind it. */
export interface RawRow {
  key: string | null;
  value: number | null;
  population: number | null;
}

export interface MetricContext {
  query: ReportQuery;
  /** a counselor who sees only their own figures */
  scopedTo: string | null;
  timeZone: string;
  /** the day rollups are laid out in timeZone, so whole days may be read from them (0026) */
  rollups: boolean;
}

/** The reviewed, parameterised statements of one report and how their results make its rows. */
export interface MetricPlan {
  statements: MetricStatement[];
  combine(results: Record<string, unknown>[][]): RawRow[];
}

export interface MetricDefinition {
  unit: MetricUnit;
  /** who may see it; a counselor only ever sees their own figures */
  roles: readonly Role[];
  dimensions: readonly Dimension[];
  filters: readonly ReportFilter[];
  /** a snapshot of now ignores the period */
  snapshot: boolean;
  /** every figure is judged by the threshold, whatever the breakdown (a satisfaction score) */
  alwaysSuppressed: boolean;
  plan(context: MetricContext): MetricPlan;
}

export const clinicians: readonly Role[] = ['admin', 'director', 'counselor'];
export const financeReaders: readonly Role[] = ['admin', 'director', 'finance'];
export const centerLeads: readonly Role[] = ['admin', 'director'];

const DAY_MS = 24 * 3600 * 1000;
export const days = (count: number) => count * DAY_MS;

export const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
