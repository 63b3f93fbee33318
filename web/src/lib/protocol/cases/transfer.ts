import { caseSummarySchema, deliverGrantResponseSchema } from '../../../../../core/api/index';
import type { CaseContext } from './context';
import type { OpenedCase } from './open';
import { caseWrapFor } from './wraps';

/**
 * Transfer of a case to another counselor (issue 4). The server only renames the primary
 * counselor; the key reaches them from a holder's browser: the current epoch's key wrapped to
 * their certified X25519 key, write and without expiry, signed by me (PROTOCOL §5).
 */

export interface TransferRecipient {
  id: string;
  /** from a certificate the caller has checked against the org root */
  x25519Pk: Uint8Array;
}

/** Why a transfer cannot go ahead before anything is written. */
export class TransferRefused extends Error {
  constructor(readonly reason: 'limited-holder') {
    super('the new counselor holds temporary access; revoke it and rotate first');
  }
}

/** The current case key to the primary counselor: write, no expiry — the one grant needing no request. */
export function wrapToPrimaryCounselor(
  context: CaseContext,
  opened: OpenedCase,
  counselor: TransferRecipient,
) {
  const caseId = opened.view.case.id;
  const epoch = opened.currentEpoch;
  const key = opened.keys.get(epoch);
  if (!key) throw new Error('the current case key is not open');
  const wrap = caseWrapFor(context, caseId, epoch, key, {
    to: counselor.id,
    pk: counselor.x25519Pk,
    perm: 'write',
    expiresAt: 0,
  });
  return context.api.send('POST', `/api/cases/${caseId}/grants`, { epoch, wrap }, deliverGrantResponseSchema);
}

export async function transferCase(context: CaseContext, opened: OpenedCase, counselor: TransferRecipient) {
  const caseId = opened.view.case.id;
  const held = opened.view.grants.find(
    (grant) => grant.epoch === opened.currentEpoch && grant.to === counselor.id && grant.status === 'live',
  );
  // A temporary wrap cannot be upgraded in place (one wrap per person and epoch).
  if (held && (held.perm !== 'write' || held.expiresAt !== 0)) throw new TransferRefused('limited-holder');
  const summary = await context.api.send(
    'POST',
    `/api/cases/${caseId}/transfer`,
    { primaryCounselorId: counselor.id },
    caseSummarySchema,
  );
  if (!held) await wrapToPrimaryCounselor(context, opened, counselor);
  return summary;
}
