import type { MessageKey } from '../lib/i18n';
import type { Role } from '../lib/roles';
import {
  AuditIcon,
  BookingsIcon,
  CalendarIcon,
  CasesIcon,
  ClientsIcon,
  ConferenceIcon,
  DashboardIcon,
  FormIcon,
  type IconComponent,
  KeyIcon,
  KnowledgeIcon,
  LockIcon,
  PaymentsIcon,
  ReportsIcon,
  RevenueIcon,
  RulesIcon,
  SearchIcon,
  SettingsIcon,
  SharedIcon,
  SupervisionIcon,
  TasksIcon,
  UsersIcon,
  WorkflowIcon,
} from '../ui/icons';

export interface NavItem {
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: IconComponent;
}

export interface NavSection {
  readonly role: Role;
  readonly label: MessageKey;
  readonly items: readonly NavItem[];
}

const users: NavItem = { path: '/admin/users', label: 'nav.users', icon: UsersIcon };
const audit: NavItem = { path: '/admin/audit', label: 'nav.audit', icon: AuditIcon };
const forms: NavItem = { path: '/admin/forms', label: 'nav.forms', icon: FormIcon };
const workflows: NavItem = { path: '/admin/workflows', label: 'nav.workflows', icon: WorkflowIcon };
const rules: NavItem = { path: '/admin/rules', label: 'nav.rules', icon: RulesIcon };
const reports: NavItem = { path: '/reports', label: 'nav.reports', icon: ReportsIcon };
const dashboards: NavItem = { path: '/dashboards', label: 'nav.dashboards', icon: DashboardIcon };
const settings: NavItem = { path: '/admin/settings', label: 'nav.settings', icon: SettingsIcon };
const integrations: NavItem = { path: '/admin/integrations', label: 'nav.integrations', icon: KeyIcon };
const myCases: NavItem = { path: '/cases', label: 'nav.myCases', icon: CasesIcon };
const schedule: NavItem = { path: '/schedule', label: 'nav.schedule', icon: CalendarIcon };
const tasks: NavItem = { path: '/tasks', label: 'nav.tasks', icon: TasksIcon };
const supervisionArchive: NavItem = {
  path: '/supervision-archive',
  label: 'nav.supervisionArchive',
  icon: SupervisionIcon,
};
const conferences: NavItem = { path: '/conferences', label: 'nav.conferences', icon: ConferenceIcon };
const search: NavItem = { path: '/search', label: 'nav.search', icon: SearchIcon };
const knowledge: NavItem = { path: '/knowledge', label: 'nav.knowledge', icon: KnowledgeIcon };
const sharedCases: NavItem = { path: '/shared-cases', label: 'nav.sharedCases', icon: SharedIcon };
const bookings: NavItem = { path: '/bookings', label: 'nav.bookings', icon: BookingsIcon };
const clients: NavItem = { path: '/clients', label: 'nav.clients', icon: ClientsIcon };
const payments: NavItem = { path: '/payments', label: 'nav.payments', icon: PaymentsIcon };
const recovery: NavItem = { path: '/director/recovery', label: 'nav.recovery', icon: KeyIcon };
const revenue: NavItem = { path: '/revenue', label: 'nav.revenue', icon: RevenueIcon };
const dataRights: NavItem = { path: '/data-rights', label: 'nav.dataRights', icon: LockIcon };

/** What each role works on, in the order the sidebar shows it. The server enforces the same roles. */
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    role: 'admin',
    label: 'nav.section.admin',
    items: [
      users,
      audit,
      forms,
      workflows,
      rules,
      dashboards,
      reports,
      integrations,
      settings,
      dataRights,
      knowledge,
      search,
    ],
  },
  {
    role: 'director',
    label: 'nav.section.director',
    items: [
      dashboards,
      reports,
      schedule,
      tasks,
      conferences,
      knowledge,
      search,
      audit,
      recovery,
      settings,
      dataRights,
    ],
  },
  {
    role: 'counselor',
    label: 'nav.section.counselor',
    items: [
      myCases,
      conferences,
      supervisionArchive,
      knowledge,
      search,
      schedule,
      tasks,
      dataRights,
      dashboards,
      reports,
    ],
  },
  // Supervisors and directors are assigned process steps too (ask for access, review, archive).
  {
    role: 'supervisor',
    label: 'nav.section.supervisor',
    items: [supervisionArchive, sharedCases, conferences, knowledge, search, tasks],
  },
  {
    role: 'frontdesk',
    label: 'nav.section.frontdesk',
    items: [bookings, schedule, clients, tasks, knowledge, search],
  },
  {
    role: 'finance',
    label: 'nav.section.finance',
    items: [payments, dashboards, revenue, knowledge, search],
  },
];

/** The sections for someone holding `roles`; a page already listed under an earlier role is not repeated. */
export function navigationFor(roles: readonly Role[]): NavSection[] {
  const seen = new Set<string>();
  const sections: NavSection[] = [];
  for (const section of NAV_SECTIONS) {
    if (!roles.includes(section.role)) continue;
    const items = section.items.filter((item) => !seen.has(item.path));
    for (const item of items) seen.add(item.path);
    if (items.length > 0) sections.push({ ...section, items });
  }
  return sections;
}

/** Every page of the signed-in area, once each, with the roles that may open it. */
export function allPages(): { item: NavItem; roles: Role[] }[] {
  const pages = new Map<string, { item: NavItem; roles: Role[] }>();
  for (const section of NAV_SECTIONS) {
    for (const item of section.items) {
      const page = pages.get(item.path) ?? { item, roles: [] };
      page.roles.push(section.role);
      pages.set(item.path, page);
    }
  }
  return [...pages.values()];
}

/** Whoever has a search page (it searches what they can decrypt) also has the top bar's box. */
export function canSearch(roles: readonly Role[]): boolean {
  return NAV_SECTIONS.some((section) => roles.includes(section.role) && section.items.includes(search));
}
