import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../crypto/canonical-json.js';
import { generateKeyPair, type HpkeSealed } from '../../crypto/hpke.js';
import {
  inboxInfo,
  intakeInfo,
  openBookingRequest,
  openInboxSubmission,
  openSubmission,
  sealBookingRequest,
  sealInboxSubmission,
} from '../../crypto/sealed.js';

const ORG = '2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e70';
const OTHER_ORG = '7b9d1f3a-5c7e-4b2d-9f4a-6c8e0a2b4d61';
const REQUEST = 'e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9';
const OTHER_REQUEST = 'f0e1d2c3-b4a5-4967-8877-695a4b3c2d1e';
const CASE = '4a6c8e0f-2b4d-4f6a-8c1e-3a5c7e9b1d2f';
const OTHER_CASE = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const SUBMISSION = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function bookingRequest(): JsonValue {
  return {
    name: '王小明',
    contact: { phone: '+86 138 0000 0000', email: 'xm.wang@example.cn' },
    preferredTimes: ['周二下午', 'Thursday 10:00'],
    note: '第一次来访，希望找女性咨询师。"引号" \\ 和换行\n也要保留。',
    firstVisit: true,
    age: 27,
  };
}

function consentForm(): JsonValue {
  return { form: 'consent@3', signedName: '李华', agreed: true, scores: [0, 1, 2, 3.5], extra: null };
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  const at = Math.floor(bit / 8) % out.length;
  out[at] = (out[at] as number) ^ (1 << (bit % 8));
  return out;
}

describe('sealed submissions (PROTOCOL §7)', () => {
  describe('booking requests to the intake group key', () => {
    it('opens with the intake group secret key and gives back the same value', () => {
      const intake = generateKeyPair();
      const value = bookingRequest();

      const sealed = sealBookingRequest(intake.publicKey, ORG, REQUEST, value);
      const opened = openBookingRequest(intake.secretKey, ORG, REQUEST, sealed);

      expect(opened).toEqual(value);
    });

    it('binds the org and the request id', () => {
      expect(intakeInfo(ORG, REQUEST)).toBe(`tacit/1/intake|org=${ORG}|request=${REQUEST}`);
    });

    it.each([
      ['another request id', ORG, OTHER_REQUEST],
      ['another org', OTHER_ORG, REQUEST],
    ])('refuses to open under %s', (_, org, request) => {
      const intake = generateKeyPair();
      const sealed = sealBookingRequest(intake.publicKey, ORG, REQUEST, bookingRequest());

      expect(() => openBookingRequest(intake.secretKey, org, request, sealed)).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });

    it('refuses the wrong secret key', () => {
      const intake = generateKeyPair();
      const sealed = sealBookingRequest(intake.publicKey, ORG, REQUEST, bookingRequest());

      expect(() => openBookingRequest(generateKeyPair().secretKey, ORG, REQUEST, sealed)).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });

    it('seals the same request differently each time (fresh ephemeral key)', () => {
      const intake = generateKeyPair();

      const first = sealBookingRequest(intake.publicKey, ORG, REQUEST, bookingRequest());
      const second = sealBookingRequest(intake.publicKey, ORG, REQUEST, bookingRequest());

      expect(first.enc).not.toEqual(second.enc);
      expect(first.ct).not.toEqual(second.ct);
    });
  });

  describe('portal submissions to the case inbox key', () => {
    it('opens with the inbox secret key and gives back the same value', () => {
      const inbox = generateKeyPair();
      const value = consentForm();

      const sealed = sealInboxSubmission(inbox.publicKey, CASE, SUBMISSION, value);
      const opened = openInboxSubmission(inbox.secretKey, CASE, SUBMISSION, sealed);

      expect(opened).toEqual(value);
    });

    it('binds the case and the submission id', () => {
      expect(inboxInfo(CASE, SUBMISSION)).toBe(`tacit/1/inbox|case=${CASE}|submission=${SUBMISSION}`);
    });

    it('refuses to open under another case', () => {
      const inbox = generateKeyPair();
      const sealed = sealInboxSubmission(inbox.publicKey, CASE, SUBMISSION, consentForm());

      expect(() => openInboxSubmission(inbox.secretKey, OTHER_CASE, SUBMISSION, sealed)).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });

    it('refuses a booking request replayed as an inbox submission', () => {
      const key = generateKeyPair();
      const sealed = sealBookingRequest(key.publicKey, ORG, REQUEST, bookingRequest());

      expect(() => openInboxSubmission(key.secretKey, CASE, REQUEST, sealed)).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });

    it('refuses the wrong secret key', () => {
      const inbox = generateKeyPair();
      const sealed = sealInboxSubmission(inbox.publicKey, CASE, SUBMISSION, consentForm());

      expect(() => openInboxSubmission(generateKeyPair().secretKey, CASE, SUBMISSION, sealed)).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });
  });

  it('carries the canonical JSON of the value: NFC text and sorted keys arrive as canonical', () => {
    const inbox = generateKeyPair();
    const info = inboxInfo(CASE, SUBMISSION);

    const sealed = sealInboxSubmission(inbox.publicKey, CASE, SUBMISSION, { b: 'cafe\u0301', a: -0 });
    const opened = openSubmission(inbox.secretKey, info, sealed);

    expect(JSON.stringify(opened)).toBe('{"a":0,"b":"caf\u00e9"}');
  });

  describe('tampering', () => {
    const inbox = generateKeyPair();
    const sealed = sealInboxSubmission(inbox.publicKey, CASE, SUBMISSION, consentForm());

    it('detects any single flipped bit of enc', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: sealed.enc.length * 8 - 1 }), (bit) => {
          const altered: HpkeSealed = { enc: flipBit(sealed.enc, bit), ct: sealed.ct };

          // A flipped enc is either a different public key (the open fails) or a small-order
          // point (refused before the key schedule).
          expect(() => openInboxSubmission(inbox.secretKey, CASE, SUBMISSION, altered)).toThrow(
            expect.objectContaining({ code: expect.stringMatching(/^(tampered|malformed)$/) }),
          );
        }),
        { numRuns: 256 },
      );
    });

    it('detects any single flipped bit of ct', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: sealed.ct.length * 8 - 1 }), (bit) => {
          const altered: HpkeSealed = { enc: sealed.enc, ct: flipBit(sealed.ct, bit) };

          expect(() => openInboxSubmission(inbox.secretKey, CASE, SUBMISSION, altered)).toThrow(
            expect.objectContaining({ code: 'tampered' }),
          );
        }),
        { numRuns: 300 },
      );
    });

    it('refuses a truncated ct', () => {
      const altered: HpkeSealed = { enc: sealed.enc, ct: sealed.ct.subarray(0, -1) };

      expect(() => openInboxSubmission(inbox.secretKey, CASE, SUBMISSION, altered)).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });
  });
});
