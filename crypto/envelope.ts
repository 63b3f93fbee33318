import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { concatBytes, constantTimeEqual, expectLength, lp, randomBytes, utf8, wipe } from './bytes.js';
import { fail } from './errors.js';
import { hkdfSha256 } from './hash.js';

/** PROTOCOL §3: the symmetric envelope every secret at rest travels in. */

export const ENVELOPE_VERSION = 0x01;
export const EnvelopeKind = {
  recordBody: 0x01,
  privateKeyBundle: 0x02,
  keyUnderKey: 0x03,
  attachmentChunk: 0x04,
} as const;
export type EnvelopeKind = (typeof EnvelopeKind)[keyof typeof EnvelopeKind];

/** Ciphertext is branded so it cannot be mistaken for plaintext bytes. */
export type Envelope = Uint8Array & { readonly __brand: 'Envelope' };

const HEADER_LENGTH = 58;
const TAG_LENGTH = 16;
const KINDS = new Set<number>(Object.values(EnvelopeKind));

const ENVELOPE_LABEL = lp('tacit/1/envelope');

/** `boundContext` = lp(context): bound into both the key derivation and the AAD. */
function deriveEnvelopeKeys(key: Uint8Array, nonce: Uint8Array, boundContext: Uint8Array) {
  const okm = hkdfSha256(key, nonce, concatBytes(ENVELOPE_LABEL, boundContext), 64);
  return { encryptionKey: okm.subarray(0, 32), commitment: okm.subarray(32, 64), okm };
}

export function encryptEnvelope(
  key: Uint8Array,
  kind: EnvelopeKind,
  context: string,
  plaintext: Uint8Array,
): Envelope {
  return encryptEnvelopeWithNonce(key, kind, context, plaintext, randomBytes(24));
}

/** Deterministic form, for the test vectors only: a nonce must never be reused. */
export function encryptEnvelopeWithNonce(
  key: Uint8Array,
  kind: EnvelopeKind,
  context: string,
  plaintext: Uint8Array,
  nonce: Uint8Array,
): Envelope {
  expectLength(key, 32, 'envelope key');
  expectLength(nonce, 24, 'envelope nonce');
  if (!KINDS.has(kind)) fail('unsupported', `unknown envelope kind ${kind}`);
  const boundContext = lp(utf8(context));
  const { encryptionKey, commitment, okm } = deriveEnvelopeKeys(key, nonce, boundContext);
  // Sealed straight into the envelope's buffer, which starts 2 bytes in so that the ciphertext
  // (at offset 58) is 4-byte aligned: noble's fast path needs aligned output, and a copy of a
  // large ciphertext is avoided.
  const buffer = new ArrayBuffer(2 + HEADER_LENGTH + plaintext.length + TAG_LENGTH);
  const envelope = new Uint8Array(buffer, 2);
  envelope.set([ENVELOPE_VERSION, kind]);
  envelope.set(commitment, 2);
  envelope.set(nonce, 34);
  const aad = concatBytes(envelope.subarray(0, HEADER_LENGTH), boundContext);
  xchacha20poly1305(encryptionKey, nonce, aad).encrypt(plaintext, envelope.subarray(HEADER_LENGTH));
  wipe(okm);
  return envelope as Envelope;
}

export function decryptEnvelope(
  key: Uint8Array,
  kind: EnvelopeKind,
  context: string,
  envelope: Uint8Array,
): Uint8Array {
  expectLength(key, 32, 'envelope key');
  if (!(envelope instanceof Uint8Array) || envelope.length < HEADER_LENGTH + TAG_LENGTH) {
    fail('malformed', 'envelope too short');
  }
  if (envelope[0] !== ENVELOPE_VERSION) fail('unsupported', `envelope version ${envelope[0]}`);
  if (envelope[1] !== kind) fail('malformed', `expected envelope kind ${kind}, found ${envelope[1]}`);
  const header = envelope.subarray(0, HEADER_LENGTH);
  const nonce = envelope.subarray(34, HEADER_LENGTH);
  const boundContext = lp(utf8(context));
  const { encryptionKey, commitment, okm } = deriveEnvelopeKeys(key, nonce, boundContext);
  try {
    // Key commitment first: a wrong key or context is refused before any AEAD work.
    if (!constantTimeEqual(commitment, envelope.subarray(2, 34))) {
      fail('wrong-key', 'this key or context does not open this envelope');
    }
    const aad = concatBytes(header, boundContext);
    try {
      return xchacha20poly1305(encryptionKey, nonce, aad).decrypt(alignedCiphertext(envelope));
    } catch {
      return fail('tampered', 'the envelope was altered');
    }
  } finally {
    wipe(okm);
  }
}

export function envelopeKind(envelope: Uint8Array): number | undefined {
  return envelope[1];
}

/** The ciphertext on a 4-byte boundary (noble's fast path); copied only when it is not. */
function alignedCiphertext(envelope: Uint8Array): Uint8Array {
  const ciphertext = envelope.subarray(HEADER_LENGTH);
  return ciphertext.byteOffset % 4 === 0 ? ciphertext : ciphertext.slice();
}
