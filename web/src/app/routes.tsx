import type { RouteDefinition } from '@solidjs/router';
import { type Component, lazy } from 'solid-js';
import { ROLES } from '../lib/roles';
import { HomeRedirect } from './HomeRedirect';
import { allPages } from './navigation';
import { RoleGate } from './RoleGate';
import { SignedInArea } from './SignedInArea';
import { ComingSoon, NotFound } from './StatusPages';

// Every page is its own chunk: the first load carries the shell and the page it lands on only.
const ChangePassphrasePage = lazy(() =>
  import('../features/account/ChangePassphrasePage').then((m) => ({ default: m.ChangePassphrasePage })),
);
const CounselorProfilePage = lazy(() =>
  import('../features/account/CounselorProfilePage').then((m) => ({ default: m.CounselorProfilePage })),
);
const AuditLogPage = lazy(() =>
  import('../features/admin/AuditLogPage').then((m) => ({ default: m.AuditLogPage })),
);
const SettingsPage = lazy(() =>
  import('../features/admin/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
const UsersPage = lazy(() => import('../features/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const InvitePage = lazy(() => import('../features/auth/InvitePage').then((m) => ({ default: m.InvitePage })));
const LoginPage = lazy(() => import('../features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const RecoveryLoginPage = lazy(() =>
  import('../features/auth/RecoveryLoginPage').then((m) => ({ default: m.RecoveryLoginPage })),
);
const BookingsPage = lazy(() =>
  import('../features/bookings/BookingsPage').then((m) => ({ default: m.BookingsPage })),
);
const CasePage = lazy(() => import('../features/cases/CasePage').then((m) => ({ default: m.CasePage })));
const CasePrintPage = lazy(() =>
  import('../features/cases/CasePrintPage').then((m) => ({ default: m.CasePrintPage })),
);
const CasesPage = lazy(() => import('../features/cases/CasesPage').then((m) => ({ default: m.CasesPage })));
const RecordEditorPage = lazy(() =>
  import('../features/cases/RecordEditorPage').then((m) => ({ default: m.RecordEditorPage })),
);
const SharedCasesPage = lazy(() =>
  import('../features/cases/SharedCasesPage').then((m) => ({ default: m.SharedCasesPage })),
);
const ClientsPage = lazy(() =>
  import('../features/clients/ClientsPage').then((m) => ({ default: m.ClientsPage })),
);
const CaseAccessLogPage = lazy(() =>
  import('../features/compliance/CaseAccessLogPage').then((m) => ({ default: m.CaseAccessLogPage })),
);
const ConferencePage = lazy(() =>
  import('../features/conferences/ConferencePage').then((m) => ({ default: m.ConferencePage })),
);
const ConferencesPage = lazy(() =>
  import('../features/conferences/ConferencesPage').then((m) => ({ default: m.ConferencesPage })),
);
const DashboardBuilderPage = lazy(() =>
  import('../features/dashboards/DashboardBuilderPage').then((m) => ({ default: m.DashboardBuilderPage })),
);
const DashboardsPage = lazy(() =>
  import('../features/dashboards/DashboardsPage').then((m) => ({ default: m.DashboardsPage })),
);
const DataRightsPage = lazy(() =>
  import('../features/compliance/DataRightsPage').then((m) => ({ default: m.DataRightsPage })),
);
const KnowledgePage = lazy(() =>
  import('../features/knowledge/KnowledgePage').then((m) => ({ default: m.KnowledgePage })),
);
const ArticlePage = lazy(() =>
  import('../features/knowledge/ArticlePage').then((m) => ({ default: m.ArticlePage })),
);
const ArticleEditorPage = lazy(() =>
  import('../features/knowledge/ArticleEditorPage').then((m) => ({ default: m.ArticleEditorPage })),
);
const OutboxPage = lazy(() => import('../features/dev/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const FormDesignerPage = lazy(() =>
  import('../features/forms/designer/FormDesignerPage').then((m) => ({ default: m.FormDesignerPage })),
);
const FormsPage = lazy(() => import('../features/forms/FormsPage').then((m) => ({ default: m.FormsPage })));
const IntegrationsPage = lazy(() =>
  import('../features/integrations/IntegrationsPage').then((m) => ({ default: m.IntegrationsPage })),
);
const PaymentsPage = lazy(() =>
  import('../features/payments/PaymentsPage').then((m) => ({ default: m.PaymentsPage })),
);
const PortalPage = lazy(() =>
  import('../features/portal/PortalPage').then((m) => ({ default: m.PortalPage })),
);
const RecoveryCeremonyPage = lazy(() =>
  import('../features/recovery/RecoveryCeremonyPage').then((m) => ({ default: m.RecoveryCeremonyPage })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
);
const RulesPage = lazy(() => import('../features/rules/RulesPage').then((m) => ({ default: m.RulesPage })));
const SearchPage = lazy(() =>
  import('../features/search/SearchPage').then((m) => ({ default: m.SearchPage })),
);
const SchedulePage = lazy(() =>
  import('../features/schedule/SchedulePage').then((m) => ({ default: m.SchedulePage })),
);
const SetupWizard = lazy(() =>
  import('../features/setup/SetupWizard').then((m) => ({ default: m.SetupWizard })),
);
const SupervisionArchivePage = lazy(() =>
  import('../features/supervision-archive/SupervisionArchivePage').then((m) => ({
    default: m.SupervisionArchivePage,
  })),
);
const TasksPage = lazy(() => import('../features/tasks/TasksPage').then((m) => ({ default: m.TasksPage })));
const WorkflowDesignerPage = lazy(() =>
  import('../features/workflows/designer/WorkflowDesignerPage').then((m) => ({
    default: m.WorkflowDesignerPage,
  })),
);
const WorkflowStepPage = lazy(() =>
  import('../features/workflows/steps/WorkflowStepPage').then((m) => ({ default: m.WorkflowStepPage })),
);
const WorkflowsPage = lazy(() =>
  import('../features/workflows/WorkflowsPage').then((m) => ({ default: m.WorkflowsPage })),
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
