import type { Dimension, MetricId } from '../../core/api/reports.js';
import type { Role } from '../../core/api/roles.js';
import { APPOINTMENT_METRICS } from './appointment-metrics.js';
import { CASE_METRICS } from './case-metrics.js';
import { FINANCE_METRICS } from './finance-metrics.js';
import { channelFunnel } from './funnel-metric.js';
import type { MetricDefinition } from './metric.js';
import { retentionRate } from './retention-metric.js';
import { satisfaction } from './satisfaction-metric.js';
import { supervisionCompliance } from './supervision-metric.js';
import { utilization } from './utilization-metric.js';

export const METRICS: Record<MetricId, MetricDefinition> = {
  ...APPOINTMENT_METRICS,
  ...CASE_METRICS,
  ...FINANCE_METRICS,
  utilization,
  channel_funnel: channelFunnel,
  retention_rate: retentionRate,
  satisfaction,
  supervision_compliance: supervisionCompliance,
};

/** Breakdowns by these could single out a client (one person in a rare service or channel). */
export const SUPPRESSED_DIMENSIONS: readonly Dimension[] = ['service_type', 'channel'];

export function dimensionsOf(definition: MetricDefinition): readonly Dimension[] {
  return definition.dimensions;
}

export function mayView(definition: MetricDefinition, roles: readonly Role[]): boolean {
  return definition.roles.some((role) => roles.includes(role));
}

/** Directors, admins and finance see the whole center; someone who is only a counselor, their own. */
export function seesWholeCenter(definition: MetricDefinition, roles: readonly Role[]): boolean {
  return definition.roles.some((role) => role !== 'counselor' && roles.includes(role));
}
