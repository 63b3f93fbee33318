import type { RouteDefinition } from '@solidjs/router';
import type { Component } from 'solid-js';
import { ChangePassphrasePage } from '../features/account/ChangePassphrasePage';
import { AuditLogPage } from '../features/admin/AuditLogPage';
import { UsersPage } from '../features/admin/UsersPage';
import { InvitePage } from '../features/auth/InvitePage';
import { LoginPage } from '../features/auth/LoginPage';
import { RecoveryLoginPage } from '../features/auth/RecoveryLoginPage';
import { CasePage } from '../features/cases/CasePage';
import { CasesPage } from '../features/cases/CasesPage';
import { RecordEditorPage } from '../features/cases/RecordEditorPage';
import { SharedCasesPage } from '../features/cases/SharedCasesPage';
import { OutboxPage } from '../features/dev/OutboxPage';
import { RecoveryCeremonyPage } from '../features/recovery/RecoveryCeremonyPage';
import { SetupWizard } from '../features/setup/SetupWizard';
import { HomeRedirect } from './HomeRedirect';
import { allPages } from './navigation';
import { RoleGate } from './RoleGate';
import { SignedInArea } from './SignedInArea';
import { ComingSoon, NotFound } from './StatusPages';

/** Pages that exist; every other navigation entry shows a "coming soon" card. */
const BUILT_PAGES: Readonly<Record<string, Component>> = {
  '/admin/users': UsersPage,
  '/admin/audit': AuditLogPage,
  '/cases': CasesPage,
  '/shared-cases': SharedCasesPage,
  '/director/recovery': RecoveryCeremonyPage,
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
        path: '/cases/:id/write/:form',
        component: () => (
          <RoleGate roles={CASE_ROLES}>
            <RecordEditorPage />
          </RoleGate>
        ),
      },
      { path: '/account/passphrase', component: ChangePassphrasePage },
      { path: '*', component: NotFound },
    ],
  },
];
