import { type CaseWrap, ORG_RECOVERY } from '../core/api/key-wraps.js';
import { caseGrantInfo } from '../crypto/grant.js';
import type { AccessRequestRow, CaseKeyWrapRow } from './db/schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';
import { assertGrantSignature } from './key-wraps.js';

/** The server's policy on case-key wraps (PROTOCOL §5): who may be given which key, and how. */

/** The browser's clock and ours differ; an approved duration may be counted from its now. */
const EXPIRY_SLACK_MS = 5 * 60_000;

export function signedWrapRow(
  session: ActiveSession,
  caseId: string,
  epoch: number,
  wrap: CaseWrap,
  now: number,
): CaseKeyWrapRow {
  const expiresAt = wrap.expiresAt ?? 0;
  const info = caseGrantInfo({
    org: session.org.id,
    caseId,
    epoch,
    to: wrap.to,
    perm: wrap.perm,
    expiresAtMs: expiresAt,
    by: session.user.id,
  });
  assertGrantSignature(info, wrap, session.user);
  return {
    id: crypto.randomUUID(),
    caseId,
    epoch,
    toUserId: wrap.to,
    perm: wrap.perm,
    expiresAt,
    enc: wrap.enc,
    ct: wrap.ct,
    sig: wrap.sig,
    byUserId: session.user.id,
    createdAt: now,
    revokedAt: null,
  };
}

/** A grant either delivers an approved request or restores the primary counselor's own access. */
export function assertGrantApproved(
  wrap: CaseWrap,
  primaryCounselorId: string,
  request: AccessRequestRow | undefined,
  now: number,
): void {
  const expiresAt = wrap.expiresAt ?? 0;
  if (request) {
    if (request.status !== 'approved') {
      throw new ApiError(409, 'request_not_pending', `this request is ${request.status}, not approved`);
    }
    const withinApproval =
      request.requesterId === wrap.to &&
      request.perm === wrap.perm &&
      expiresAt > now &&
      expiresAt <= now + request.durationMs + EXPIRY_SLACK_MS;
    if (!withinApproval) {
      throw new ApiError(
        403,
        'grant_not_approved',
        'the wrap must match the approved recipient, permission and duration',
      );
    }
    return;
  }
  if (wrap.to !== primaryCounselorId || wrap.perm !== 'write' || expiresAt !== 0) {
    throw new ApiError(
      403,
      'grant_not_approved',
      'without an approved access request, only the primary counselor may be given the key (write, no expiry)',
    );
  }
}

/** Every live holder of epoch e must get epoch e+1 with the same permission and expiry, nobody else. */
export function assertSameHolders(wraps: readonly CaseWrap[], holders: readonly CaseKeyWrapRow[]): void {
  if (
    !wraps.some((wrap) => wrap.to === ORG_RECOVERY && wrap.perm === 'write' && (wrap.expiresAt ?? 0) === 0)
  ) {
    throw new ApiError(400, 'recovery_wrap_missing', 'every epoch is wrapped to the org recovery key');
  }
  const expected = new Map(holders.map((held) => [held.toUserId, held]));
  const missing = holders.filter((held) => !wraps.some((wrap) => wrap.to === held.toUserId));
  const mismatched = wraps.filter((wrap) => {
    if (wrap.to === ORG_RECOVERY) return false;
    const held = expected.get(wrap.to);
    return !held || held.perm !== wrap.perm || held.expiresAt !== (wrap.expiresAt ?? 0);
  });
  if (missing.length > 0 || mismatched.length > 0) {
    throw new ApiError(
      409,
      'holders_mismatch',
      `the new epoch must go to exactly the live holders with their permission and expiry (missing: ${missing.map((held) => held.toUserId).join(', ') || 'none'}; not matching: ${mismatched.map((wrap) => wrap.to).join(', ') || 'none'})`,
    );
  }
}
