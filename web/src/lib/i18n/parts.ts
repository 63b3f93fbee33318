import type { Locale } from './messages';

/**
 * Each feature's words, one chunk per feature and language, loaded with the feature's page
 * (see lazyPage in ./index.tsx) so the first screen carries the core dictionary only. Every part's
 * en file is typed by its zh-CN file: a key missing in either language fails the typecheck.
 */
export const dictionaryParts = {
  admin: {
    'zh-CN': () => import('./admin.zh-CN').then((m) => m.adminZhCN),
    en: () => import('./admin.en').then((m) => m.adminEn),
  },
  'booking-steps': {
    'zh-CN': () => import('./booking-steps.zh-CN').then((m) => m.bookingStepsZhCN),
    en: () => import('./booking-steps.en').then((m) => m.bookingStepsEn),
  },
  'case-admin': {
    'zh-CN': () => import('./case-admin.zh-CN').then((m) => m.caseAdminZhCN),
    en: () => import('./case-admin.en').then((m) => m.caseAdminEn),
  },
  cases: {
    'zh-CN': () => import('./cases.zh-CN').then((m) => m.casesZhCN),
    en: () => import('./cases.en').then((m) => m.casesEn),
  },
  clients: {
    'zh-CN': () => import('./clients.zh-CN').then((m) => m.clientsZhCN),
    en: () => import('./clients.en').then((m) => m.clientsEn),
  },
  compliance: {
    'zh-CN': () => import('./compliance.zh-CN').then((m) => m.complianceZhCN),
    en: () => import('./compliance.en').then((m) => m.complianceEn),
  },
  conferences: {
    'zh-CN': () => import('./conferences.zh-CN').then((m) => m.conferencesZhCN),
    en: () => import('./conferences.en').then((m) => m.conferencesEn),
  },
  'counselor-profiles': {
    'zh-CN': () => import('./counselor-profiles.zh-CN').then((m) => m.counselorProfilesZhCN),
    en: () => import('./counselor-profiles.en').then((m) => m.counselorProfilesEn),
  },
  dashboards: {
    'zh-CN': () => import('./dashboards.zh-CN').then((m) => m.dashboardsZhCN),
    en: () => import('./dashboards.en').then((m) => m.dashboardsEn),
  },
  forms: {
    'zh-CN': () => import('./forms.zh-CN').then((m) => m.formsZhCN),
    en: () => import('./forms.en').then((m) => m.formsEn),
  },
  integrations: {
    'zh-CN': () => import('./integrations.zh-CN').then((m) => m.integrationsZhCN),
    en: () => import('./integrations.en').then((m) => m.integrationsEn),
  },
  knowledge: {
    'zh-CN': () => import('./knowledge.zh-CN').then((m) => m.knowledgeZhCN),
    en: () => import('./knowledge.en').then((m) => m.knowledgeEn),
  },
  portal: {
    'zh-CN': () => import('./portal.zh-CN').then((m) => m.portalZhCN),
    en: () => import('./portal.en').then((m) => m.portalEn),
  },
  reports: {
    'zh-CN': () => import('./reports.zh-CN').then((m) => m.reportsZhCN),
    en: () => import('./reports.en').then((m) => m.reportsEn),
  },
  rules: {
    'zh-CN': () => import('./rules.zh-CN').then((m) => m.rulesZhCN),
    en: () => import('./rules.en').then((m) => m.rulesEn),
  },
  schedule: {
    'zh-CN': () => import('./schedule.zh-CN').then((m) => m.scheduleZhCN),
    en: () => import('./schedule.en').then((m) => m.scheduleEn),
  },
  search: {
    'zh-CN': () => import('./search.zh-CN').then((m) => m.searchZhCN),
    en: () => import('./search.en').then((m) => m.searchEn),
  },
  setup: {
    'zh-CN': () => import('./setup.zh-CN').then((m) => m.setupZhCN),
    en: () => import('./setup.en').then((m) => m.setupEn),
  },
  'supervision-archive': {
    'zh-CN': () => import('./supervision-archive.zh-CN').then((m) => m.supervisionArchiveZhCN),
    en: () => import('./supervision-archive.en').then((m) => m.supervisionArchiveEn),
  },
  'workflow-designer': {
    'zh-CN': () => import('./workflow-designer.zh-CN').then((m) => m.workflowDesignerZhCN),
    en: () => import('./workflow-designer.en').then((m) => m.workflowDesignerEn),
  },
  'workflow-steps': {
    'zh-CN': () => import('./workflow-steps.zh-CN').then((m) => m.workflowStepsZhCN),
    en: () => import('./workflow-steps.en').then((m) => m.workflowStepsEn),
  },
  workflows: {
    'zh-CN': () => import('./workflows.zh-CN').then((m) => m.workflowsZhCN),
    en: () => import('./workflows.en').then((m) => m.workflowsEn),
  },
} satisfies Record<string, Readonly<Record<Locale, () => Promise<Readonly<Record<string, string>>>>>>;

export type DictionaryPart = keyof typeof dictionaryParts;
