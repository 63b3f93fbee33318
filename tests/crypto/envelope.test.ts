import { createPrivateKey, createPublicKey, hkdfSync, sign as nodeSign } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, lp, randomBytes, utf8 } from '../../crypto/bytes.js';
import { sign, signingPublicKey } from '../../crypto/ed25519.js';
import {
  decryptEnvelope,
  EnvelopeKind,
  encryptEnvelope,
  encryptEnvelopeWithNonce,
} from '../../crypto/envelope.js';
import { hkdfSha256 } from '../../crypto/hash.js';
import { type RecordBinding, recordContext } from '../../crypto/record.js';

const binding: RecordBinding = {
  org: 'org-1',
  caseId: 'case-1',
  recordId: 'record-1',
  rev: 1,
  form: 'session-note@1',
  author: 'user-1',
};

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
  return copy;
}

describe('symmetric envelope (PROTOCOL §3)', () => {
  it('round-trips every kind, including an empty plaintext', () => {
    const key = randomBytes(32);
    for (const kind of Object.values(EnvelopeKind)) {
      for (const plaintext of [new Uint8Array(0), utf8('来访者今天谈到了睡眠问题')]) {
        const envelope = encryptEnvelope(key, kind, 'ctx', plaintext);
        expect(envelope.length).toBe(58 + plaintext.length + 16);
        expect(decryptEnvelope(key, kind, 'ctx', envelope)).toEqual(plaintext);
      }
    }
  });

  it('lays out bytes exactly as the protocol text says (rebuilt with node:crypto HKDF)', () => {
    const key = randomBytes(32);
    const nonce = randomBytes(24);
    const context = recordContext(binding);
    const plaintext = utf8('{"notes":"x"}');
    const okm = new Uint8Array(
      hkdfSync('sha256', key, nonce, concatBytes(lp('tacit/1/envelope'), lp(utf8(context))), 64),
    );
    const header = concatBytes(new Uint8Array([0x01, 0x01]), okm.subarray(32), nonce);
    const expected = concatBytes(
      header,
      xchacha20poly1305(okm.subarray(0, 32), nonce, concatBytes(header, lp(utf8(context)))).encrypt(
        plaintext,
      ),
    );
    expect(encryptEnvelopeWithNonce(key, EnvelopeKind.recordBody, context, plaintext, nonce)).toEqual(
      expected,
    );
  });

  it('refuses a wrong key at the key commitment, before any AEAD work', () => {
    const envelope = encryptEnvelope(randomBytes(32), EnvelopeKind.recordBody, 'ctx', utf8('secret'));
    expect(() => decryptEnvelope(randomBytes(32), EnvelopeKind.recordBody, 'ctx', envelope)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
  });

  it('reports a damaged ciphertext under the right key as tampered, not as a wrong key', () => {
    const key = randomBytes(32);
    const envelope = encryptEnvelope(key, EnvelopeKind.recordBody, 'ctx', utf8('secret'));
    expect(() => decryptEnvelope(key, EnvelopeKind.recordBody, 'ctx', flipBit(envelope, 60 * 8))).toThrow(
      expect.objectContaining({ code: 'tampered' }),
    );
  });

  it('fails when the ciphertext is moved to another case, record, revision or form', () => {
    const key = randomBytes(32);
    const envelope = encryptEnvelope(key, EnvelopeKind.recordBody, recordContext(binding), utf8('{"a":1}'));
    for (const moved of [
      { ...binding, caseId: 'case-2' },
      { ...binding, recordId: 'record-2' },
      { ...binding, rev: 2 },
      { ...binding, form: 'session-note@2' },
      { ...binding, author: 'user-2' },
      { ...binding, org: 'org-2' },
    ]) {
      expect(() => decryptEnvelope(key, EnvelopeKind.recordBody, recordContext(moved), envelope)).toThrow(
        expect.objectContaining({ code: 'wrong-key' }),
      );
    }
  });

  it('rejects an envelope of another kind, version or a truncated one', () => {
    const key = randomBytes(32);
    const envelope = encryptEnvelope(key, EnvelopeKind.keyUnderKey, 'ctx', randomBytes(32));
    expect(() => decryptEnvelope(key, EnvelopeKind.recordBody, 'ctx', envelope)).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
    const otherVersion = envelope.slice();
    otherVersion[0] = 0x02;
    expect(() => decryptEnvelope(key, EnvelopeKind.keyUnderKey, 'ctx', otherVersion)).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    );
    expect(() => decryptEnvelope(key, EnvelopeKind.keyUnderKey, 'ctx', envelope.subarray(0, 70))).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
  });

  it('rejects every single-bit flip anywhere in the envelope', () => {
    const key = randomBytes(32);
    const envelope = encryptEnvelope(key, EnvelopeKind.recordBody, 'ctx', utf8('PHQ-9 item 9: 2'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: envelope.length * 8 - 1 }), (bit) => {
        expect(() => decryptEnvelope(key, EnvelopeKind.recordBody, 'ctx', flipBit(envelope, bit))).toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('primitives agree with node:crypto', () => {
  it('HKDF-SHA256 matches', () => {
    const ikm = randomBytes(32);
    const salt = randomBytes(16);
    expect(hkdfSha256(ikm, salt, 'tacit/1/kek', 32)).toEqual(
      new Uint8Array(hkdfSync('sha256', ikm, salt, utf8('tacit/1/kek'), 32)),
    );
  });

  it('Ed25519 signatures match (deterministic, RFC 8032)', () => {
    const seed = randomBytes(32);
    const pkcs8 = concatBytes(Uint8Array.from(Buffer.from('302e020100300506032b657004220420', 'hex')), seed);
    const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
    const message = randomBytes(100);
    expect(sign(seed, message)).toEqual(new Uint8Array(nodeSign(null, message, privateKey)));
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    expect(signingPublicKey(seed)).toEqual(new Uint8Array(spki.subarray(12)));
  });
});
