import type { WrappedKeyJson } from '../core/api/key-wraps.js';
import { concatBytes, fromBase64Url, lp, utf8 } from '../crypto/bytes.js';
import { verifySync } from '../crypto/ed25519.js';
import { sha256 } from '../crypto/hash.js';
import type { UserRow } from './db/schema.js';
import { ApiError } from './errors.js';

/**
 * PROTOCOL §5: sig = Ed25519(granter, lp("tacit/1/grant-sig") || lp(info) || enc || SHA-256(ct)).
 * The server rebuilds `info` from the columns it is about to store, so a browser bug (or a
 * tampered request) that signed other metadata is refused, and the stored row proves who granted.
 */
function grantSignatureMessage(info: string, wrap: WrappedKeyJson): Uint8Array {
  return concatBytes(
    lp('tacit/1/grant-sig'),
    lp(utf8(info)),
    fromBase64Url(wrap.enc),
    sha256(fromBase64Url(wrap.ct)),
  );
}

export function assertGrantSignature(info: string, wrap: WrappedKeyJson, granter: UserRow): void {
  if (
    !verifySync(fromBase64Url(granter.ed25519Pk), grantSignatureMessage(info, wrap), fromBase64Url(wrap.sig))
  ) {
    throw new ApiError(
      400,
      'bad_signature',
      'a wrap signature does not verify under your certified key for the metadata sent with it',
    );
  }
}

/** Only a key with a cert under the org root may grant or sign (PROTOCOL §4). */
export function requireCertified(user: UserRow, doing: string): void {
  if (user.certSig === null) {
    throw new ApiError(409, 'not_certified', `an admin must certify your keys before you can ${doing}`);
  }
}

/** A recipient of a wrap must be an active user whose keys an admin certified. */
export function assertRecipient(user: UserRow | undefined, id: string): asserts user is UserRow {
  if (user?.status !== 'active' || user.certSig === null) {
    throw new ApiError(409, 'bad_recipient', `user ${id} is not an active user with certified keys`);
  }
}

export function assertDistinctRecipients(recipients: readonly string[]): void {
  if (new Set(recipients).size !== recipients.length) {
    throw new ApiError(400, 'invalid_request', 'each recipient may appear in only one wrap');
  }
}
