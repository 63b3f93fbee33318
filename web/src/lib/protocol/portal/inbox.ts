import {
  type CasePortalView,
  casePortalViewSchema,
  createPortalLinkResponseSchema,
  okResponseSchema,
  type PortalLinkView,
  type PortalSubmissionView,
  portalSubmissionViewSchema,
} from '../../../../../core/api/index';
import {
  type FieldError,
  type FormDefinition,
  type FormValues,
  type LocalizedText,
  portalForm,
  riskFlags,
  splitRecord,
  validateValues,
} from '../../../../../core/forms/index';
import {
  canonicalJson,
  constantTimeEqual,
  fail,
  fromBase64Url,
  isCryptoError,
  openCaseInboxKey,
  openInboxSubmission,
  toBase64Url,
} from '../../../../../crypto/index';
import type { CaseContext } from '../cases/context';
import type { OpenedCase } from '../cases/open';
import { writeRecord } from '../cases/write';

/**
 * A key holder's side of the portal (PROTOCOL §4, §7): links carry the case inbox public key this
 * browser verified, and sealed answers are opened with the inbox private key of their epoch, held
 * under the case key. Filing turns a submission into a record signed by the key holder (§6).
 */

export function fetchCasePortal(context: CaseContext, caseId: string): Promise<CasePortalView> {
  return context.api.get(`/api/cases/${caseId}/portal`, casePortalViewSchema);
}

/** The inbox key pair of an epoch, opened under that epoch's case key and checked against its public half. */
function inboxKeyOf(opened: OpenedCase, epoch: number) {
  const row = opened.view.epochs.find((candidate) => candidate.epoch === epoch);
  const key = opened.keys.get(epoch);
  if (!row || !key) return fail('wrong-key', `no inbox key for epoch ${epoch}`);
  const pair = openCaseInboxKey(opened.view.case.id, epoch, fromBase64Url(row.inbox.sealed), key);
  if (!constantTimeEqual(pair.publicKey, fromBase64Url(row.inbox.pk))) {
    pair.secretKey.fill(0);
    fail('altered', 'the server’s inbox public key does not match the sealed private key');
  }
  return pair;
}

export interface NewPortalLink {
  link: PortalLinkView;
  /** `<origin>/portal#token=…&key=…`, shown once */
  url: string;
}

export async function createPortalLink(
  context: CaseContext,
  opened: OpenedCase,
  form: string,
  expiresInHours: number,
  origin: string,
): Promise<NewPortalLink> {
  const inbox = inboxKeyOf(opened, opened.currentEpoch);
  inbox.secretKey.fill(0);
  const made = await context.api.send(
    'POST',
    `/api/cases/${opened.view.case.id}/portal/links`,
    { form, expiresInHours },
    createPortalLinkResponseSchema,
  );
  const fragment = new URLSearchParams({ token: made.token, key: toBase64Url(inbox.publicKey) });
  return { link: made.link, url: `${origin}/portal#${fragment.toString()}` };
}

export function withdrawPortalLink(context: CaseContext, caseId: string, linkId: string) {
  return context.api.send('DELETE', `/api/cases/${caseId}/portal/links/${linkId}`, {}, okResponseSchema);
}

/** Deletes a waiting submission that will not be filed (audited on the server). */
export function discardSubmission(context: CaseContext, caseId: string, submissionId: string) {
  return context.api.send(
    'DELETE',
    `/api/cases/${caseId}/portal/submissions/${submissionId}`,
    {},
    okResponseSchema,
  );
}

export type SubmissionCheck = 'ok' | 'unreadable' | 'invalid' | 'operational_altered' | 'unknown_form';

export interface OpenedSubmission {
  submission: PortalSubmissionView;
  form: FormDefinition | undefined;
  /** the client's answers, scores computed; empty unless they could be opened */
  values: FormValues;
  check: SubmissionCheck;
  problems: FieldError[];
  risks: LocalizedText[];
}

/**
 * Opens one sealed submission and checks it: the answers fill the form validly, and the
 * operational part the server kept is exactly what those answers split into.
 */
export function openSubmission(opened: OpenedCase, submission: PortalSubmissionView): OpenedSubmission {
  const form = portalForm(submission.form);
  const result = { submission, form, values: {}, problems: [], risks: [] };
  if (!form) return { ...result, check: 'unknown_form' };
  const { enc, ct } = submission;
  if (enc === null || ct === null) return { ...result, check: 'unreadable' };
  let values: FormValues;
  const inbox = inboxKeyOf(opened, submission.epoch);
  try {
    const answers = openInboxSubmission(inbox.secretKey, opened.view.case.id, submission.id, {
      enc: fromBase64Url(enc),
      ct: fromBase64Url(ct),
    });
    if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
      return { ...result, check: 'unreadable' };
    }
    values = answers as FormValues;
  } catch (error) {
    if (isCryptoError(error)) return { ...result, check: 'unreadable' };
    throw error;
  } finally {
    inbox.secretKey.fill(0);
  }
  const problems = validateValues(form, values);
  const risks = riskFlags(form, values);
  if (problems.length > 0) return { ...result, values, problems, risks, check: 'invalid' };
  const { operational } = splitRecord(form, values);
  const check =
    canonicalJson(operational) === canonicalJson(submission.operational as never)
      ? 'ok'
      : 'operational_altered';
  return { ...result, values, risks, check };
}

/** Appends the answers as a record with the submission's id, signed by me, then marks it filed. */
export async function fileSubmission(context: CaseContext, opened: OpenedCase, submission: OpenedSubmission) {
  if (submission.check !== 'ok' || !submission.form) fail('malformed', 'only a checked submission is filed');
  const caseId = opened.view.case.id;
  if (!opened.log.latest.has(submission.submission.id)) {
    await writeRecord(context, opened, {
      form: submission.form,
      values: submission.values,
      recordId: submission.submission.id,
    });
  }
  return context.api.send(
    'POST',
    `/api/cases/${caseId}/portal/submissions/${submission.submission.id}/filed`,
    {},
    portalSubmissionViewSchema,
  );
}
