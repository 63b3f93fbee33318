import type { RuleInput } from './model.js';

/**
 * The rules a new center starts with (DESIGN §3, issue 8). Installed from the rule editor with
 * one click, enabled, each once (its template key is unique); an admin may then edit or disable it.
 * The 24 h appointment reminder is not among them: scheduling sends it itself (worker/reminders.ts),
 * to the counselor in the app and to an opted-in client by email, so nobody is reminded twice.
 */
export interface ShippedRule {
  readonly template: string;
  readonly names: { readonly 'zh-CN': string; readonly en: string };
  readonly rule: Omit<RuleInput, 'name'>;
}

export const SHIPPED_RULES: readonly ShippedRule[] = [
  {
    template: 'no-record-30-days',
    names: { 'zh-CN': '活跃个案 30 天无记录', en: 'No record for 30 days on an active case' },
    rule: {
      // 09:00 in the center's time zone: the start of the working day.
      trigger: { kind: 'schedule', every: 'daily', hour: 9 },
      condition: {
        and: [
          { '==': [{ var: 'case.status' }, 'active'] },
          { '>=': [{ var: 'case.daysSinceLastRecord' }, 30] },
        ],
      },
      actions: [
        {
          kind: 'notify',
          to: [
            { kind: 'relation', relation: 'primary_counselor' },
            { kind: 'relation', relation: 'supervisor' },
          ],
          email: true,
        },
      ],
      dedupDays: 7,
      enabled: true,
    },
  },
  {
    template: 'low-satisfaction',
    names: { 'zh-CN': '满意度低于 3 分：关怀回访', en: 'Satisfaction below 3: care call' },
    rule: {
      trigger: { kind: 'event', event: 'survey.submitted' },
      condition: { '<': [{ var: 'event.operational.overall_satisfaction' }, 3] },
      actions: [
        {
          kind: 'create_task',
          title: '满意度回访 / Care call',
          assignee: { kind: 'role', role: 'frontdesk' },
          dueInDays: 2,
        },
      ],
      dedupDays: 0,
      enabled: true,
    },
  },
  {
    template: 'grant-expiring',
    names: { 'zh-CN': '授权 24 小时内到期', en: 'Access grant expiring within 24 h' },
    rule: {
      trigger: { kind: 'event', event: 'grant.expiring' },
      condition: { '<=': [{ var: 'event.hoursLeft' }, 24] },
      actions: [
        {
          kind: 'notify',
          to: [
            { kind: 'relation', relation: 'grantee' },
            { kind: 'relation', relation: 'owner' },
          ],
          email: false,
        },
      ],
      dedupDays: 1,
      enabled: true,
    },
  },
  {
    template: 'supervision-report-overdue',
    names: { 'zh-CN': '督导报告逾期：上报', en: 'Supervision report overdue: escalate' },
    rule: {
      trigger: { kind: 'event', event: 'supervision.report_overdue' },
      condition: true,
      actions: [
        {
          kind: 'notify',
          to: [
            { kind: 'relation', relation: 'counselor' },
            { kind: 'role', role: 'director' },
          ],
          email: true,
        },
      ],
      dedupDays: 7,
      enabled: true,
    },
  },
];
