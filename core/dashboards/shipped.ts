import type { DashboardInput, DashboardWidget } from '../api/dashboards.js';

/**
 * The dashboards a new center starts with (DESIGN §3, issue 9), installed at setup and, for a
 * center set up before they shipped, from the dashboards page; each once (its template is unique).
 * Widgets name metrics by catalog id: one the server does not offer (yet) shows as unavailable.
 */
export interface ShippedDashboard {
  readonly template: string;
  readonly names: { readonly 'zh-CN': string; readonly en: string };
  readonly dashboard: Omit<DashboardInput, 'name'>;
}

const widget = (
  id: string,
  chart: DashboardWidget['chart'],
  metrics: string[],
  dimension: string,
  period: DashboardWidget['period'],
): DashboardWidget => ({ id, title: '', chart, metrics, dimension, period });

export const SHIPPED_DASHBOARDS: readonly ShippedDashboard[] = [
  {
    template: 'operations-cockpit',
    names: { 'zh-CN': '运营驾驶舱', en: 'Operations cockpit' },
    dashboard: {
      roles: ['admin', 'director'],
      widgets: [
        widget(
          'now',
          'kpi',
          ['active_cases', 'sessions', 'billed_fees', 'no_show_rate'],
          'none',
          'this_month',
        ),
        widget('sessions-trend', 'line', ['sessions'], 'month', 'last_12_months'),
        widget('cases-flow', 'stacked_bar', ['new_cases', 'closed_cases'], 'month', 'last_12_months'),
        widget('channels', 'pie', ['new_cases'], 'channel', 'this_year'),
        widget('utilization', 'bar', ['utilization'], 'counselor', 'this_month'),
        widget('attendance', 'line', ['no_show_rate', 'cancellation_rate'], 'month', 'last_12_months'),
      ],
    },
  },
  {
    template: 'counselor-workload',
    names: { 'zh-CN': '咨询师工作量', en: 'Counselor workload' },
    dashboard: {
      roles: ['admin', 'director', 'counselor'],
      widgets: [
        widget('this-month', 'kpi', ['active_cases', 'sessions', 'hours'], 'none', 'this_month'),
        widget('hours-trend', 'line', ['hours'], 'month', 'last_12_months'),
        widget('by-counselor', 'bar', ['sessions'], 'counselor', 'last_3_months'),
        widget(
          'detail',
          'table',
          ['sessions', 'hours', 'no_show_rate', 'cancellation_rate'],
          'counselor',
          'this_month',
        ),
      ],
    },
  },
  {
    template: 'revenue',
    names: { 'zh-CN': '营收', en: 'Revenue' },
    dashboard: {
      roles: ['admin', 'director', 'finance'],
      widgets: [
        widget('this-month', 'kpi', ['revenue', 'billed_fees', 'outstanding_fees'], 'none', 'this_month'),
        widget('trend', 'line', ['revenue', 'billed_fees'], 'month', 'last_12_months'),
        widget('by-service', 'pie', ['billed_fees'], 'service_type', 'this_year'),
        widget('by-counselor', 'bar', ['billed_fees'], 'counselor', 'this_year'),
      ],
    },
  },
  {
    template: 'channel-funnel',
    names: { 'zh-CN': '渠道漏斗', en: 'Channel funnel' },
    dashboard: {
      roles: ['admin', 'director'],
      widgets: [
        widget('funnel', 'funnel', ['channel_funnel'], 'stage', 'last_12_months'),
        widget('new-by-channel', 'bar', ['new_cases'], 'channel', 'last_12_months'),
        widget('channel-table', 'table', ['new_cases', 'closed_cases'], 'channel', 'last_12_months'),
      ],
    },
  },
  {
    template: 'dropout-retention',
    names: { 'zh-CN': '脱落与留存', en: 'Dropout and retention' },
    dashboard: {
      roles: ['admin', 'director'],
      widgets: [
        widget('rates', 'kpi', ['dropout_rate', 'retention_rate'], 'none', 'last_12_months'),
        widget('trend', 'line', ['dropout_rate', 'retention_rate'], 'month', 'last_12_months'),
        widget('closed-trend', 'bar', ['closed_cases'], 'month', 'last_12_months'),
        widget('per-case', 'bar', ['sessions_per_case'], 'counselor', 'last_12_months'),
      ],
    },
  },
];
