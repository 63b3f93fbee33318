import { eq } from 'drizzle-orm';
import type { PortalLinkView, PortalSubmissionView } from '../core/api/portal.js';
import { checkPortalOperational, type FormDefinition, portalForm } from '../core/forms/index.js';
import { hashToken } from './credentials.js';
import type { Db } from './db/client.js';
import {
  type CaseRow,
  cases,
  type PortalLinkRow,
  type PortalSubmissionRow,
  portalLinks,
} from './db/schema.js';
import { ApiError } from './errors.js';

/** Portal links: what state a link is in, and what the client's side may learn from a token. */

export function portalLinkStatus(
  link: PortalLinkRow,
  caseRow: Pick<CaseRow, 'currentEpoch' | 'status'>,
  now: number,
): PortalLinkView['status'] {
  if (link.submittedAt !== null) return 'submitted';
  if (link.revokedAt !== null || caseRow.status === 'archived') return 'revoked';
  if (now >= link.expiresAt) return 'expired';
  // Answers are sealed to the inbox key of the link's epoch: after a rotation (someone's access
  // ended) that key is no longer the case's, so the link stops rather than seal to it.
  return link.epoch === caseRow.currentEpoch ? 'open' : 'outdated';
}

export function toPortalLinkView(
  link: PortalLinkRow,
  caseRow: Pick<CaseRow, 'currentEpoch' | 'status'>,
  now: number,
): PortalLinkView {
  return {
    id: link.id,
    caseId: link.caseId,
    form: link.form,
    epoch: link.epoch,
    createdBy: link.createdBy,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    status: portalLinkStatus(link, caseRow, now),
  };
}

export function toPortalSubmissionView(row: PortalSubmissionRow): PortalSubmissionView {
  return {
    id: row.id,
    linkId: row.linkId,
    form: row.form,
    epoch: row.epoch,
    enc: row.filedAt === null ? row.enc : null,
    ct: row.filedAt === null ? row.ct : null,
    operational: JSON.parse(row.operational) as PortalSubmissionView['operational'],
    submittedAt: row.submittedAt,
    filedAt: row.filedAt,
    filedBy: row.filedBy,
  };
}

export function requirePortalForm(ref: string): FormDefinition {
  const form = portalForm(ref);
  if (!form) throw new ApiError(400, 'unknown_form', `${ref} is not a form clients can fill through a link`);
  return form;
}

const STATUS_ERRORS: Record<Exclude<PortalLinkView['status'], 'open'>, () => ApiError> = {
  submitted: () => new ApiError(410, 'portal_link_used', 'this link has already been used'),
  expired: () => new ApiError(410, 'portal_link_expired', 'this link has expired'),
  revoked: () => new ApiError(404, 'portal_link_invalid', 'this link is unknown or was withdrawn'),
  outdated: () =>
    new ApiError(409, 'portal_link_outdated', 'this link is outdated; ask your counselor for a new one'),
};

export interface OpenPortalLink {
  link: PortalLinkRow;
  caseRow: CaseRow;
  form: FormDefinition;
}

/** The open link behind a token, or the reason there is none (unknown, used, expired, outdated). */
export async function requireOpenPortalLink(db: Db, token: string, now: number): Promise<OpenPortalLink> {
  const [found] = await db
    .select({ link: portalLinks, caseRow: cases })
    .from(portalLinks)
    .innerJoin(cases, eq(cases.id, portalLinks.caseId))
    .where(eq(portalLinks.tokenHash, hashToken(token)))
    .limit(1);
  if (!found) throw STATUS_ERRORS.revoked();
  const status = portalLinkStatus(found.link, found.caseRow, now);
  if (status !== 'open') throw STATUS_ERRORS[status]();
  return { ...found, form: requirePortalForm(found.link.form) };
}

export function assertPortalOperational(form: FormDefinition, operational: Record<string, unknown>): void {
  const problems = checkPortalOperational(form, operational);
  if (problems.length > 0) {
    const list = problems.map((problem) => `${problem.field}: ${problem.code}`).join(', ');
    throw new ApiError(400, 'operational_mismatch', `the answers do not match the form (${list})`);
  }
}
