import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { base64UrlByteLength } from '../core/api/encoding.js';
import { constantTimeEqual, fromBase64Url, randomBytes, toBase64Url, toHex, utf8 } from '../crypto/bytes.js';
import { sha256 } from '../crypto/hash.js';

/**
 * PROTOCOL §4: the server keeps HMAC-SHA256(pepper, auth key), never the auth key. A stolen
 * database without the Worker secret cannot even be used to test a guessed passphrase.
 */
function peppered(pepper: string, message: Uint8Array): Uint8Array {
  return hmac(nobleSha256, utf8(pepper), message);
}

export function pepperedHash(pepper: string, authKey: string): string {
  return toBase64Url(peppered(pepper, fromBase64Url(authKey)));
}

/** Compares in constant time; `storedHash` undefined (unknown account) still does the same work. */
export function verifyPeppered(pepper: string, authKey: string, storedHash: string | undefined): boolean {
  const presented = peppered(pepper, fromBase64Url(authKey));
  const stored = storedHash === undefined ? new Uint8Array(32) : fromBase64Url(storedHash);
  return constantTimeEqual(presented, stored) && storedHash !== undefined;
}

/** A stable salt for an email with no account, so a parameter look-up confirms nothing. */
export function fakeSalt(pepper: string, email: string): string {
  return toBase64Url(peppered(pepper, utf8(`fake-salt|${email}`)).slice(0, 16));
}

/** Session and invitation tokens: 32 random bytes for the holder, SHA-256 for the database. */
export function newToken(): { token: string; hash: string } {
  const token = toBase64Url(randomBytes(32));
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return toHex(sha256(fromBase64Url(token)));
}

export function isWellFormedToken(token: string | undefined): token is string {
  return token !== undefined && base64UrlByteLength(token) === 32;
}
