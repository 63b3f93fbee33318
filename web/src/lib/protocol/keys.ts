import type { SessionView, UserView } from '../../../../core/api/index';
import {
  concatBytes,
  constantTimeEqual,
  fail,
  fromBase64Url,
  keyFingerprint,
  requireCertified,
  type UserKeys,
  unwrapRootSeed,
  verifyCert,
} from '../../../../crypto/index';

/** A signed-in person's keys once opened: their own pairs and, for admins, the org root seed. */
export interface OpenedKeys extends UserKeys {
  orgRootSeed: Uint8Array | null;
}

/** Fingerprint of a member's two public keys, compared out of band before certification. */
export function memberKeyFingerprint(x25519Pk: Uint8Array, ed25519Pk: Uint8Array): string {
  return keyFingerprint(concatBytes(x25519Pk, ed25519Pk));
}

export function certFieldsOf(user: UserView) {
  return {
    userId: user.id,
    email: user.email,
    x25519Pk: fromBase64Url(user.x25519Pk),
    ed25519Pk: fromBase64Url(user.ed25519Pk),
  };
}

/** A user's signing key if the org root certified it, else undefined (PROTOCOL §4). */
export function certifiedSigningKey(rootPk: Uint8Array, user: UserView): Uint8Array | undefined {
  if (!user.cert) return undefined;
  const fields = { ...certFieldsOf(user), issuedAtMs: user.cert.issuedAtMs };
  return verifyCert(rootPk, fields, fromBase64Url(user.cert.sig)) ? fields.ed25519Pk : undefined;
}

/**
 * After the bundle opens: the public keys the server lists for this user must be the ones the
 * bundle holds (else the server swapped them), a certificate it shows must verify under the pinned
 * root, and an admin's root-seed wrap must open and match the root.
 */
export async function completeOpenedKeys(
  view: SessionView,
  keys: UserKeys,
  rootPk: Uint8Array,
  granterSigningKey: (userId: string) => Promise<Uint8Array>,
): Promise<OpenedKeys> {
  const listed = certFieldsOf(view.user);
  if (
    !constantTimeEqual(listed.x25519Pk, keys.x25519Pk) ||
    !constantTimeEqual(listed.ed25519Pk, keys.ed25519Pk)
  ) {
    fail('tampered', 'the server lists other public keys for this account than the ones it holds');
  }
  if (view.user.cert) {
    await requireCertified(rootPk, {
      ...listed,
      issuedAtMs: view.user.cert.issuedAtMs,
      certSig: fromBase64Url(view.user.cert.sig),
    });
  }
  let orgRootSeed: Uint8Array | null = null;
  if (view.rootWrap) {
    const granterPk =
      view.rootWrap.byUserId === view.user.id
        ? keys.ed25519Pk
        : await granterSigningKey(view.rootWrap.byUserId);
    orgRootSeed = await unwrapRootSeed(
      { org: view.org.id, to: view.user.id, by: view.rootWrap.byUserId },
      {
        enc: fromBase64Url(view.rootWrap.enc),
        ct: fromBase64Url(view.rootWrap.ct),
        sig: fromBase64Url(view.rootWrap.sig),
      },
      keys.x25519Sk,
      granterPk,
    );
  }
  return { ...keys, orgRootSeed };
}
