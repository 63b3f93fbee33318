import { describe, expect, it } from 'vitest';
import { signStripe } from '../../worker/webhook-signatures.js';
import { countRows, snapshotCounts } from './support/database.js';
import {
  nowSeconds,
  paymentIntentSucceeded,
  refundCreated,
  STRIPE_SECRET,
  serverCall,
  standardDelivery,
  stripeDelivery,
} from './support/integrations.js';
import { addMember, setUpOrganization } from './support/scenario.js';

const STRIPE = '/api/hooks/payments/stripe';
const STANDARD = '/api/hooks/payments/standard';

async function payments(center: Awaited<ReturnType<typeof setUpOrganization>>) {
  const finance = await addMember(center, ['finance']);
  return async () => (await finance.browser.get('/api/payments')).body.payments;
}

describe('Stripe payment callbacks', () => {
  it('records a payment with its service, counselor and appointment from a validly signed event', async () => {
    const center = await setUpOrganization();
    const list = await payments(center);
    const counselorId = crypto.randomUUID();
    const event = paymentIntentSucceeded({
      intent: 'pi_3Nabc',
      amount: 45000,
      metadata: { service_id: 'couples-80', counselor_id: counselorId, appointment_id: 'appt-77' },
    });
    const res = await serverCall('POST', STRIPE, stripeDelivery(event));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, duplicate: false, outcome: 'recorded' });
    expect(await list()).toEqual([
      expect.objectContaining({
        provider: 'stripe',
        providerRef: 'pi_3Nabc',
        amount: 45000,
        currency: 'cny',
        status: 'paid',
        serviceId: 'couples-80',
        counselorId,
        appointmentId: 'appt-77',
      }),
    ]);
  });

  it('changes nothing when the same event is replayed, even with a fresh signature', async () => {
    await setUpOrganization();
    const event = paymentIntentSucceeded();
    expect((await serverCall('POST', STRIPE, stripeDelivery(event))).body.duplicate).toBe(false);
    const before = await snapshotCounts();
    const replay = await serverCall('POST', STRIPE, stripeDelivery(event));
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ received: true, duplicate: true, outcome: 'recorded' });
    expect(await snapshotCounts()).toEqual(before);
    expect(await countRows('payments')).toBe(1);
  });

  it('refuses a wrong, tampered, expired or missing signature with 401 and records nothing', async () => {
    await setUpOrganization();
    const event = paymentIntentSucceeded();
    const before = await snapshotCounts();
    const wrongSecret = stripeDelivery(event, { secret: 'whsec_someone_else' });
    const tampered = { ...stripeDelivery(event), body: JSON.stringify({ ...event, id: 'evt_other' }) };
    const expired = stripeDelivery(event, { timestamp: nowSeconds() - 301 });
    const future = stripeDelivery(event, { timestamp: nowSeconds() + 301 });
    for (const delivery of [wrongSecret, tampered, expired, future]) {
      const res = await serverCall('POST', STRIPE, delivery);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('bad_webhook_signature');
    }
    expect((await serverCall('POST', STRIPE, { body: JSON.stringify(event) })).status).toBe(401);
    const garbled = { body: JSON.stringify(event), headers: { 'Stripe-Signature': 't=abc,v1=xyz' } };
    expect((await serverCall('POST', STRIPE, garbled)).status).toBe(401);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('accepts a signature just inside the tolerance window', async () => {
    await setUpOrganization();
    const res = await serverCall(
      'POST',
      STRIPE,
      stripeDelivery(paymentIntentSucceeded(), { timestamp: nowSeconds() - 290 }),
    );
    expect(res.status).toBe(200);
  });

  it('refunds partly then fully, once per refund id, never beyond the amount paid', async () => {
    const center = await setUpOrganization();
    const list = await payments(center);
    await serverCall(
      'POST',
      STRIPE,
      stripeDelivery(paymentIntentSucceeded({ intent: 'pi_r', amount: 10000 })),
    );
    const partial = refundCreated('pi_r', 4000, 're_1');
    expect((await serverCall('POST', STRIPE, stripeDelivery(partial))).body.outcome).toBe('refunded');
    expect((await list())[0]).toMatchObject({ refundedAmount: 4000, status: 'partially_refunded' });

    // The same refund announced again under another event id is still one refund.
    const again = { ...refundCreated('pi_r', 4000, 're_1') };
    expect((await serverCall('POST', STRIPE, stripeDelivery(again))).body.outcome).toBe('already_recorded');
    const tooMuch = await serverCall('POST', STRIPE, stripeDelivery(refundCreated('pi_r', 7000)));
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('refund_exceeds_payment');
    expect((await serverCall('POST', STRIPE, stripeDelivery(refundCreated('pi_r', 6000)))).status).toBe(200);
    expect((await list())[0]).toMatchObject({ refundedAmount: 10000, status: 'refunded' });
  });

  it('asks the provider to retry a refund of a payment it has not heard of (404), and ignores other event types', async () => {
    await setUpOrganization();
    const before = await countRows('payment_events');
    expect((await serverCall('POST', STRIPE, stripeDelivery(refundCreated('pi_unknown', 100)))).status).toBe(
      404,
    );
    expect(await countRows('payment_events')).toBe(before);
    const other = {
      id: 'evt_c1',
      type: 'customer.created',
      created: nowSeconds(),
      data: { object: { id: 'cus_1' } },
    };
    const ignored = await serverCall('POST', STRIPE, stripeDelivery(other));
    expect(ignored.body).toEqual({ received: true, duplicate: false, outcome: 'ignored' });
  });

  it('refuses a signed body that is not a Stripe event with 400', async () => {
    await setUpOrganization();
    const before = await snapshotCounts();
    const notJson = {
      body: 'not json',
      headers: { 'Stripe-Signature': signStripe(STRIPE_SECRET, nowSeconds(), 'not json') },
    };
    const malformed = await serverCall('POST', STRIPE, notJson);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const wrongShape = stripeDelivery({ hello: 'world' });
    const res = await serverCall('POST', STRIPE, wrongShape);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('is off (404) when the deployment has no Stripe secret', async () => {
    await setUpOrganization();
    const res = await serverCall('POST', STRIPE, {
      ...stripeDelivery(paymentIntentSucceeded()),
      bindings: { STRIPE_WEBHOOK_SECRET: '' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('webhook_not_configured');
  });
});

describe('Standard Webhooks payment callbacks', () => {
  const paid = (id: string) => ({
    id,
    type: 'payment.succeeded',
    data: { paymentId: 'till-0042', amount: 30000, currency: 'CNY', serviceId: 'individual-50' },
  });

  it('records a validly signed payment once and a refund of it', async () => {
    const center = await setUpOrganization();
    const list = await payments(center);
    const first = await serverCall('POST', STANDARD, standardDelivery(paid('evt_s1')));
    expect(first.body).toEqual({ received: true, duplicate: false, outcome: 'recorded' });
    const replay = await serverCall('POST', STANDARD, standardDelivery(paid('evt_s1')));
    expect(replay.body.duplicate).toBe(true);
    const refund = {
      id: 'evt_s2',
      type: 'payment.refunded',
      data: { paymentId: 'till-0042', refundId: 'rf-1', amount: 30000 },
    };
    expect((await serverCall('POST', STANDARD, standardDelivery(refund))).body.outcome).toBe('refunded');
    expect(await list()).toEqual([
      expect.objectContaining({
        provider: 'standard',
        amount: 30000,
        currency: 'cny',
        refundedAmount: 30000,
        status: 'refunded',
      }),
    ]);
  });

  it('refuses an invalid, expired or incomplete signature with 401', async () => {
    await setUpOrganization();
    const before = await snapshotCounts();
    const wrong = standardDelivery(paid('evt_x'), { secret: 'whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY' });
    const expired = standardDelivery(paid('evt_x'), { timestamp: nowSeconds() - 600 });
    const { 'webhook-id': _, ...noId } = standardDelivery(paid('evt_x')).headers;
    const swappedId = standardDelivery(paid('evt_x'));
    swappedId.headers['webhook-id'] = 'evt_y';
    for (const delivery of [
      wrong,
      expired,
      { body: JSON.stringify(paid('evt_x')), headers: noId },
      swappedId,
    ]) {
      expect((await serverCall('POST', STANDARD, delivery)).status).toBe(401);
    }
    expect(await snapshotCounts()).toEqual(before);
  });
});
