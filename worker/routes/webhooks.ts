import { and, desc, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  createWebhookEndpointSchema,
  updateWebhookEndpointSchema,
  type WebhookEndpointView,
  webhookDeliveryParamSchema,
  webhookEndpointIdParamSchema,
} from '../../core/api/webhooks.js';
import { afterResponse } from '../after-response.js';
import { commitAudited } from '../audit.js';
import type { Db } from '../db/client.js';
import {
  type WebhookEndpointRow,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from '../db/integrations-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';
import { newWebhookSecret } from '../webhook-signatures.js';
import { deliverDueWebhooks } from '../webhooks/outbound.js';

/** Admins subscribe endpoints to event types, read the delivery log and redeliver by hand. */
export const webhookRoutes = new Hono<AppEnv>();

webhookRoutes.use('*', requireRoles('admin'));

const DELIVERIES_SHOWN = 50;

const toEndpointView = (row: WebhookEndpointRow): WebhookEndpointView => ({
  id: row.id,
  url: row.url,
  description: row.description,
  eventTypes: row.eventTypes,
  enabled: row.enabled,
  createdAt: row.createdAt,
});

const endpointQuery = (db: Db, id: string) =>
  db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);

function judgeEndpoint(rows: readonly WebhookEndpointRow[]): WebhookEndpointRow {
  const [row] = rows;
  if (!row) throw new ApiError(404, 'not_found', 'no such webhook endpoint');
  return row;
}

async function requireEndpoint(db: Db, id: string): Promise<WebhookEndpointRow> {
  return judgeEndpoint(await endpointQuery(db, id));
}

webhookRoutes.get('/', async (c) => {
  const rows = await c.var.db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt));
  return c.json({ endpoints: rows.map(toEndpointView) });
});

webhookRoutes.post('/', jsonBody(createWebhookEndpointSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  const row: WebhookEndpointRow = {
    id: crypto.randomUUID(),
    url: body.url,
    description: body.description,
    eventTypes: body.eventTypes,
    secret: newWebhookSecret(),
    enabled: true,
    createdBy: session.user.id,
    createdAt: Date.now(),
  };
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'webhook.endpoint_created',
      subject: row.id,
      details: { url: row.url, eventTypes: row.eventTypes },
    },
    () => [db.insert(webhookEndpoints).values(row)],
  );
  return c.json({ endpoint: toEndpointView(row), secret: row.secret }, 201);
});

webhookRoutes.patch(
  '/:id',
  pathParams(webhookEndpointIdParamSchema),
  jsonBody(updateWebhookEndpointSchema),
  async (c) => {
    const { db, session } = c.var;
    const row = await requireEndpoint(db, c.req.valid('param').id);
    const body = c.req.valid('json');
    const updated: WebhookEndpointRow = {
      ...row,
      ...(body.enabled !== undefined && { enabled: body.enabled }),
      ...(body.eventTypes !== undefined && { eventTypes: body.eventTypes }),
    };
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'webhook.endpoint_updated',
        subject: row.id,
        details: { enabled: updated.enabled, eventTypes: updated.eventTypes },
      },
      () => [
        db
          .update(webhookEndpoints)
          .set({ enabled: updated.enabled, eventTypes: updated.eventTypes })
          .where(eq(webhookEndpoints.id, row.id)),
      ],
    );
    return c.json(toEndpointView(updated));
  },
);

webhookRoutes.get('/:id/deliveries', pathParams(webhookEndpointIdParamSchema), async (c) => {
  const { db } = c.var;
  const { id } = c.req.valid('param');
  const shown = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(DELIVERIES_SHOWN);
  // The endpoint, its latest deliveries and their attempts in one round trip.
  const [endpointRows, deliveries, attempts] = await db.batch([
    endpointQuery(db, id),
    db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, id))
      .orderBy(desc(webhookDeliveries.createdAt))
      .limit(DELIVERIES_SHOWN),
    db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, shown))
      .orderBy(desc(webhookAttempts.attemptedAt)),
  ]);
  judgeEndpoint(endpointRows);
  return c.json({
    deliveries: deliveries.map((delivery) => ({
      ...delivery,
      log: attempts
        .filter((attempt) => attempt.deliveryId === delivery.id)
        .map(({ attemptedAt, statusCode, error, durationMs }) => ({
          attemptedAt,
          statusCode,
          error,
          durationMs,
        })),
    })),
  });
});

/** A manual redelivery: one more attempt now, whatever the schedule said. */
webhookRoutes.post(
  '/:id/deliveries/:delivery/redeliver',
  pathParams(webhookDeliveryParamSchema),
  async (c) => {
    const { db, session } = c.var;
    const { id, delivery: deliveryId } = c.req.valid('param');
    const [endpointRows, [delivery]] = await db.batch([
      endpointQuery(db, id),
      db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, id)))
        .limit(1),
    ]);
    const endpoint = judgeEndpoint(endpointRows);
    if (!delivery) throw new ApiError(404, 'not_found', 'no such delivery');
    if (delivery.status === 'pending' && delivery.attempts === 0) {
      throw new ApiError(409, 'conflict', 'this delivery has not been attempted yet');
    }
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'webhook.redelivered',
        subject: delivery.id,
        details: { endpoint: endpoint.id },
      },
      () => [
        db
          .update(webhookDeliveries)
          .set({ status: 'pending', nextAttemptAt: Date.now() })
          .where(eq(webhookDeliveries.id, delivery.id)),
      ],
    );
    afterResponse(c.executionCtx, () => deliverDueWebhooks(db));
    return c.json({ id: delivery.id, status: 'pending' as const }, 202);
  },
);
