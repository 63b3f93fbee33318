import type { MetricId } from '../../core/api/reports.js';
import { clinicians, financeReaders, type MetricDefinition } from './metric.js';
import { type MetricSource, sourceMetric } from './source-metric.js';

/** Figures over appointments in a period, read from the covering index appointments_for_reports. */
const APPOINTMENTS: MetricSource = {
  from: 'appointments',
  time: 'start_at',
  counselor: 'counselor_id',
  where: null,
  columns: { counselor: 'counselor_id', service_type: 'service_type' },
};

const COMPLETED = "status = 'completed'";

/**
 * What a completed session's fee still lacks: its payments net of refunds, looked up by the
 * appointment (payments_by_appointment). A fee paid in full, or more, owes nothing.
 */
const OWED = `MAX(0, a.fee_cents - COALESCE((SELECT SUM(p.amount - p.refunded_amount) FROM payments p
  WHERE p.appointment_id = a.id), 0))`;

export const APPOINTMENT_METRICS = {
  sessions: sourceMetric({
    unit: 'count',
    source: APPOINTMENTS,
    value: `SUM(${COMPLETED})`,
    population: `SUM(${COMPLETED})`,
    roles: clinicians,
  }),
  hours: sourceMetric({
    unit: 'hours',
    source: APPOINTMENTS,
    value: `SUM(CASE WHEN ${COMPLETED} THEN end_at - start_at ELSE 0 END) / 3600000.0`,
    population: `SUM(${COMPLETED})`,
    roles: clinicians,
  }),
  billed_fees: sourceMetric({
    unit: 'cents',
    source: APPOINTMENTS,
    value: `SUM(CASE WHEN ${COMPLETED} THEN fee_cents ELSE 0 END)`,
    population: `SUM(${COMPLETED})`,
    roles: financeReaders,
  }),
  no_show_rate: sourceMetric({
    unit: 'ratio',
    source: APPOINTMENTS,
    value: "CAST(SUM(status = 'no_show') AS REAL) / NULLIF(SUM(status IN ('completed', 'no_show')), 0)",
    population: "SUM(status IN ('completed', 'no_show'))",
    roles: clinicians,
  }),
  cancellation_rate: sourceMetric({
    unit: 'ratio',
    source: APPOINTMENTS,
    value: "CAST(SUM(status = 'cancelled') AS REAL) / NULLIF(COUNT(*), 0)",
    population: 'COUNT(*)',
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
