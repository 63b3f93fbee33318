import type { RouteDefinition } from '@solidjs/router';
import type { Component } from 'solid-js';
import { ChangePassphrasePage } from '../features/account/ChangePassphrasePage';
import { AuditLogPage } from '../features/admin/AuditLogPage';
import { SettingsPage } from '../features/admin/SettingsPage';
import { UsersPage } from '../features/admin/UsersPage';
import { InvitePage } from '../features/auth/InvitePage';
import { LoginPage } from '../features/auth/LoginPage';
import { RecoveryLoginPage } from '../features/auth/RecoveryLoginPage';
import { BookingsPage } from '../features/bookings/BookingsPage';
import { CasePage } from '../features/cases/CasePage';
import { CasePrintPage } from '../features/cases/CasePrintPage';
import { CasesPage } from '../features/cases/CasesPage';
import { RecordEditorPage } from '../features/cases/RecordEditorPage';
import { SharedCasesPage } from '../features/cases/SharedCasesPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { CaseAccessLogPage } from '../features/compliance/CaseAccessLogPage';
import { DataRightsPage } from '../features/compliance/DataRightsPage';
import { OutboxPage } from '../features/dev/OutboxPage';
import { FormDesignerPage } from '../features/forms/designer/FormDesignerPage';
import { FormsPage } from '../features/forms/FormsPage';
import { IntegrationsPage } from '../features/integrations/IntegrationsPage';
import { PaymentsPage } from '../features/payments/PaymentsPage';
import { PortalPage } from '../features/portal/PortalPage';
import { RecoveryCeremonyPage } from '../features/recovery/RecoveryCeremonyPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { RulesPage } from '../features/rules/RulesPage';
import { SchedulePage } from '../features/schedule/SchedulePage';
import { SetupWizard } from '../features/setup/SetupWizard';
import { TasksPage } from '../features/tasks/TasksPage';
import { WorkflowsPage } from '../features/workflows/WorkflowsPage';
import { HomeRedirect } from './HomeRedirect';
import { allPages } from './navigation';
import { RoleGate } from './RoleGate';
import { SignedInArea } from './SignedInArea';
import { ComingSoon, NotFound } from './StatusPages';

/** Pages that exist; every other navigation entry shows a "coming soon" card. */
const BUILT_PAGES: Readonly<Record<string, Component>> = {
  '/admin/integrations': IntegrationsPage,
  '/payments': PaymentsPage,
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
        path: ['/admin/forms/new', '/admin/forms/:id/edit'],
        component: () => (
          <RoleGate roles={['admin']}>
            <FormDesignerPage />
          </RoleGate>
        ),
      },
      { path: '/account/passphrase', component: ChangePassphrasePage },
      { path: '*', component: NotFound },
    ],
  },
];
