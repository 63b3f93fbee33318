import { describe, expect, it } from 'vitest';
import {
  newWebhookSecret,
  signStandardWebhook,
  signStripe,
  verifyStandardWebhook,
  verifyStripe,
} from '../../../worker/webhook-signatures.js';

// The reference vector published with the Standard Webhooks specification.
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const AT_SPEC_TIME = SPEC.timestamp * 1000;
const headers = (signature: string, id = SPEC.id, timestamp = String(SPEC.timestamp)) => ({
  id,
  timestamp,
  signature,
});

describe('Standard Webhooks signatures', () => {
  it('reproduces the specification’s reference signature', () => {
    expect(signStandardWebhook(SPEC.secret, SPEC.id, SPEC.timestamp, SPEC.body)).toBe(SPEC.signature);
  });

  it('accepts the reference signature, also among several, within the tolerance window', () => {
    expect(verifyStandardWebhook(SPEC.secret, headers(SPEC.signature), SPEC.body, AT_SPEC_TIME).ok).toBe(
      true,
    );
    const several = `v1,bm90IGl0 ${SPEC.signature}`;
    expect(verifyStandardWebhook(SPEC.secret, headers(several), SPEC.body, AT_SPEC_TIME + 299_000).ok).toBe(
      true,
    );
  });

  it('refuses a changed body, id or secret as a mismatch', () => {
    expect(
      verifyStandardWebhook(SPEC.secret, headers(SPEC.signature), '{"test": 2432232315}', AT_SPEC_TIME),
    ).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(
      verifyStandardWebhook(SPEC.secret, headers(SPEC.signature, 'msg_other'), SPEC.body, AT_SPEC_TIME).ok,
    ).toBe(false);
    expect(
      verifyStandardWebhook(newWebhookSecret(), headers(SPEC.signature), SPEC.body, AT_SPEC_TIME).ok,
    ).toBe(false);
    expect(
      verifyStandardWebhook(
        SPEC.secret,
        headers('v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='),
        SPEC.body,
        AT_SPEC_TIME,
      ).ok,
    ).toBe(false);
  });

  it('refuses a timestamp outside five minutes either way, and missing or malformed headers', () => {
    const late = verifyStandardWebhook(
      SPEC.secret,
      headers(SPEC.signature),
      SPEC.body,
      AT_SPEC_TIME + 301_000,
    );
    expect(late).toEqual({ ok: false, reason: 'expired' });
    const early = verifyStandardWebhook(
      SPEC.secret,
      headers(SPEC.signature),
      SPEC.body,
      AT_SPEC_TIME - 301_000,
    );
    expect(early).toEqual({ ok: false, reason: 'expired' });
    expect(
      verifyStandardWebhook(
        SPEC.secret,
        { id: SPEC.id, timestamp: undefined, signature: SPEC.signature },
        SPEC.body,
      ).ok,
    ).toBe(false);
    expect(
      verifyStandardWebhook(SPEC.secret, headers(SPEC.signature, SPEC.id, '16e8'), SPEC.body, AT_SPEC_TIME),
    ).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('makes whsec_ secrets of 32 random bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});

describe('Stripe signatures', () => {
  const secret = 'whsec_stripe_endpoint_secret';
  const body = '{"id":"evt_1","type":"payment_intent.succeeded"}';
  const now = 1_767_225_600;

  it('signs t.body with the endpoint secret as hex, and verifies it', () => {
    const header = signStripe(secret, now, body);
    expect(header).toMatch(/^t=1767225600,v1=[0-9a-f]{64}$/);
    expect(verifyStripe(secret, header, body, now * 1000)).toEqual({ ok: true, timestamp: now });
  });

  it('accepts any matching v1 among several and ignores other schemes', () => {
    const good = signStripe(secret, now, body).split(',')[1];
    const header = `t=${now},v0=${'0'.repeat(64)},v1=${'a'.repeat(64)},${good}`;
    expect(verifyStripe(secret, header, body, now * 1000).ok).toBe(true);
  });

  it('refuses a tampered body, another secret, an old timestamp and a header without v1', () => {
    const header = signStripe(secret, now, body);
    expect(verifyStripe(secret, header, `${body} `, now * 1000)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyStripe('whsec_other', header, body, now * 1000).ok).toBe(false);
    expect(verifyStripe(secret, header, body, (now + 301) * 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyStripe(secret, `t=${now}`, body, now * 1000)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyStripe(secret, undefined, body, now * 1000)).toEqual({ ok: false, reason: 'missing' });
  });
});
