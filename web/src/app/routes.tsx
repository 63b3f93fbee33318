import type { RouteDefinition } from '@solidjs/router';
import type { Component } from 'solid-js';
import { lazyPage } from '../lib/i18n';
import { ROLES } from '../lib/roles';
import { HomeRedirect } from './HomeRedirect';
import { allPages } from './navigation';
import { RoleGate } from './RoleGate';
import { SignedInArea } from './SignedInArea';
import { ComingSoon, NotFound } from './StatusPages';

// Every page is its own chunk, loaded with its dictionary parts: the first load carries the shell and
// the page it lands on only.
const ChangePassphrasePage = lazyPage([], () =>
  import('../features/account/ChangePassphrasePage').then((m) => m.ChangePassphrasePage),
);
const CounselorProfilePage = lazyPage(['counselor-profiles'], () =>
  import('../features/account/CounselorProfilePage').then((m) => m.CounselorProfilePage),
);
const AuditLogPage = lazyPage(['admin', 'compliance'], () =>
  import('../features/admin/AuditLogPage').then((m) => m.AuditLogPage),
);
const SettingsPage = lazyPage(['cases', 'schedule', 'supervision-archive'], () =>
  import('../features/admin/SettingsPage').then((m) => m.SettingsPage),
);
const UsersPage = lazyPage(['admin', 'clients', 'counselor-profiles'], () =>
  import('../features/admin/UsersPage').then((m) => m.UsersPage),
);
const InvitePage = lazyPage([], () => import('../features/auth/InvitePage').then((m) => m.InvitePage));
const LoginPage = lazyPage([], () => import('../features/auth/LoginPage').then((m) => m.LoginPage));
const RecoveryLoginPage = lazyPage([], () =>
  import('../features/auth/RecoveryLoginPage').then((m) => m.RecoveryLoginPage),
);
const BookingsPage = lazyPage(['integrations'], () =>
  import('../features/bookings/BookingsPage').then((m) => m.BookingsPage),
);
const CasePage = lazyPage(
  ['case-admin', 'cases', 'compliance', 'conferences', 'forms', 'portal', 'workflow-steps', 'workflows'],
  () => import('../features/cases/CasePage').then((m) => m.CasePage),
);
const CasePrintPage = lazyPage(['case-admin', 'cases', 'forms'], () =>
  import('../features/cases/CasePrintPage').then((m) => m.CasePrintPage),
);
const CasesPage = lazyPage(['cases', 'clients'], () =>
  import('../features/cases/CasesPage').then((m) => m.CasesPage),
);
const RecordEditorPage = lazyPage(['cases', 'forms'], () =>
  import('../features/cases/RecordEditorPage').then((m) => m.RecordEditorPage),
);
const SharedCasesPage = lazyPage(['case-admin', 'cases'], () =>
  import('../features/cases/SharedCasesPage').then((m) => m.SharedCasesPage),
);
const ClientsPage = lazyPage(['cases', 'clients'], () =>
  import('../features/clients/ClientsPage').then((m) => m.ClientsPage),
);
const CaseAccessLogPage = lazyPage(['admin', 'compliance'], () =>
  import('../features/compliance/CaseAccessLogPage').then((m) => m.CaseAccessLogPage),
);
const ConferencePage = lazyPage(['cases', 'conferences'], () =>
  import('../features/conferences/ConferencePage').then((m) => m.ConferencePage),
);
const ConferencesPage = lazyPage(['cases', 'conferences'], () =>
  import('../features/conferences/ConferencesPage').then((m) => m.ConferencesPage),
);
const DashboardBuilderPage = lazyPage(['cases', 'dashboards', 'reports'], () =>
  import('../features/dashboards/DashboardBuilderPage').then((m) => m.DashboardBuilderPage),
);
const DashboardsPage = lazyPage(['cases', 'dashboards', 'reports'], () =>
  import('../features/dashboards/DashboardsPage').then((m) => m.DashboardsPage),
);
const DataRightsPage = lazyPage(['admin', 'cases', 'compliance'], () =>
  import('../features/compliance/DataRightsPage').then((m) => m.DataRightsPage),
);
const KnowledgePage = lazyPage(['knowledge'], () =>
  import('../features/knowledge/KnowledgePage').then((m) => m.KnowledgePage),
);
const ArticlePage = lazyPage(['knowledge'], () =>
  import('../features/knowledge/ArticlePage').then((m) => m.ArticlePage),
);
const ArticleEditorPage = lazyPage(['knowledge'], () =>
  import('../features/knowledge/ArticleEditorPage').then((m) => m.ArticleEditorPage),
);
const OutboxPage = lazyPage(['admin'], () => import('../features/dev/OutboxPage').then((m) => m.OutboxPage));
const FormDesignerPage = lazyPage(['cases', 'forms'], () =>
  import('../features/forms/designer/FormDesignerPage').then((m) => m.FormDesignerPage),
);
const FormsPage = lazyPage(['cases', 'forms'], () =>
  import('../features/forms/FormsPage').then((m) => m.FormsPage),
);
const IntegrationsPage = lazyPage(['integrations'], () =>
  import('../features/integrations/IntegrationsPage').then((m) => m.IntegrationsPage),
);
const PaymentsPage = lazyPage(['integrations'], () =>
  import('../features/payments/PaymentsPage').then((m) => m.PaymentsPage),
);
const PortalPage = lazyPage(['cases', 'forms', 'portal'], () =>
  import('../features/portal/PortalPage').then((m) => m.PortalPage),
);
const RecoveryCeremonyPage = lazyPage(['admin'], () =>
  import('../features/recovery/RecoveryCeremonyPage').then((m) => m.RecoveryCeremonyPage),
);
const ReportsPage = lazyPage(['reports'], () =>
  import('../features/reports/ReportsPage').then((m) => m.ReportsPage),
);
const RulesPage = lazyPage(['cases', 'rules'], () =>
  import('../features/rules/RulesPage').then((m) => m.RulesPage),
);
const SearchPage = lazyPage(['cases', 'search'], () =>
  import('../features/search/SearchPage').then((m) => m.SearchPage),
);
const SchedulePage = lazyPage(['schedule'], () =>
  import('../features/schedule/SchedulePage').then((m) => m.SchedulePage),
);
const SetupWizard = lazyPage(['setup'], () =>
  import('../features/setup/SetupWizard').then((m) => m.SetupWizard),
);
const SupervisionArchivePage = lazyPage(['cases', 'supervision-archive'], () =>
  import('../features/supervision-archive/SupervisionArchivePage').then((m) => m.SupervisionArchivePage),
);
const TasksPage = lazyPage(['rules', 'workflows'], () =>
  import('../features/tasks/TasksPage').then((m) => m.TasksPage),
);
const WorkflowDesignerPage = lazyPage(['cases', 'rules', 'workflow-designer', 'workflows'], () =>
  import('../features/workflows/designer/WorkflowDesignerPage').then((m) => m.WorkflowDesignerPage),
);
const WorkflowStepPage = lazyPage(['booking-steps', 'workflow-steps'], () =>
  import('../features/workflows/steps/WorkflowStepPage').then((m) => m.WorkflowStepPage),
);
const WorkflowsPage = lazyPage(['workflows'], () =>
  import('../features/workflows/WorkflowsPage').then((m) => m.WorkflowsPage),
);

/** Pages that exist; every other navigation entry shows a "coming soon" card. */
const BUILT_PAGES: Readonly<Record<string, Component>> = {
  '/admin/integrations': IntegrationsPage,
  '/payments': PaymentsPage,
  '/dashboards': DashboardsPage,
  '/reports': ReportsPage,
  '/revenue': ReportsPage,
  '/bookings': BookingsPage,
  '/admin/users': UsersPage,
  '/admin/audit': AuditLogPage,
  '/admin/forms': FormsPage,
  '/admin/settings': SettingsPage,
  '/schedule': SchedulePage,
  '/cases': CasesPage,
  '/shared-cases': SharedCasesPage,
  '/director/recovery': RecoveryCeremonyPage,
  '/admin/rules': RulesPage,
  '/tasks': TasksPage,
  '/admin/workflows': WorkflowsPage,
  '/data-rights': DataRightsPage,
  '/clients': ClientsPage,
  '/conferences': ConferencesPage,
  '/search': SearchPage,
  '/supervision-archive': SupervisionArchivePage,
  '/knowledge': KnowledgePage,
};

/** A case file opens for whoever holds its key; anyone who may ask for access sees how to. */
const CASE_ROLES = ['counselor', 'supervisor', 'director'] as const;

const signedInPages: RouteDefinition[] = allPages().map(({ item, roles }) => {
  const Page = BUILT_PAGES[item.path];
  return {
    path: item.path,
    component: () => <RoleGate roles={roles}>{Page ? <Page /> : <ComingSoon page={item.label} />}</RoleGate>,
  };
});

export const routes: RouteDefinition[] = [
  { path: '/setup', component: SetupWizard },
  { path: '/login', component: LoginPage },
  { path: '/login/recovery', component: RecoveryLoginPage },
  { path: '/invite', component: InvitePage },
  { path: '/portal', component: PortalPage },
  { path: '/dev/outbox', component: OutboxPage },
  {
    path: '/',
    component: SignedInArea,
    children: [
      { path: '/', component: HomeRedirect },
      ...signedInPages,
      {
        path: '/cases/:id',
        component: () => (
          <RoleGate roles={CASE_ROLES}>
            <CasePage />
          </RoleGate>
        ),
      },
      {
        path: '/cases/:id/access-log',
        component: () => (
          <RoleGate roles={CASE_ROLES}>
            <CaseAccessLogPage />
          </RoleGate>
        ),
      },
      {
        path: '/cases/:id/print',
        component: () => (
          <RoleGate roles={CASE_ROLES}>
            <CasePrintPage />
          </RoleGate>
        ),
      },
      {
        path: '/cases/:id/write/:form',
        component: () => (
          <RoleGate roles={CASE_ROLES}>
            <RecordEditorPage />
          </RoleGate>
        ),
      },
      {
        path: '/conferences/:id',
        component: () => (
          <RoleGate roles={CASE_ROLES}>
            <ConferencePage />
          </RoleGate>
        ),
      },
      {
        // The editor itself checks the writer roles (core/api/staff-key.ts), kept out of this chunk.
        path: ['/knowledge/new', '/knowledge/:id/edit'],
        component: () => (
          <RoleGate roles={ROLES}>
            <ArticleEditorPage />
          </RoleGate>
        ),
      },
      {
        path: '/knowledge/:id',
        component: () => (
          <RoleGate roles={ROLES}>
            <ArticlePage />
          </RoleGate>
        ),
      },
      {
        path: ['/dashboards/new', '/dashboards/:id/edit'],
        component: () => (
          <RoleGate roles={['admin']}>
            <DashboardBuilderPage />
          </RoleGate>
        ),
      },
      {
        path: ['/admin/forms/new', '/admin/forms/:id/edit'],
        component: () => (
          <RoleGate roles={['admin']}>
            <FormDesignerPage />
          </RoleGate>
        ),
      },
      {
        path: '/admin/workflows/:key',
        component: () => (
          <RoleGate roles={['admin']}>
            <WorkflowDesignerPage />
          </RoleGate>
        ),
      },
      // A step is anyone's who holds its task (the server checks); no role gate here.
      { path: '/tasks/:id', component: WorkflowStepPage },
      { path: '/account/passphrase', component: ChangePassphrasePage },
      {
        path: '/account/profile',
        component: () => (
          <RoleGate roles={['counselor']}>
            <CounselorProfilePage />
          </RoleGate>
        ),
      },
      { path: '*', component: NotFound },
    ],
  },
];
