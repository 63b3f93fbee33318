/**
 * The client portal for the pages (issue 5): adapts lib/protocol/portal to the vault, like
 * lib/cases.ts does for case files. A key holder's case keys live only while one ceremony runs;
 * opened answers go to the page's memory and nowhere else.
 */

import type { PortalLinkView, PortalSubmissionView } from '../../../core/api/index';
import type { FormValues } from '../../../core/forms/index';
import { isCryptoError } from '../../../crypto/index';
import { ApiError, createApiClient } from './api-client';
import { withCaseContext } from './cases';
import * as cases from './protocol/cases/index';
import * as portal from './protocol/portal/index';
import type { UserKeys } from './vault';

export type { NewPortalLink, OpenedSubmission, PortalLink } from './protocol/portal/index';
export { parsePortalFragment } from './protocol/portal/index';

async function withOpenedCase<T>(
  keys: UserKeys,
  caseId: string,
  use: (context: cases.CaseContext, opened: cases.OpenedCase) => Promise<T>,
): Promise<T> {
  return withCaseContext(keys, async (context) => {
    const opened = await cases.openCase(context, caseId);
    try {
      return await use(context, opened);
    } finally {
      cases.closeCase(opened);
    }
  });
}

export interface CasePortal {
  readonly links: readonly PortalLinkView[];
  /** waiting to be filed, each opened and checked in this browser */
  readonly pending: readonly portal.OpenedSubmission[];
  readonly filed: readonly PortalSubmissionView[];
}

/** Links and submissions; the case is opened (to reach its inbox keys) only when something waits. */
export function loadCasePortal(keys: UserKeys, caseId: string): Promise<CasePortal> {
  return withCaseContext(keys, async (context) => {
    const view = await portal.fetchCasePortal(context, caseId);
    const waiting = view.submissions.filter((submission) => submission.filedAt === null);
    const filed = view.submissions.filter((submission) => submission.filedAt !== null);
    if (waiting.length === 0) return { links: view.links, pending: [], filed };
    const opened = await cases.openCase(context, caseId);
    try {
      const pending = waiting.map((submission) => portal.openSubmission(opened, submission));
      return { links: view.links, pending, filed };
    } finally {
      cases.closeCase(opened);
    }
  });
}

export function sendPortalLink(
  keys: UserKeys,
  caseId: string,
  form: string,
  expiresInHours: number,
): Promise<portal.NewPortalLink> {
  return withOpenedCase(keys, caseId, (context, opened) =>
    portal.createPortalLink(context, opened, form, expiresInHours, window.location.origin),
  );
}

export function withdrawPortalLink(keys: UserKeys, caseId: string, linkId: string): Promise<void> {
  return withCaseContext(keys, async (context) => {
    await portal.withdrawPortalLink(context, caseId, linkId);
  });
}

/** Opens the submission again (nothing decrypted is kept between ceremonies), checks and files it. */
export function fileCaseSubmission(keys: UserKeys, caseId: string, submissionId: string): Promise<void> {
  return withOpenedCase(keys, caseId, async (context, opened) => {
    const view = await portal.fetchCasePortal(context, caseId);
    const submission = view.submissions.find((candidate) => candidate.id === submissionId);
    if (!submission || submission.filedAt !== null) return;
    await portal.fileSubmission(context, opened, portal.openSubmission(opened, submission));
  });
}

export function discardCaseSubmission(keys: UserKeys, caseId: string, submissionId: string): Promise<void> {
  return withCaseContext(keys, async (context) => {
    await portal.discardSubmission(context, caseId, submissionId);
  });
}

// ── the client's side, without an account ───────────────────────────────────

const api = createApiClient();

export type PortalFailure =
  | 'portal_link_invalid'
  | 'portal_link_used'
  | 'portal_link_expired'
  | 'portal_link_outdated'
  | 'key_mismatch'
  | 'unknown_form'
  | 'network'
  | 'unknown';

const PORTAL_API_FAILURES = new Set<string>([
  'portal_link_invalid',
  'portal_link_used',
  'portal_link_expired',
  'portal_link_outdated',
]);

export class PortalError extends Error {
  override readonly name = 'PortalError';
  constructor(readonly failure: PortalFailure) {
    super(failure);
  }
}

function toPortalError(error: unknown): PortalError {
  if (error instanceof ApiError) {
    if (PORTAL_API_FAILURES.has(error.code)) return new PortalError(error.code as PortalFailure);
    if (error.code === 'network') return new PortalError('network');
    return new PortalError('unknown');
  }
  if (isCryptoError(error))
    return new PortalError(error.code === 'altered' ? 'key_mismatch' : 'unknown_form');
  if (error instanceof TypeError) return new PortalError('network');
  return new PortalError('unknown');
}

async function asPortal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toPortalError(error);
  }
}

export function openPortalForm(link: portal.PortalLink): Promise<portal.OpenedPortalForm> {
  return asPortal(() => portal.openPortalForm(api, link));
}

export function submitPortalForm(
  link: portal.PortalLink,
  opened: portal.OpenedPortalForm,
  values: FormValues,
): Promise<void> {
  return asPortal(() => portal.submitPortalForm(api, link, opened, values));
}
