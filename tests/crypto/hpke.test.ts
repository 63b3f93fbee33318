import { describe, expect, it } from 'vitest';
import { fromHex, randomBytes, toHex } from '../../crypto/bytes.js';
import { isCryptoError } from '../../crypto/errors.js';
import {
  deriveKeyPair,
  generateKeyPair,
  openBase,
  sealBase,
  setupBaseRecipient,
  setupBaseSender,
} from '../../crypto/hpke.js';
import rfc from './fixtures/rfc9180-base-x25519-sha256-chacha20poly1305.json' with { type: 'json' };

describe('HPKE (RFC 9180 A.2.1, base mode, X25519/HKDF-SHA256/ChaCha20Poly1305)', () => {
  it('derives the RFC key pairs from their seeds', () => {
    expect(toHex(deriveKeyPair(fromHex(rfc.ikmE)).secretKey)).toBe(rfc.skEm);
    expect(toHex(deriveKeyPair(fromHex(rfc.ikmE)).publicKey)).toBe(rfc.pkEm);
    expect(toHex(deriveKeyPair(fromHex(rfc.ikmR)).secretKey)).toBe(rfc.skRm);
    expect(toHex(deriveKeyPair(fromHex(rfc.ikmR)).publicKey)).toBe(rfc.pkRm);
  });

  it('derives the A.1.1 key pairs too (same KEM)', () => {
    const a11 = rfc.extra_a11_aes128gcm_setup;
    expect(toHex(deriveKeyPair(fromHex(a11.ikmE)).secretKey)).toBe(a11.skEm);
    expect(toHex(deriveKeyPair(fromHex(a11.ikmR)).publicKey)).toBe(a11.pkRm);
  });

  it('seals every RFC encryption in sequence and exports the RFC values', () => {
    const { enc, context } = setupBaseSender(fromHex(rfc.pkRm), fromHex(rfc.info), fromHex(rfc.ikmE));
    expect(toHex(enc)).toBe(rfc.enc);
    let sequence = 0;
    for (const vector of rfc.encryptions) {
      while (sequence < vector.sequence_number) {
        context.seal(new Uint8Array(), new Uint8Array());
        sequence++;
      }
      expect(toHex(context.seal(fromHex(vector.aad), fromHex(vector.pt)))).toBe(vector.ct);
      sequence++;
    }
    for (const vector of rfc.exports) {
      expect(toHex(context.export(fromHex(vector.exporter_context), vector.L))).toBe(vector.exported_value);
    }
  });

  it('opens every RFC encryption as the recipient', () => {
    const context = setupBaseRecipient(fromHex(rfc.enc), fromHex(rfc.skRm), fromHex(rfc.info));
    let sequence = 0;
    for (const vector of rfc.encryptions) {
      while (sequence < vector.sequence_number) {
        context.seal(new Uint8Array(), new Uint8Array());
        sequence++;
      }
      expect(toHex(context.open(fromHex(vector.aad), fromHex(vector.ct)))).toBe(vector.pt);
      sequence++;
    }
  });

  it('round-trips a single-shot seal with a random ephemeral key', () => {
    const recipient = generateKeyPair();
    const info = randomBytes(20);
    const plaintext = randomBytes(100);
    const { enc, ct } = sealBase(recipient.publicKey, info, new Uint8Array(), plaintext);
    expect(openBase(enc, recipient.secretKey, info, new Uint8Array(), ct)).toEqual(plaintext);
  });

  it('refuses to open under another info string', () => {
    const recipient = generateKeyPair();
    const { enc, ct } = sealBase(recipient.publicKey, fromHex('01'), new Uint8Array(), randomBytes(8));
    expect(() => openBase(enc, recipient.secretKey, fromHex('02'), new Uint8Array(), ct)).toThrow(
      expect.objectContaining({ code: 'tampered' }),
    );
  });

  it('rejects a small-order public key (all-zero shared secret)', () => {
    try {
      sealBase(new Uint8Array(32), new Uint8Array(), new Uint8Array(), new Uint8Array());
      expect.unreachable();
    } catch (error) {
      expect(isCryptoError(error, 'malformed')).toBe(true);
    }
  });
});
