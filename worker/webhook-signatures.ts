import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { constantTimeEqual, fromHex, randomBytes, toHex, utf8 } from '../crypto/bytes.js';

/**
 * The two webhook signature schemes Tacit speaks, both HMAC-SHA256 over a timestamp and the raw
 * body, refused outside a tolerance window so a captured request cannot be replayed later:
 *  - Standard Webhooks (standardwebhooks.com): headers webhook-id, webhook-timestamp (Unix s),
 *    webhook-signature = space-separated `v1,<base64 HMAC(key, id.timestamp.body)>`, where the
 *    key is the base64 after `whsec_`. Outbound deliveries and the generic payment callback.
 *  - Stripe: header Stripe-Signature = `t=<Unix s>,v1=<hex HMAC(secret, t.body)>[,v1=…]`, the
 *    key being the endpoint secret string itself.
 */

export const SIGNATURE_TOLERANCE_S = 300;
const SECRET_PREFIX = 'whsec_';

export type SignatureFailure = 'missing' | 'malformed' | 'expired' | 'mismatch';
export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: SignatureFailure };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${toBase64(randomBytes(32))}`;
}

function standardKey(secret: string): Uint8Array {
  const key = secret.startsWith(SECRET_PREFIX) ? fromBase64(secret.slice(SECRET_PREFIX.length)) : undefined;
  if (!key || key.length < 16)
    throw new Error('a Standard Webhooks secret is whsec_ and base64 of 16 to 64 bytes');
  return key;
}

function withinTolerance(timestamp: number, nowMs: number): boolean {
  return Math.abs(nowMs / 1000 - timestamp) <= SIGNATURE_TOLERANCE_S;
}

function parseTimestamp(text: string | undefined): number | undefined {
  return text && /^\d{1,12}$/.test(text) ? Number(text) : undefined;
}

export function signStandardWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = hmac(sha256, standardKey(secret), utf8(`${id}.${timestamp}.${body}`));
  return `v1,${toBase64(mac)}`;
}

export interface StandardWebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export function verifyStandardWebhook(
  secret: string,
  headers: StandardWebhookHeaders,
  body: string,
  nowMs = Date.now(),
): SignatureCheck {
  const { id, signature } = headers;
  if (!id || !headers.timestamp || !signature) return { ok: false, reason: 'missing' };
  const timestamp = parseTimestamp(headers.timestamp);
  if (timestamp === undefined || id.length > 255) return { ok: false, reason: 'malformed' };
  if (!withinTolerance(timestamp, nowMs)) return { ok: false, reason: 'expired' };
  const expected = hmac(sha256, standardKey(secret), utf8(`${id}.${timestamp}.${body}`));
  const matches = signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    const presented = version === 'v1' && value ? fromBase64(value) : undefined;
    return presented !== undefined && constantTimeEqual(presented, expected);
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}

export function signStripe(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${toHex(hmac(sha256, utf8(secret), utf8(`${timestamp}.${body}`)))}`;
}

export function verifyStripe(
  secret: string,
  header: string | undefined,
  body: string,
  nowMs = Date.now(),
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const pairs = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestamp = parseTimestamp(pairs.find(([name]) => name === 't')?.[1]);
  const signatures = pairs.filter(([name, value]) => name === 'v1' && value && /^[0-9a-f]{64}$/.test(value));
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'malformed' };
  if (!withinTolerance(timestamp, nowMs)) return { ok: false, reason: 'expired' };
  const expected = hmac(sha256, utf8(secret), utf8(`${timestamp}.${body}`));
  const matches = signatures.some(([, value]) => constantTimeEqual(fromHex(value as string), expected));
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
