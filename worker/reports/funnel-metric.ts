import { FUNNEL_STAGES, type FunnelStage } from '../../core/api/reports.js';
import { CASES_WITH_FACTS, SESSIONS_OF_CASE } from './case-metrics.js';
import { centerLeads, type MetricContext, type MetricDefinition, numberOrNull } from './metric.js';
import { sourceConditions, whereClause } from './source-metric.js';

/**
 * The channel funnel: booking requests made in the period (booking_requests_for_reports, 0017),
 * how many the front desk screened and matched; then the cases opened in the period, how many
 * reached a first and a third session, and how many closed after that third (completed). A request
 * does not name the case it became, so the two halves count their own cohorts; a channel filter
 * narrows both.
 */
function plan(context: MetricContext) {
  const channel = context.query.channel;
  const requestConditions = ['created_at >= ? AND created_at < ?'];
  const requestParams: (string | number)[] = [context.query.from, context.query.to];
  if (channel !== undefined) {
    requestConditions.push('channel = ?');
    requestParams.push(channel);
  }
  const cases = sourceConditions(
    {
      time: 'c.opened_at',
      where: null,
      counselor: 'c.primary_counselor_id',
      columns: { channel: 'c.channel' },
    },
    context,
  );
  return {
    statements: [
      {
        sql:
          "SELECT COUNT(*) AS requested, TOTAL(status != 'new') AS screened, " +
          `TOTAL(status = 'scheduled') AS matched FROM booking_requests ${whereClause(requestConditions)}`,
        params: requestParams,
      },
      {
        sql:
          `WITH per_case AS MATERIALIZED (SELECT ${SESSIONS_OF_CASE} AS sessions, ` +
          `c.status IN ('closed', 'archived') AS closed FROM ${CASES_WITH_FACTS} ${whereClause(cases.conditions)}) ` +
          'SELECT TOTAL(sessions >= 1) AS first_session, TOTAL(sessions >= 3) AS third_session, ' +
          'TOTAL(sessions >= 3 AND closed) AS completed FROM per_case',
        params: cases.params,
      },
    ],
    combine: ([requests = [], opened = []]: Record<string, unknown>[][]) => {
      const figures = { ...requests[0], ...opened[0] } as Partial<Record<FunnelStage, unknown>>;
      return FUNNEL_STAGES.map((stage) => {
        const count = numberOrNull(figures[stage]) ?? 0;
        return { key: stage, value: count, population: count };
      });
    },
  };
}

export const channelFunnel: MetricDefinition = {
  unit: 'count',
  roles: centerLeads,
  dimensions: ['stage'],
  filters: ['channel'],
  snapshot: false,
  alwaysSuppressed: false,
  plan,
};
