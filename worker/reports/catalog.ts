import type { Dimension, MetricId, MetricUnit } from '../../core/api/reports.js';
import type { Role } from '../../core/api/roles.js';

/**
 * Where a metric's rows come from. Each source reads one table through an index made for reports
 * (migrations 0005 and 0012), so no metric scans a table, whatever its size.
 */
export interface MetricSource {
  table: 'appointments' | 'cases';
  /** the instant the period filters on; null for a snapshot of now */
  time: string | null;
  counselor: string;
  /** always-true filters of the source (e.g. only active cases for a snapshot) */
  where: string | null;
  /** SQL for each dimension it can break down by, other than none and month */
  columns: Partial<Record<Dimension, string>>;
}

const APPOINTMENTS: MetricSource = {
  table: 'appointments',
  time: 'start_at',
  counselor: 'counselor_id',
  where: null,
  columns: { counselor: 'counselor_id', service_type: 'service_type' },
};

const caseColumns = { counselor: 'primary_counselor_id', service_type: 'service_type', channel: 'channel' };
const CASES_OPENED: MetricSource = {
  table: 'cases',
  time: 'opened_at',
  counselor: 'primary_counselor_id',
  where: null,
  columns: caseColumns,
};
const CASES_CLOSED: MetricSource = { ...CASES_OPENED, time: 'closed_at' };
const CASES_ACTIVE: MetricSource = { ...CASES_OPENED, time: null, where: "status = 'active'" };

export interface MetricDefinition {
  unit: MetricUnit;
  source: MetricSource;
  /** the figure, an aggregate over the source's rows */
  value: string;
  /** how many appointments or cases stand behind the figure: the number suppression judges */
  population: string;
  /** who may see it; a counselor only ever sees their own figures */
  roles: readonly Role[];
}

const COMPLETED = "status = 'completed'";
const clinicians: readonly Role[] = ['admin', 'director', 'counselor'];

export const METRICS: Record<MetricId, MetricDefinition> = {
  sessions: {
    unit: 'count',
    source: APPOINTMENTS,
    value: `SUM(${COMPLETED})`,
    population: `SUM(${COMPLETED})`,
    roles: clinicians,
  },
  hours: {
    unit: 'hours',
    source: APPOINTMENTS,
    value: `SUM(CASE WHEN ${COMPLETED} THEN end_at - start_at ELSE 0 END) / 3600000.0`,
    population: `SUM(${COMPLETED})`,
    roles: clinicians,
  },
  billed_fees: {
    unit: 'cents',
    source: APPOINTMENTS,
    value: `SUM(CASE WHEN ${COMPLETED} THEN fee_cents ELSE 0 END)`,
    population: `SUM(${COMPLETED})`,
    roles: ['admin', 'director', 'finance'],
  },
  no_show_rate: {
    unit: 'ratio',
    source: APPOINTMENTS,
    value: "CAST(SUM(status = 'no_show') AS REAL) / NULLIF(SUM(status IN ('completed', 'no_show')), 0)",
    population: "SUM(status IN ('completed', 'no_show'))",
    roles: clinicians,
  },
  cancellation_rate: {
    unit: 'ratio',
    source: APPOINTMENTS,
    value: "CAST(SUM(status = 'cancelled') AS REAL) / NULLIF(COUNT(*), 0)",
    population: 'COUNT(*)',
    roles: clinicians,
  },
  new_cases: {
    unit: 'count',
    source: CASES_OPENED,
    value: 'COUNT(*)',
    population: 'COUNT(*)',
    roles: clinicians,
  },
  closed_cases: {
    unit: 'count',
    source: CASES_CLOSED,
    value: 'COUNT(*)',
    population: 'COUNT(*)',
    roles: clinicians,
  },
  active_cases: {
    unit: 'count',
    source: CASES_ACTIVE,
    value: 'COUNT(*)',
    population: 'COUNT(*)',
    roles: clinicians,
  },
};

/** Breakdowns by these could single out a client (one person in a rare service or channel). */
export const SUPPRESSED_DIMENSIONS: readonly Dimension[] = ['service_type', 'channel'];

export function dimensionsOf(definition: MetricDefinition): Dimension[] {
  const dimensions: Dimension[] = ['none', ...(Object.keys(definition.source.columns) as Dimension[])];
  if (definition.source.time) dimensions.push('month');
  return dimensions;
}

export function mayView(definition: MetricDefinition, roles: readonly Role[]): boolean {
  return definition.roles.some((role) => roles.includes(role));
}

/** Directors, admins and finance see the whole center; someone who is only a counselor, their own. */
export function seesWholeCenter(definition: MetricDefinition, roles: readonly Role[]): boolean {
  return definition.roles.some((role) => role !== 'counselor' && roles.includes(role));
}
