import { fromBase32, groupCode, toBase32 } from './base32.js';
import { concatBytes, constantTimeEqual, randomBytes, wipe } from './bytes.js';
import { decryptEnvelope, type Envelope, EnvelopeKind, encryptEnvelope } from './envelope.js';
import { fail } from './errors.js';
import { hkdfSha256, sha256 } from './hash.js';
import { decodeKeyBundle, encodeKeyBundle, type UserKeys } from './user-keys.js';

/**
 * PROTOCOL §4 recovery code: 128 random bits, shown once. Printed as Crockford base32 of
 * code (16 B) || checksum (4 B) — 32 characters in 8 groups — so a typo is caught before any
 * login attempt: checksum = first 4 bytes of SHA-256("tacit/1/recovery-code" || code).
 */

const CODE_BYTES = 16;
const CHECKSUM_BYTES = 4;

function checksum(code: Uint8Array): Uint8Array {
  return sha256(concatBytes(new TextEncoder().encode('tacit/1/recovery-code'), code)).subarray(
    0,
    CHECKSUM_BYTES,
  );
}

export function generateRecoveryCode(): Uint8Array {
  return randomBytes(CODE_BYTES);
}

export function formatRecoveryCode(code: Uint8Array): string {
  if (code.length !== CODE_BYTES) fail('malformed', 'a recovery code is 16 bytes');
  return groupCode(toBase32(concatBytes(code, checksum(code))));
}

export function parseRecoveryCode(text: string): Uint8Array {
  const bytes = fromBase32(text, CODE_BYTES + CHECKSUM_BYTES);
  const code = bytes.slice(0, CODE_BYTES);
  if (!constantTimeEqual(checksum(code), bytes.subarray(CODE_BYTES))) {
    fail('bad-checksum', 'the recovery code has a typo');
  }
  return code;
}

export interface RecoveryKeys {
  auth: Uint8Array;
  kek: Uint8Array;
}

export function deriveRecoveryKeys(code: Uint8Array): RecoveryKeys {
  return {
    auth: hkdfSha256(code, new Uint8Array(0), 'tacit/1/recovery-auth', 32),
    kek: hkdfSha256(code, new Uint8Array(0), 'tacit/1/recovery-kek', 32),
  };
}

/**
 * The protocol binds KDF parameters into the bundle context; a recovery code has no KDF, so its
 * copy of the bundle names that instead: `tacit/1/user-keys|user=<id>|kdf=recovery-code`.
 */
export function recoveryBundleContext(userId: string): string {
  return `tacit/1/user-keys|user=${userId}|kdf=recovery-code`;
}

export interface RecoveryCredentials {
  /** shown to the person once, never stored */
  code: string;
  auth: Uint8Array;
  recoveryBundle: Envelope;
}

export function createRecoveryCredentials(userId: string, keys: UserKeys): RecoveryCredentials {
  const code = generateRecoveryCode();
  const { auth, kek } = deriveRecoveryKeys(code);
  const plaintext = encodeKeyBundle(keys);
  const recoveryBundle = encryptEnvelope(
    kek,
    EnvelopeKind.privateKeyBundle,
    recoveryBundleContext(userId),
    plaintext,
  );
  const formatted = formatRecoveryCode(code);
  wipe(code, kek, plaintext);
  return { code: formatted, auth, recoveryBundle };
}

export function openRecoveryBundle(code: Uint8Array, userId: string, recoveryBundle: Uint8Array): UserKeys {
  const { auth, kek } = deriveRecoveryKeys(code);
  try {
    return decodeKeyBundle(
      decryptEnvelope(kek, EnvelopeKind.privateKeyBundle, recoveryBundleContext(userId), recoveryBundle),
    );
  } finally {
    wipe(auth, kek);
  }
}
