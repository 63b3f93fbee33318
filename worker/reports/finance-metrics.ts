import type { MetricId } from '../../core/api/reports.js';
import { financeReaders, type MetricDefinition } from './metric.js';
import { sourceMetric } from './source-metric.js';

/**
 * Revenue as money received: payments net of their refunds, by the day they were paid, read from
 * payments_for_reports (0017). A payment names its service; its type comes from the service.
 * One institution bills in one currency, so amounts add up.
 */
export const FINANCE_METRICS = {
  revenue: sourceMetric({
    unit: 'cents',
    source: {
      from: 'payments p LEFT JOIN services s ON s.id = p.service_id',
      time: 'p.paid_at',
      counselor: 'p.counselor_id',
      where: null,
      columns: { counselor: 'p.counselor_id', service_type: 's.service_type' },
    },
    value: 'SUM(p.amount - p.refunded_amount)',
    population: 'COUNT(*)',
    roles: financeReaders,
  }),
} satisfies Partial<Record<MetricId, MetricDefinition>>;
