import type { CaseWrap, Permission } from '../../../../../core/api/index';
import { caseGrantInfo, toBase64Url, type WrappedKey, wrapKey } from '../../../../../crypto/index';
import type { CaseContext } from './context';

/** Bytes of a wrap as they travel (PROTOCOL §2: base64url). */
export const encodeWrap = (wrapped: WrappedKey) => ({
  enc: toBase64Url(wrapped.enc),
  ct: toBase64Url(wrapped.ct),
  sig: toBase64Url(wrapped.sig),
});

/** The case key of `epoch` wrapped to one holder by me, with permission and expiry bound in (§5). */
export function caseWrapFor(
  context: CaseContext,
  caseId: string,
  epoch: number,
  key: Uint8Array,
  holder: { to: string; pk: Uint8Array; perm: Permission; expiresAt: number },
): CaseWrap {
  const info = caseGrantInfo({
    org: context.orgId,
    caseId,
    epoch,
    to: holder.to,
    perm: holder.perm,
    expiresAtMs: holder.expiresAt,
    by: context.me.id,
  });
  return {
    ...encodeWrap(wrapKey(info, key, holder.pk, context.me.keys.ed25519Seed)),
    to: holder.to,
    perm: holder.perm,
    expiresAt: holder.expiresAt,
  };
}
