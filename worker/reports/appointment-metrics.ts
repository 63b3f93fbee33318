import type { MetricId } from '../../core/api/reports.js';
import { clinicians, financeReaders, type MetricDefinition } from './metric.js';
import { type RollupSource, rollupMetric } from './rollup-metric.js';
import { sourceMetric } from './source-metric.js';

/**
 * Figures over appointments in a period: whole local months and days from appointment_month_rollups
 * (0029) and appointment_rollups (0026), the
 * hours at a period's edges from the covering index appointments_for_reports. Each row brings how
 * many appointments (n), how many completed, no-shows and cancelled, and the completed ones'
 * time in ms and fees.
 */
const ROLLED_UP = {
  counselor: 'counselor_id',
  columns: { counselor: 'counselor_id', service_type: 'service_type' },
  fields: {
    n: 'appointments',
    completed: 'completed',
    no_shows: 'no_shows',
    cancelled: 'cancelled',
    ms: 'completed_ms',
    fees: 'completed_fee_cents',
  },
};

const APPOINTMENTS: RollupSource = {
  rollup: { from: 'appointment_rollups', day: 'local_day', ...ROLLED_UP },
  months: { from: 'appointment_month_rollups', day: 'month_day', ...ROLLED_UP },
  base: {
    from: 'appointments',
    time: 'start_at',
    counselor: 'counselor_id',
    columns: { counselor: 'counselor_id', service_type: 'service_type' },
    fields: {
      n: '1',
      completed: "status = 'completed'",
      no_shows: "status = 'no_show'",
      cancelled: "status = 'cancelled'",
      ms: "CASE WHEN status = 'completed' THEN end_at - start_at ELSE 0 END",
      fees: "CASE WHEN status = 'completed' THEN fee_cents ELSE 0 END",
    },
  },
};

/**
 * What a completed session's fee still lacks: its payments net of refunds, looked up by the
 * appointment (payments_by_appointment). A fee paid in full, or more, owes nothing.
 */
const OWED = `MAX(0, a.fee_cents - COALESCE((SELECT SUM(p.amount - p.refunded_amount) FROM payments p
  WHERE p.appointment_id = a.id), 0))`;

export const APPOINTMENT_METRICS = {
  sessions: rollupMetric({
    unit: 'count',
    source: APPOINTMENTS,
    value: 'TOTAL(completed)',
    population: 'TOTAL(completed)',
    roles: clinicians,
  }),
  hours: rollupMetric({
    unit: 'hours',
    source: APPOINTMENTS,
    value: 'TOTAL(ms) / 3600000.0',
    population: 'TOTAL(completed)',
    roles: clinicians,
  }),
  billed_fees: rollupMetric({
    unit: 'cents',
    source: APPOINTMENTS,
    value: 'TOTAL(fees)',
    population: 'TOTAL(completed)',
    roles: financeReaders,
  }),
  no_show_rate: rollupMetric({
    unit: 'ratio',
    source: APPOINTMENTS,
    value: 'TOTAL(no_shows) / NULLIF(TOTAL(completed) + TOTAL(no_shows), 0)',
    population: 'TOTAL(completed) + TOTAL(no_shows)',
    roles: clinicians,
  }),
  cancellation_rate: rollupMetric({
    unit: 'ratio',
    source: APPOINTMENTS,
    value: 'TOTAL(cancelled) / NULLIF(TOTAL(n), 0)',
    population: 'TOTAL(n)',
    roles: clinicians,
  }),
  outstanding_fees: sourceMetric({
    unit: 'cents',
    source: {
      from: 'appointments a',
      time: 'a.start_at',
      counselor: 'a.counselor_id',
      where: "a.status = 'completed' AND a.fee_cents > 0",
      columns: { counselor: 'a.counselor_id', service_type: 'a.service_type' },
    },
    value: `SUM(${OWED})`,
    population: 'COUNT(*)',
    roles: financeReaders,
  }),
} satisfies Partial<Record<MetricId, MetricDefinition>>;
