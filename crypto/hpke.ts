import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { expand, extract } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, expectLength, randomBytes, utf8, wipe } from './bytes.js';
import { fail } from './errors.js';

/**
 * RFC 9180 HPKE, mode_base only, for the one suite PROTOCOL §1 allows:
 * DHKEM(X25519, HKDF-SHA256) 0x0020, HKDF-SHA256 0x0001, ChaCha20Poly1305 0x0003.
 */

const KEM_ID = 0x0020;
const KDF_ID = 0x0001;
const AEAD_ID = 0x0003;
const MODE_BASE = 0x00;
const N_SECRET = 32;
const N_SK = 32;
const N_K = 32;
const N_N = 12;
const N_H = 32;

const KEM_SUITE_ID = concatBytes(utf8('KEM'), i2osp(KEM_ID, 2));
const HPKE_SUITE_ID = concatBytes(utf8('HPKE'), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(AEAD_ID, 2));
const HPKE_V1 = utf8('HPKE-v1');
const EMPTY = new Uint8Array(0);

function i2osp(n: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1, rest = n; i >= 0; i--, rest = Math.floor(rest / 256)) out[i] = rest % 256;
  return out;
}

function labeledExtract(suiteId: Uint8Array, salt: Uint8Array, label: string, ikm: Uint8Array) {
  return extract(sha256, concatBytes(HPKE_V1, suiteId, utf8(label), ikm), salt);
}

function labeledExpand(
  suiteId: Uint8Array,
  prk: Uint8Array,
  label: string,
  info: Uint8Array,
  length: number,
) {
  return expand(sha256, prk, concatBytes(i2osp(length, 2), HPKE_V1, suiteId, utf8(label), info), length);
}

export interface X25519KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/** RFC 9180 §7.1.3 DeriveKeyPair for X25519. */
export function deriveKeyPair(ikm: Uint8Array): X25519KeyPair {
  const dkpPrk = labeledExtract(KEM_SUITE_ID, EMPTY, 'dkp_prk', ikm);
  const secretKey = labeledExpand(KEM_SUITE_ID, dkpPrk, 'sk', EMPTY, N_SK);
  wipe(dkpPrk);
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

export function generateKeyPair(): X25519KeyPair {
  const ikm = randomBytes(32);
  const pair = deriveKeyPair(ikm);
  wipe(ikm);
  return pair;
}

export function x25519PublicKey(secretKey: Uint8Array): Uint8Array {
  return x25519.getPublicKey(expectLength(secretKey, 32, 'X25519 secret key'));
}

function dh(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  expectLength(publicKey, 32, 'X25519 public key');
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(secretKey, publicKey);
  } catch {
    return fail('malformed', 'invalid X25519 public key');
  }
  // RFC 9180 §7.1.4: an all-zero shared secret means a small-order public key.
  if (shared.every((byte) => byte === 0)) fail('malformed', 'X25519 public key of small order');
  return shared;
}

function extractAndExpand(dhValue: Uint8Array, kemContext: Uint8Array): Uint8Array {
  const eaePrk = labeledExtract(KEM_SUITE_ID, EMPTY, 'eae_prk', dhValue);
  const sharedSecret = labeledExpand(KEM_SUITE_ID, eaePrk, 'shared_secret', kemContext, N_SECRET);
  wipe(eaePrk, dhValue);
  return sharedSecret;
}

function encap(recipientPublicKey: Uint8Array, ikmE: Uint8Array) {
  const ephemeral = deriveKeyPair(ikmE);
  const enc = ephemeral.publicKey;
  const sharedSecret = extractAndExpand(
    dh(ephemeral.secretKey, recipientPublicKey),
    concatBytes(enc, recipientPublicKey),
  );
  wipe(ephemeral.secretKey);
  return { sharedSecret, enc };
}

function decap(enc: Uint8Array, recipientSecretKey: Uint8Array): Uint8Array {
  const recipientPublicKey = x25519PublicKey(recipientSecretKey);
  return extractAndExpand(dh(recipientSecretKey, enc), concatBytes(enc, recipientPublicKey));
}

/** An HPKE context after the key schedule: seal/open with the sequence counter, export. */
export class HpkeContext {
  #key: Uint8Array;
  #baseNonce: Uint8Array;
  #exporterSecret: Uint8Array;
  #sequence = 0;

  constructor(key: Uint8Array, baseNonce: Uint8Array, exporterSecret: Uint8Array) {
    this.#key = key;
    this.#baseNonce = baseNonce;
    this.#exporterSecret = exporterSecret;
  }

  #nextNonce(): Uint8Array {
    const nonce = i2osp(this.#sequence, N_N);
    for (let i = 0; i < N_N; i++) nonce[i] = (nonce[i] as number) ^ (this.#baseNonce[i] as number);
    this.#sequence += 1;
    return nonce;
  }

  seal(aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
    return chacha20poly1305(this.#key, this.#nextNonce(), aad).encrypt(plaintext);
  }

  open(aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
    const nonce = this.#nextNonce();
    try {
      return chacha20poly1305(this.#key, nonce, aad).decrypt(ciphertext);
    } catch {
      this.#sequence -= 1;
      return fail('tampered', 'HPKE ciphertext did not open');
    }
  }

  export(exporterContext: Uint8Array, length: number): Uint8Array {
    return labeledExpand(HPKE_SUITE_ID, this.#exporterSecret, 'sec', exporterContext, length);
  }

  dispose(): void {
    wipe(this.#key, this.#baseNonce, this.#exporterSecret);
  }
}

function keySchedule(sharedSecret: Uint8Array, info: Uint8Array): HpkeContext {
  const pskIdHash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'psk_id_hash', EMPTY);
  const infoHash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'info_hash', info);
  const context = concatBytes(new Uint8Array([MODE_BASE]), pskIdHash, infoHash);
  const secret = labeledExtract(HPKE_SUITE_ID, sharedSecret, 'secret', EMPTY);
  const key = labeledExpand(HPKE_SUITE_ID, secret, 'key', context, N_K);
  const baseNonce = labeledExpand(HPKE_SUITE_ID, secret, 'base_nonce', context, N_N);
  const exporterSecret = labeledExpand(HPKE_SUITE_ID, secret, 'exp', context, N_H);
  wipe(secret, sharedSecret);
  return new HpkeContext(key, baseNonce, exporterSecret);
}

/** SetupBaseS. `ikmE` is only given by tests and vector generation; otherwise it is random. */
export function setupBaseSender(recipientPublicKey: Uint8Array, info: Uint8Array, ikmE?: Uint8Array) {
  const seed = ikmE ?? randomBytes(32);
  const { sharedSecret, enc } = encap(recipientPublicKey, seed);
  if (!ikmE) wipe(seed);
  return { enc, context: keySchedule(sharedSecret, info) };
}

export function setupBaseRecipient(enc: Uint8Array, recipientSecretKey: Uint8Array, info: Uint8Array) {
  expectLength(enc, 32, 'HPKE enc');
  return keySchedule(decap(enc, expectLength(recipientSecretKey, 32, 'X25519 secret key')), info);
}

export interface HpkeSealed {
  enc: Uint8Array;
  ct: Uint8Array;
}

export function sealBase(
  recipientPublicKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
  ikmE?: Uint8Array,
): HpkeSealed {
  const { enc, context } = setupBaseSender(recipientPublicKey, info, ikmE);
  const ct = context.seal(aad, plaintext);
  context.dispose();
  return { enc, ct };
}

export function openBase(
  enc: Uint8Array,
  recipientSecretKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  ct: Uint8Array,
): Uint8Array {
  const context = setupBaseRecipient(enc, recipientSecretKey, info);
  try {
    return context.open(aad, ct);
  } finally {
    context.dispose();
  }
}
