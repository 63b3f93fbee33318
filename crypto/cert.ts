import { concatBytes, constantTimeEqual, expectLength, lp, toHex, u64, utf8 } from './bytes.js';
import { sign, verify, verifySync } from './ed25519.js';
import { fail } from './errors.js';
import { sha256 } from './hash.js';

/** PROTOCOL §4 "Certificates and key authenticity". */

export interface CertFields {
  userId: string;
  email: string;
  x25519Pk: Uint8Array;
  ed25519Pk: Uint8Array;
  issuedAtMs: number;
}

export function certMessage(fields: CertFields): Uint8Array {
  return concatBytes(
    lp('tacit/1/cert'),
    lp(utf8(fields.userId)),
    lp(utf8(fields.email)),
    expectLength(fields.x25519Pk, 32, 'X25519 public key'),
    expectLength(fields.ed25519Pk, 32, 'Ed25519 public key'),
    u64(fields.issuedAtMs),
  );
}

export function signCert(rootSeed: Uint8Array, fields: CertFields): Uint8Array {
  return sign(rootSeed, certMessage(fields));
}

/** Synchronous, for the server (it may verify; it never decrypts). */
export function verifyCert(rootPk: Uint8Array, fields: CertFields, sig: Uint8Array): boolean {
  return verifySync(rootPk, certMessage(fields), sig);
}

export interface CertifiedUser extends CertFields {
  certSig: Uint8Array;
}

/** A client trusts a key only with a valid cert under the pinned root: else 'uncertified'. */
export async function requireCertified(rootPk: Uint8Array, user: CertifiedUser): Promise<CertifiedUser> {
  if (!(await verify(rootPk, certMessage(user), user.certSig))) {
    fail('uncertified', `the keys of ${user.email} are not certified by this organization`);
  }
  return user;
}

/** First 20 bytes of SHA-256 of the key, 5 groups of 8 hex digits, for out-of-band comparison. */
export function keyFingerprint(publicKey: Uint8Array): string {
  const hex = toHex(sha256(publicKey).subarray(0, 20));
  return hex.match(/.{8}/g)?.join(' ') ?? hex;
}

/** The root pinned at first login must never change: a changed root is a hard error. */
export function checkPinnedRoot(pinnedRootPk: Uint8Array | undefined, servedRootPk: Uint8Array): void {
  if (pinnedRootPk && !constantTimeEqual(pinnedRootPk, servedRootPk)) {
    fail('root-changed', 'the organization root key is not the one this browser pinned');
  }
}
