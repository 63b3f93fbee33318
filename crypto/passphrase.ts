import { argon2idAsync } from '@noble/hashes/argon2.js';
import { randomBytes, wipe } from './bytes.js';
import { decryptEnvelope, type Envelope, EnvelopeKind, encryptEnvelope } from './envelope.js';
import { fail } from './errors.js';
import { hkdfSha256 } from './hash.js';
import { decodeKeyBundle, encodeKeyBundle, type UserKeys } from './user-keys.js';

/** PROTOCOL §4 "Passphrase": Argon2id → master → auth (sent) and kek (never leaves the browser). */

export interface KdfParams {
  /** memory in KiB */
  m: number;
  t: number;
  p: number;
}

export const KDF_FLOOR = { m: 19 * 1024, t: 2, p: 1 } as const;
/**
 * Chosen by measurement (docs/benchmarks.md, "argon2id-unlock"): the strongest setting whose
 * unlock stays under 1.5 s in Chromium on the reference machine.
 */
export const KDF_DEFAULT: KdfParams = { m: 128 * 1024, t: 2, p: 1 };

export function checkKdfParams(params: KdfParams): void {
  const { m, t, p } = params;
  if (![m, t, p].every(Number.isSafeInteger)) fail('malformed', 'KDF parameters must be integers');
  // Refuse before deriving anything: a server that lowers the parameters gets nothing (no downgrade).
  if (m < KDF_FLOOR.m || t < KDF_FLOOR.t)
    fail('weak-parameters', 'passphrase KDF parameters below the floor');
  if (p !== 1) fail('unsupported', 'the protocol uses Argon2id with p = 1');
  if (m > 4 * 1024 * 1024 || t > 64) fail('malformed', 'KDF parameters out of range');
}

export interface PassphraseKeys {
  master: Uint8Array;
  auth: Uint8Array;
  kek: Uint8Array;
}

export async function derivePassphraseKeys(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
): Promise<PassphraseKeys> {
  checkKdfParams(params);
  if (salt.length !== 16) fail('malformed', 'passphrase salt must be 16 bytes');
  const password = new TextEncoder().encode(passphrase.normalize('NFKC'));
  const master = await argon2idAsync(password, salt, { m: params.m, t: params.t, p: params.p, dkLen: 32 });
  wipe(password);
  return {
    master,
    auth: hkdfSha256(master, new Uint8Array(0), 'tacit/1/auth', 32),
    kek: hkdfSha256(master, new Uint8Array(0), 'tacit/1/kek', 32),
  };
}

export function keyBundleContext(userId: string, params: KdfParams): string {
  return `tacit/1/user-keys|user=${userId}|kdf=argon2id|m=${params.m}|t=${params.t}|p=${params.p}`;
}

export function sealKeyBundle(kek: Uint8Array, userId: string, params: KdfParams, keys: UserKeys): Envelope {
  const plaintext = encodeKeyBundle(keys);
  const envelope = encryptEnvelope(
    kek,
    EnvelopeKind.privateKeyBundle,
    keyBundleContext(userId, params),
    plaintext,
  );
  wipe(plaintext);
  return envelope;
}

export function openKeyBundle(
  kek: Uint8Array,
  userId: string,
  params: KdfParams,
  envelope: Uint8Array,
): UserKeys {
  checkKdfParams(params);
  return decodeKeyBundle(
    decryptEnvelope(kek, EnvelopeKind.privateKeyBundle, keyBundleContext(userId, params), envelope),
  );
}

export interface PassphraseCredentials {
  salt: Uint8Array;
  params: KdfParams;
  /** sent to the server at login, stored there only as HMAC(pepper, auth) */
  auth: Uint8Array;
  keyBundle: Envelope;
}

/** New account, or a passphrase change: fresh salt, keys re-sealed under the new kek. */
export async function createPassphraseCredentials(
  passphrase: string,
  userId: string,
  keys: UserKeys,
  params: KdfParams = KDF_DEFAULT,
): Promise<PassphraseCredentials> {
  const salt = randomBytes(16);
  const derived = await derivePassphraseKeys(passphrase, salt, params);
  const keyBundle = sealKeyBundle(derived.kek, userId, params, keys);
  wipe(derived.master, derived.kek);
  return { salt, params, auth: derived.auth, keyBundle };
}

/** Login: derive, open the bundle; a wrong passphrase fails at the key commitment ('wrong-key'). */
export async function unlockWithPassphrase(
  passphrase: string,
  userId: string,
  salt: Uint8Array,
  params: KdfParams,
  keyBundle: Uint8Array,
): Promise<UserKeys> {
  const derived = await derivePassphraseKeys(passphrase, salt, params);
  try {
    return openKeyBundle(derived.kek, userId, params, keyBundle);
  } finally {
    wipe(derived.master, derived.kek, derived.auth);
  }
}
