import type { MetricId } from '../../core/api/reports.js';
import { financeReaders, type MetricDefinition } from './metric.js';
import { rollupMetric } from './rollup-metric.js';

/**
 * Revenue as money received: payments net of their refunds, by the day they were paid, read from
 * payment_month_rollups (0029) and payment_rollups (0026) for whole local months and days and payments_for_reports (0017) at a period's edges. A payment names its service; its type comes from the service.
 * One institution bills in one currency, so amounts add up.
 */
export const FINANCE_METRICS = {
  revenue: rollupMetric({
    unit: 'cents',
    source: {
      rollup: {
        from: 'payment_rollups r LEFT JOIN services s ON s.id = r.service_id',
        day: 'r.local_day',
        counselor: 'r.counselor_id',
        columns: { counselor: "NULLIF(r.counselor_id, '')", service_type: 's.service_type' },
        fields: { n: 'r.payments', net: 'r.net_cents' },
      },
      months: {
        from: 'payment_month_rollups r LEFT JOIN services s ON s.id = r.service_id',
        day: 'r.month_day',
        counselor: 'r.counselor_id',
        columns: { counselor: "NULLIF(r.counselor_id, '')", service_type: 's.service_type' },
        fields: { n: 'r.payments', net: 'r.net_cents' },
      },
      base: {
        from: 'payments p LEFT JOIN services s ON s.id = p.service_id',
        time: 'p.paid_at',
        counselor: 'p.counselor_id',
        columns: { counselor: 'p.counselor_id', service_type: 's.service_type' },
        fields: { n: '1', net: 'p.amount - p.refunded_amount' },
      },
    },
    value: 'TOTAL(net)',
    population: 'TOTAL(n)',
    roles: financeReaders,
  }),
} satisfies Partial<Record<MetricId, MetricDefinition>>;
