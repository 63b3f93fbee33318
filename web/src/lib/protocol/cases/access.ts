import {
  type AccessRequestView,
  accessRequestViewSchema,
  type CaseWrap,
  deliverGrantResponseSchema,
  ORG_RECOVERY,
  okResponseSchema,
  rotateCaseKeyResponseSchema,
} from '../../../../../core/api/index';
import {
  accessNoteInfo,
  createCaseInboxKey,
  generateSymmetricKey,
  sealAccessNote,
  sealPreviousEpochKey,
  toBase64Url,
} from '../../../../../crypto/index';
import type { CaseContext } from './context';
import type { OpenedCase } from './open';
import { caseWrapFor } from './wraps';

/**
 * Temporary access (DESIGN §2, PROTOCOL §5): asked for with a reason and a duration, decided by the
 * primary counselor or a director, delivered as a wrap by a key holder's browser with the expiry
 * bound into it, and ended by rotation: the next epoch's key goes to the remaining holders only.
 */

export interface AccessAsk {
  caseId: string;
  reason: 'supervision' | 'consultation' | 'coverage' | 'audit';
  perm: 'read' | 'write';
  durationMs: number;
  /** free text, sealed to the primary counselor: the server never reads it */
  note?: { text: string; counselorId: string; counselorX25519Pk: Uint8Array };
}

export function requestAccess(context: CaseContext, ask: AccessAsk): Promise<AccessRequestView> {
  const id = crypto.randomUUID();
  const note = ask.note
    ? sealAccessNote(
        ask.note.counselorX25519Pk,
        accessNoteInfo(context.orgId, id, ask.note.counselorId),
        ask.note.text,
      )
    : undefined;
  return context.api.send(
    'POST',
    `/api/cases/${ask.caseId}/access-requests`,
    {
      id,
      reason: ask.reason,
      perm: ask.perm,
      durationMs: ask.durationMs,
      ...(note ? { note: { enc: toBase64Url(note.enc), ct: toBase64Url(note.ct) } } : {}),
    },
    accessRequestViewSchema,
  );
}

export function decideAccess(context: CaseContext, requestId: string, decision: 'approve' | 'deny') {
  return context.api.send(
    'POST',
    `/api/access-requests/${requestId}/decision`,
    { decision },
    accessRequestViewSchema,
  );
}

/** A write holder's browser wraps the current key to the approved requester, expiry bound in. */
export function deliverAccess(context: CaseContext, opened: OpenedCase, request: AccessRequestView) {
  const recipient = opened.people.get(request.requesterId);
  if (!recipient) throw new Error('the requester has no certified keys');
  const epoch = opened.currentEpoch;
  const key = opened.keys.get(epoch);
  if (!key) throw new Error('the current case key is not open');
  const expiresAt = (context.now?.() ?? Date.now()) + request.durationMs;
  const wrap = caseWrapFor(context, request.caseId, epoch, key, {
    to: request.requesterId,
    pk: recipient.x25519Pk,
    perm: request.perm,
    expiresAt,
  });
  return context.api.send(
    'POST',
    `/api/cases/${request.caseId}/grants`,
    { epoch, requestId: request.id, wrap },
    deliverGrantResponseSchema,
  );
}

export function revokeAccess(context: CaseContext, caseId: string, grantId: string) {
  return context.api.send('DELETE', `/api/cases/${caseId}/grants/${grantId}`, {}, okResponseSchema);
}

/**
 * PROTOCOL §5 "Revocation rotates": epoch e+1 to every live holder with the same permission and
 * expiry, and to the org recovery key; epoch e's key under e+1's; a new inbox key.
 */
export async function rotateCaseKey(context: CaseContext, opened: OpenedCase) {
  const { recoveryPk } = context;
  const caseId = opened.view.case.id;
  const epoch = opened.currentEpoch;
  const currentKey = opened.keys.get(epoch);
  if (!currentKey) throw new Error('the current case key is not open');
  const next = epoch + 1;
  const nextKey = generateSymmetricKey();
  const holders = opened.view.grants.filter((grant) => grant.epoch === epoch && grant.status === 'live');
  const wraps: CaseWrap[] = holders.map((grant) => {
    const pk = grant.to === ORG_RECOVERY ? recoveryPk : opened.people.get(grant.to)?.x25519Pk;
    if (!pk) throw new Error(`holder ${grant.to} has no certified keys`);
    return caseWrapFor(context, caseId, next, nextKey, {
      to: grant.to,
      pk,
      perm: grant.perm,
      expiresAt: grant.expiresAt,
    });
  });
  if (!holders.some((grant) => grant.to === ORG_RECOVERY)) {
    wraps.push(
      caseWrapFor(context, caseId, next, nextKey, {
        to: ORG_RECOVERY,
        pk: recoveryPk,
        perm: 'write',
        expiresAt: 0,
      }),
    );
  }
  const inbox = createCaseInboxKey(caseId, next, nextKey);
  inbox.secretKey.fill(0);
  const previousKeyEnvelope = sealPreviousEpochKey(caseId, epoch, currentKey, nextKey);
  nextKey.fill(0);
  return context.api.send(
    'POST',
    `/api/cases/${caseId}/rotate`,
    {
      epoch: next,
      previousKeyEnvelope: toBase64Url(previousKeyEnvelope),
      inbox: { pk: toBase64Url(inbox.publicKey), sealed: toBase64Url(inbox.sealed) },
      wraps,
    },
    rotateCaseKeyResponseSchema,
  );
}
