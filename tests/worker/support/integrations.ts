import { env } from 'cloudflare:workers';
import type { ApiScope } from '../../../core/api/api-keys.js';
import { fromBase64Url, toBase64Url } from '../../../crypto/bytes.js';
import { sealBookingRequest } from '../../../crypto/sealed.js';
import { signStandardWebhook, signStripe } from '../../../worker/webhook-signatures.js';
import { groupRequest } from './case-files.js';
import { type ApiResponse, ORIGIN } from './client.js';
import { addMember, type Organization, setUpOrganization } from './scenario.js';
import { fetchWorker } from './worker-fetch.js';

/** The outside world of issue 10: integrations with API keys, payment providers, webhook receivers. */

export const STRIPE_SECRET = env.STRIPE_WEBHOOK_SECRET as string;
export const STANDARD_SECRET = env.PAYMENT_WEBHOOK_SECRET as string;

export async function createApiKey(center: Organization, scopes: ApiScope[], expiresAt = 0) {
  const res = await center.adminBrowser.post('/api/api-keys', {
    name: `key for ${scopes.join(',')}`,
    scopes,
    expiresAt,
  });
  if (res.status !== 201) throw new Error(`key creation failed: ${JSON.stringify(res.body)}`);
  return { id: res.body.key.id as string, secret: res.body.secret as string };
}

/** A server calling Tacit: no cookie, no CSRF header; `bindings` override the Worker's vars. */
export async function serverCall(
  method: 'GET' | 'POST',
  path: string,
  options: {
    key?: string;
    body?: string;
    json?: unknown;
    headers?: Record<string, string>;
    bindings?: Record<string, string>;
  } = {},
): Promise<ApiResponse> {
  const headers = new Headers(options.headers);
  if (options.key) headers.set('Authorization', `Bearer ${options.key}`);
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
  if (body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const request = new Request(`${ORIGIN}${path}`, { method, headers, ...(body !== undefined && { body }) });
  const response = await fetchWorker(request, options.bindings);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function stripeDelivery(event: unknown, options: { secret?: string; timestamp?: number } = {}) {
  const body = JSON.stringify(event);
  const signature = signStripe(options.secret ?? STRIPE_SECRET, options.timestamp ?? nowSeconds(), body);
  return { body, headers: { 'Stripe-Signature': signature } };
}

export function standardDelivery(
  event: { id: string },
  options: { secret?: string; timestamp?: number } = {},
) {
  const body = JSON.stringify(event);
  const timestamp = options.timestamp ?? nowSeconds();
  return {
    body,
    headers: {
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signStandardWebhook(options.secret ?? STANDARD_SECRET, event.id, timestamp, body),
    },
  };
}

export function paymentIntentSucceeded(
  overrides: { eventId?: string; intent?: string; amount?: number; metadata?: Record<string, string> } = {},
) {
  return {
    id: overrides.eventId ?? `evt_${crypto.randomUUID().replaceAll('-', '')}`,
    object: 'event',
    type: 'payment_intent.succeeded',
    created: nowSeconds(),
    data: {
      object: {
        id: overrides.intent ?? `pi_${crypto.randomUUID().replaceAll('-', '')}`,
        object: 'payment_intent',
        amount: overrides.amount ?? 60000,
        amount_received: overrides.amount ?? 60000,
        currency: 'cny',
        created: nowSeconds(),
        metadata: overrides.metadata ?? { service_id: 'individual-50', appointment_id: 'appt-1' },
      },
    },
  };
}

export function refundCreated(
  intent: string,
  amount: number,
  refundId = `re_${crypto.randomUUID().replaceAll('-', '')}`,
) {
  return {
    id: `evt_${crypto.randomUUID().replaceAll('-', '')}`,
    object: 'event',
    type: 'refund.created',
    created: nowSeconds(),
    data: {
      object: {
        id: refundId,
        object: 'refund',
        amount,
        payment_intent: intent,
        status: 'succeeded',
        created: nowSeconds(),
      },
    },
  };
}

/** The front-desk group, made by the admin: website visitors seal their requests to its key. */
export async function openBooking(center: Organization, members: Parameters<typeof groupRequest>[2]) {
  const { secretKey, ...group } = groupRequest(center.org.id, center.admin, members);
  const made = await center.adminBrowser.post('/api/groups', group);
  if (made.status !== 201) throw new Error(`group failed: ${JSON.stringify(made.body)}`);
  return { groupId: group.id, publicKey: group.x25519Pk, secretKey };
}

/** What a visitor writes in the booking widget. */
export const BOOKING_CONTENT = { name: '李华', contact: '13800000000', concern: '最近睡不好，想找人聊聊' };

/** A center with a front desk member in the front-desk group, open for booking requests. */
export async function bookingCenter() {
  const center = await setUpOrganization();
  const desk = await addMember(center, ['frontdesk']);
  const group = await openBooking(center, [desk.account]);
  return { center, desk, group };
}

/** A visitor's browser sealing its request (PROTOCOL §7), as the widget does. */
export function sealedSubmission(
  orgId: string,
  group: { groupId: string; publicKey: string },
  content: { name: string; contact: string; concern: string },
  extra: Record<string, unknown> = {},
) {
  const id = crypto.randomUUID();
  const sealed = sealBookingRequest(fromBase64Url(group.publicKey), orgId, id, content);
  return {
    id,
    groupId: group.groupId,
    groupEpoch: 0,
    sealed: { enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct) },
    serviceId: null,
    slotStart: null,
    channel: 'website',
    utm: { source: 'newsletter', medium: 'email' },
    ...extra,
  };
}

/** A service the center offers, as an admin sets it up in the schedule. */
export async function offerService(center: Organization, name = 'Individual 50 min', durationMinutes = 50) {
  const res = await center.adminBrowser.post('/api/schedule/services', {
    name,
    serviceType: 'individual',
    durationMinutes,
    feeCents: 60000,
  });
  if (res.status !== 201) throw new Error(`service failed: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
