import { describe, expect, it } from 'vitest';
import {
  type AuditCheckpoint,
  auditGenesisHead,
  nextAuditHead,
  signAuditCheckpoint,
  verifyAuditChain,
  verifyAuditCheckpoint,
} from '../../crypto/audit-log.js';
import { randomBytes, toHex, utf8 } from '../../crypto/bytes.js';
import { canonicalJson } from '../../crypto/canonical-json.js';
import { signingPublicKey } from '../../crypto/ed25519.js';
import { sha256 } from '../../crypto/hash.js';

const ORG = '8c0e2a4b-6d8f-4c0e-a2b4-6d8f0c2e4a6b';
const OTHER_ORG = '9d1f3b5c-7e9a-4d1f-b3c5-7e9a1d3f5b7c';

function auditEvent(n: number, overrides: Record<string, unknown> = {}) {
  return {
    type: ['login', 'key-fetch', 'ciphertext-read', 'grant', 'revoke'][n % 5],
    actor: '1a3c5e7f-9b1d-4a3c-8e7f-9b1d3a5c7e9f',
    subject: `case-${n}`,
    time: 1_767_225_600_000 + n * 60_000,
    ...overrides,
  };
}

function auditEvents(count: number) {
  return Array.from({ length: count }, (_, i) => auditEvent(i + 1));
}

function headsOf(orgId: string, events: readonly unknown[]): Uint8Array[] {
  const heads = [auditGenesisHead(orgId)];
  for (const event of events) heads.push(nextAuditHead(heads.at(-1) as Uint8Array, event));
  return heads;
}

function admin() {
  const seed = randomBytes(32);
  return { seed, publicKey: signingPublicKey(seed) };
}

function checkpoint(
  signer: { seed: Uint8Array; publicKey: Uint8Array },
  n: number,
  head: Uint8Array,
): AuditCheckpoint {
  return { n, head, signature: signAuditCheckpoint(signer.seed, n, head), adminPk: signer.publicKey };
}

describe('audit log (PROTOCOL §8)', () => {
  describe('the chain', () => {
    it('binds genesis to the org: h_0 = SHA-256("tacit/1/audit|" || org id)', () => {
      expect(auditGenesisHead(ORG)).toEqual(sha256(utf8(`tacit/1/audit|${ORG}`)));
      expect(auditGenesisHead(ORG)).not.toEqual(auditGenesisHead(OTHER_ORG));
    });

    it('hashes the previous head with the canonical JSON of the event', () => {
      const previous = auditGenesisHead(ORG);
      const event = auditEvent(1);

      const head = nextAuditHead(previous, event);

      expect(toHex(head)).toBe(toHex(sha256(new Uint8Array([...previous, ...utf8(canonicalJson(event))]))));
    });

    it('does not depend on the key order of an event', () => {
      const previous = auditGenesisHead(ORG);

      expect(nextAuditHead(previous, { a: 1, b: 2 })).toEqual(nextAuditHead(previous, { b: 2, a: 1 }));
    });

    it('replays a chain of events to the same head', () => {
      const events = auditEvents(6);

      const head = verifyAuditChain(ORG, events, []);

      expect(head).toEqual(headsOf(ORG, events).at(-1));
    });

    it('gives another head for the same events under another org', () => {
      const events = auditEvents(3);

      expect(verifyAuditChain(OTHER_ORG, events, [])).not.toEqual(verifyAuditChain(ORG, events, []));
    });

    it('gives the genesis head for no events', () => {
      expect(verifyAuditChain(ORG, [], [])).toEqual(auditGenesisHead(ORG));
    });

    it('refuses a previous head that is not 32 bytes', () => {
      expect(() => nextAuditHead(randomBytes(31), auditEvent(1))).toThrow(
        expect.objectContaining({ code: 'malformed' }),
      );
    });
  });

  describe('checkpoints', () => {
    it('verifies a checkpoint signed by the admin', () => {
      const signer = admin();
      const head = headsOf(ORG, auditEvents(4))[4] as Uint8Array;

      const signature = signAuditCheckpoint(signer.seed, 4, head);

      expect(verifyAuditCheckpoint(signer.publicKey, 4, head, signature)).toBe(true);
    });

    it('does not verify the signature for another n or another head', () => {
      const signer = admin();
      const heads = headsOf(ORG, auditEvents(4));
      const signature = signAuditCheckpoint(signer.seed, 4, heads[4] as Uint8Array);

      expect(verifyAuditCheckpoint(signer.publicKey, 3, heads[4] as Uint8Array, signature)).toBe(false);
      expect(verifyAuditCheckpoint(signer.publicKey, 4, heads[3] as Uint8Array, signature)).toBe(false);
      expect(verifyAuditCheckpoint(admin().publicKey, 4, heads[4] as Uint8Array, signature)).toBe(false);
    });

    it('verifies a chain against signed checkpoints, including one at the last event', () => {
      const signer = admin();
      const events = auditEvents(5);
      const heads = headsOf(ORG, events);

      const head = verifyAuditChain(ORG, events, [
        checkpoint(signer, 2, heads[2] as Uint8Array),
        checkpoint(signer, 5, heads[5] as Uint8Array),
      ]);

      expect(head).toEqual(heads[5]);
    });

    it('accepts events appended after the last checkpoint', () => {
      const signer = admin();
      const events = auditEvents(5);
      const heads = headsOf(ORG, events.slice(0, 3));

      expect(() =>
        verifyAuditChain(ORG, events, [checkpoint(signer, 3, heads[3] as Uint8Array)]),
      ).not.toThrow();
    });

    it('detects an event rewritten before a checkpoint', () => {
      const signer = admin();
      const events = auditEvents(5);
      const signed = checkpoint(signer, 4, headsOf(ORG, events)[4] as Uint8Array);
      const rewritten = events.map((event, i) => (i === 1 ? { ...event, subject: 'case-other' } : event));

      expect(() => verifyAuditChain(ORG, rewritten, [signed])).toThrow(
        expect.objectContaining({ code: 'altered', at: 4 }),
      );
    });

    it('detects an event removed before a checkpoint', () => {
      const signer = admin();
      const events = auditEvents(5);
      const signed = checkpoint(signer, 3, headsOf(ORG, events)[3] as Uint8Array);
      const withoutSecond = events.filter((_, i) => i !== 1);

      expect(() => verifyAuditChain(ORG, withoutSecond, [signed])).toThrow(
        expect.objectContaining({ code: 'altered' }),
      );
    });

    it('detects a checkpoint beyond the events as dropped events', () => {
      const signer = admin();
      const events = auditEvents(5);
      const signed = checkpoint(signer, 5, headsOf(ORG, events)[5] as Uint8Array);

      expect(() => verifyAuditChain(ORG, events.slice(0, 3), [signed])).toThrow(
        expect.objectContaining({ code: 'dropped', at: 5 }),
      );
    });

    it('refuses a checkpoint with a bad signature', () => {
      const signer = admin();
      const events = auditEvents(3);
      const signed = checkpoint(signer, 3, headsOf(ORG, events)[3] as Uint8Array);
      const signature = signed.signature.slice();
      signature[10] = (signature[10] as number) ^ 0x01;

      expect(() => verifyAuditChain(ORG, events, [{ ...signed, signature }])).toThrow(
        expect.objectContaining({ code: 'bad-signature', at: 3 }),
      );
    });

    it('refuses a checkpoint signed by one admin but presented under another admin key', () => {
      const events = auditEvents(3);
      const signed = checkpoint(admin(), 3, headsOf(ORG, events)[3] as Uint8Array);

      expect(() => verifyAuditChain(ORG, events, [{ ...signed, adminPk: admin().publicKey }])).toThrow(
        expect.objectContaining({ code: 'bad-signature' }),
      );
    });

    it('refuses a checkpoint of another org replayed against this one', () => {
      const signer = admin();
      const events = auditEvents(3);
      const signed = checkpoint(signer, 3, headsOf(OTHER_ORG, events)[3] as Uint8Array);

      expect(() => verifyAuditChain(ORG, events, [signed])).toThrow(
        expect.objectContaining({ code: 'altered' }),
      );
    });
  });
});
