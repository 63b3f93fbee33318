/**
 * Audit, compliance and data rights for the pages (issue 11): the filtered audit log, its export
 * files, access reports, retention, two-person destruction, client exports and the center backup.
 * Like lib/account.ts and lib/cases.ts, failures reject with an AppError the UI translates.
 */

import {
  type AccessReport,
  type AuditEventView,
  type AuditFilter,
  accessReportSchema,
  auditCheckpointListSchema,
  auditPageSchema,
  type DestructionReason,
  type DestructionResult,
  type DestructionView,
  type DueCase,
  destructionListSchema,
  destructionResultSchema,
  destructionViewSchema,
  dueCaseListSchema,
  type MyCase,
  myCaseListSchema,
  okResponseSchema,
  type RetentionPolicy,
  type RetentionPolicyView,
  retentionPolicyListSchema,
  sessionViewSchema,
  userListSchema,
} from '../../../core/api/index';
import { z } from '../../../core/api/zod';
import type { ContactCard } from '../../../crypto/index';
import { ApiError, createApiClient } from './api-client';
import { toAppError } from './app-errors';
import { withCaseContext } from './cases';
import { AppError, type AppErrorCode } from './errors';
import { type AuditReadProgress, auditQuery, fetchWholeAuditLog } from './protocol/audit';
import { auditExportCsv, auditExportJson } from './protocol/audit-export';
import { openContactCard } from './protocol/cases/index';
import { exportClientData } from './protocol/data-rights';
import type { UserKeys } from './vault';

const api = createApiClient();

const API_ERRORS: Partial<Record<string, AppErrorCode>> = {
  case_not_closed: 'case_not_closed',
  self_approval: 'self_approval',
  already_requested: 'already_requested',
  request_not_pending: 'request_not_pending',
  not_found: 'no_case_access',
  backup_mismatch: 'backup_mismatch',
};

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError && API_ERRORS[error.code]) {
      throw new AppError(API_ERRORS[error.code] as AppErrorCode, error.message);
    }
    throw toAppError(error);
  }
}

async function directory(): Promise<Map<string, string>> {
  const { users } = await api.get('/api/users/directory', userListSchema);
  return new Map(users.map((user) => [user.id, user.displayName]));
}

// ── the audit viewer ─────────────────────────────────────────────────────────

export interface NamedAuditEvent extends AuditEventView {
  readonly actorName: string | null;
}

export interface FilteredAuditPage {
  readonly events: readonly NamedAuditEvent[];
  readonly nextBefore: number | null;
}

const named = (events: readonly AuditEventView[], names: ReadonlyMap<string, string>) =>
  events.map((event) => ({ ...event, actorName: event.actor ? (names.get(event.actor) ?? null) : null }));

export function listFilteredAudit(
  filter: AuditFilter,
  page: { before?: number | null; limit: number },
): Promise<FilteredAuditPage> {
  return run(async () => {
    const [result, names] = await Promise.all([
      api.get(`/api/audit${auditQuery(filter, page)}`, auditPageSchema),
      directory(),
    ]);
    return { events: named(result.events, names), nextBefore: result.nextBefore };
  });
}

export interface AuditFile {
  readonly name: string;
  readonly type: string;
  readonly content: string;
  readonly events: number;
}

/** The whole filtered log with its hashes and the signed checkpoints, as CSV or JSON. */
export function exportAuditLog(
  format: 'csv' | 'json',
  filter: AuditFilter,
  onProgress?: AuditReadProgress,
): Promise<AuditFile> {
  return run(async () => {
    const [view, events, { checkpoints }, names] = await Promise.all([
      api.get('/api/auth/session', sessionViewSchema),
      fetchWholeAuditLog(api, filter, onProgress),
      api.get('/api/audit/checkpoints', auditCheckpointListSchema),
      directory(),
    ]);
    await api.send('POST', '/api/audit/exports', { format, filter, events: events.length }, okResponseSchema);
    const input = { orgId: view.org.id, exportedAt: Date.now(), filter, events, checkpoints, names };
    const stamp = new Date(input.exportedAt).toISOString().slice(0, 10);
    return format === 'csv'
      ? {
          name: `audit-${stamp}.csv`,
          type: 'text/csv',
          content: auditExportCsv(input),
          events: events.length,
        }
      : {
          name: `audit-${stamp}.json`,
          type: 'application/json',
          content: auditExportJson(input),
          events: events.length,
        };
  });
}

/** "Who accessed this case" (a case the caller holds, or any case for a director) or client. */
export function accessReport(
  of: { caseId: string } | { clientId: string },
): Promise<readonly NamedAuditEvent[]> {
  return run(async () => {
    const path =
      'caseId' in of ? `/api/cases/${of.caseId}/access-log` : `/api/clients/${of.clientId}/access-log`;
    const [report, names]: [AccessReport, Map<string, string>] = await Promise.all([
      api.get(path, accessReportSchema),
      directory(),
    ]);
    return named(report.events, names);
  });
}

// ── retention and destruction ────────────────────────────────────────────────

export function listRetentionPolicies(): Promise<readonly RetentionPolicyView[]> {
  return run(async () => (await api.get('/api/retention/policies', retentionPolicyListSchema)).policies);
}

export function saveRetentionPolicies(policies: readonly RetentionPolicy[]): Promise<void> {
  return run(async () => {
    await api.send('PUT', '/api/retention/policies', { policies }, retentionPolicyListSchema);
  });
}

export function listDueCases(): Promise<readonly DueCase[]> {
  return run(async () => (await api.get('/api/retention/due', dueCaseListSchema)).cases);
}

export function listDestructions(): Promise<readonly DestructionView[]> {
  return run(async () => (await api.get('/api/destructions', destructionListSchema)).destructions);
}

export function requestDestruction(caseId: string, reason: DestructionReason): Promise<DestructionView> {
  return run(() => api.send('POST', `/api/cases/${caseId}/destruction`, { reason }, destructionViewSchema));
}

export function confirmDestruction(id: string): Promise<DestructionResult> {
  return run(() => api.send('POST', `/api/destructions/${id}/confirm`, {}, destructionResultSchema));
}

export function cancelDestruction(id: string): Promise<DestructionView> {
  return run(() => api.send('POST', `/api/destructions/${id}/cancel`, {}, destructionViewSchema));
}

// ── client exports (decrypted here, by a key holder) ─────────────────────────

export interface MyClient {
  readonly clientId: string;
  readonly contact: ContactCard | null;
  readonly cases: readonly MyCase[];
}

/** The clients of the cases I hold, with their contact cards opened in this browser. */
export function listMyClients(keys: UserKeys): Promise<readonly MyClient[]> {
  return withCaseContext(keys, async (context) => {
    const { cases } = await context.api.get('/api/cases', myCaseListSchema);
    const byClient = new Map<string, MyCase[]>();
    for (const item of cases) byClient.set(item.clientId, [...(byClient.get(item.clientId) ?? []), item]);
    const clients: MyClient[] = [];
    for (const [clientId, held] of byClient) {
      clients.push({ clientId, contact: await openContactCard(context, clientId), cases: held });
    }
    return clients;
  });
}

export function exportClient(keys: UserKeys, clientId: string): Promise<AuditFile> {
  return withCaseContext(keys, async (context) => {
    const document = await exportClientData(context, clientId);
    return {
      name: `client-${clientId.slice(0, 8)}.json`,
      type: 'application/json',
      content: `${JSON.stringify(document, null, 2)}\n`,
      events: document.cases.length,
    };
  });
}

// ── the center backup (ciphertext and metadata only) ─────────────────────────

const backupFileSchema = z.looseObject({ exportedAt: z.int() });

export function downloadBackup(): Promise<AuditFile> {
  return run(async () => {
    const backup = await api.get('/api/backup', backupFileSchema);
    return {
      name: `tacit-backup-${new Date(backup.exportedAt).toISOString().slice(0, 10)}.json`,
      type: 'application/json',
      content: JSON.stringify(backup),
      events: 0,
    };
  });
}

/** Hands a file to the person's own disk; nothing is kept in the page or in storage. */
export function saveFile(file: AuditFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
