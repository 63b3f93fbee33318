import { and, asc, eq, lte } from 'drizzle-orm';
import { WEBHOOK_URL_MESSAGES, webhookUrlProblem } from '../../core/api/webhook-url.js';
import { RETRY_DELAYS_MS, type WebhookData, type WebhookEventType } from '../../core/api/webhooks.js';
import { randomBytes, toHex } from '../../crypto/bytes.js';
import { runAfterResponse } from '../after-response.js';
import type { Db } from '../db/client.js';
import {
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from '../db/integrations-schema.js';
import { signStandardWebhook } from '../webhook-signatures.js';

/**
 * Outbound webhooks: one delivery per subscribed endpoint, attempted at once and then on the
 * Standard Webhooks backoff schedule (RETRY_DELAYS_MS) until a 2xx or the schedule runs out.
 * Payloads are built by the callers from ids and operational fields only.
 */

const ATTEMPT_TIMEOUT_MS = 10_000;
/** A claimed delivery is not picked up by a concurrent run for this long. */
const CLAIM_MS = 60_000;
const DUE_PER_RUN = 25;
const ERROR_MAX_CHARS = 300;

export const newMessageId = () => `msg_${toHex(randomBytes(16))}`;

export const enabledEndpointsQuery = (db: Db) =>
  db.select().from(webhookEndpoints).where(eq(webhookEndpoints.enabled, true));

/**
 * The delivery rows that queue `type` for every enabled endpoint subscribed to it (endpoints as
 * enabledEndpointsQuery read them), as inserts for the caller's write batch.
 */
export function deliveryInserts(
  db: Db,
  endpoints: readonly WebhookEndpointRow[],
  type: WebhookEventType,
  data: WebhookData,
  now = Date.now(),
) {
  return endpoints
    .filter((endpoint) => endpoint.eventTypes.includes(type))
    .map((endpoint) => {
      const row = {
        id: newMessageId(),
        endpointId: endpoint.id,
        eventType: type,
        payload: JSON.stringify({ type, timestamp: new Date(now).toISOString(), data }),
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        lastStatusCode: null,
        createdAt: now,
      };
      return { id: row.id, insert: db.insert(webhookDeliveries).values(row) };
    });
}

/**
 * Queues `type` for every enabled endpoint subscribed to it and returns the message ids; delivery
 * happens on the next run of deliverDueWebhooks (the cron trigger, or at once through
 * emitWebhookEvent in a request). The rules engine's "send a webhook" action calls this.
 */
export async function enqueueWebhookEvent(
  db: Db,
  type: WebhookEventType,
  data: WebhookData,
  now = Date.now(),
): Promise<string[]> {
  const [first, ...rest] = deliveryInserts(db, await enabledEndpointsQuery(db), type, data, now);
  if (!first) return [];
  await db.batch([first.insert, ...rest.map((one) => one.insert)]);
  return [first, ...rest].map((one) => one.id);
}

/** Deliveries queued in a request's own write batch go out after the response (waitUntil). */
export function deliverAfterResponse(
  c: { var: { db: Db }; executionCtx: { waitUntil(promise: Promise<unknown>): void } },
  queued: number,
): void {
  if (queued > 0) runAfterResponse(c, () => deliverDueWebhooks(c.var.db));
}

/** In a request: queue, then deliver after the response is sent (waitUntil). */
export async function emitWebhookEvent(
  c: { var: { db: Db }; executionCtx: { waitUntil(promise: Promise<unknown>): void } },
  type: WebhookEventType,
  data: WebhookData,
): Promise<void> {
  deliverAfterResponse(c, (await enqueueWebhookEvent(c.var.db, type, data)).length);
}

function nextState(delivery: WebhookDeliveryRow, succeeded: boolean, now: number) {
  const attempts = delivery.attempts + 1;
  if (succeeded) return { attempts, status: 'succeeded' as const, nextAttemptAt: null };
  const delay = RETRY_DELAYS_MS[attempts - 1];
  if (delay === undefined) return { attempts, status: 'failed' as const, nextAttemptAt: null };
  return { attempts, status: 'pending' as const, nextAttemptAt: now + delay };
}

async function post(endpoint: WebhookEndpointRow, delivery: WebhookDeliveryRow, now: number) {
  const timestamp = Math.floor(now / 1000);
  // Endpoints saved before the policy, or written around the API, are held to it here too.
  const problem = webhookUrlProblem(endpoint.url);
  if (problem) return { statusCode: null, error: `refused: the URL ${WEBHOOK_URL_MESSAGES[problem]}` };
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Tacit-Webhooks/1',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signStandardWebhook(endpoint.secret, delivery.id, timestamp, delivery.payload),
      },
      body: delivery.payload,
    });
    await response.body?.cancel();
    return { statusCode: response.status, error: null };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : 'request failed';
    return { statusCode: null, error: message.slice(0, ERROR_MAX_CHARS) };
  }
}

/** One attempt, claimed first so two concurrent runs never send the same attempt twice. */
export async function attemptDelivery(
  db: Db,
  delivery: WebhookDeliveryRow,
  endpoint: WebhookEndpointRow,
): Promise<void> {
  const now = Date.now();
  const claimed = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: now + CLAIM_MS })
    .where(
      and(
        eq(webhookDeliveries.id, delivery.id),
        eq(webhookDeliveries.attempts, delivery.attempts),
        eq(webhookDeliveries.status, 'pending'),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  if (claimed.length === 0) return;
  const started = Date.now();
  const result = await post(endpoint, delivery, started);
  const finished = Date.now();
  const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const state = nextState(delivery, succeeded, finished);
  await db.batch([
    db.insert(webhookAttempts).values({
      id: crypto.randomUUID(),
      deliveryId: delivery.id,
      attemptedAt: started,
      statusCode: result.statusCode,
      error: result.error,
      durationMs: finished - started,
    }),
    db
      .update(webhookDeliveries)
      .set({ ...state, lastStatusCode: result.statusCode })
      .where(eq(webhookDeliveries.id, delivery.id)),
  ]);
}

/** Every due delivery to an enabled endpoint; run by the cron trigger and after each emit. */
export async function deliverDueWebhooks(db: Db, now = Date.now()): Promise<number> {
  const due = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhookEndpoints.enabled, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(DUE_PER_RUN);
  for (const { delivery, endpoint } of due) await attemptDelivery(db, delivery, endpoint);
  return due.length;
}
