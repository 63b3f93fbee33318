import { index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import type { ApiScope } from '../../core/api/api-keys.js';
import { BOOKING_STATUSES } from '../../core/api/bookings.js';
import { PAYMENT_STATUSES } from '../../core/api/payments.js';
import { DELIVERY_STATUSES, type WebhookEventType } from '../../core/api/webhooks.js';
import { groups, users } from './schema.js';

/** Mirrors migrations/0007_integrations.sql; the SQL is the source of truth. */

export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull().unique(),
  scopes: text('scopes', { mode: 'json' }).$type<ApiScope[]>().notNull(),
  expiresAt: integer('expires_at').notNull().default(0),
  revokedAt: integer('revoked_at'),
  lastUsedAt: integer('last_used_at'),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
});
export type ApiKeyRow = typeof apiKeys.$inferSelect;

export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

export const bookingRequests = sqliteTable(
  'booking_requests',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    groupEpoch: integer('group_epoch').notNull(),
    enc: text('enc').notNull(),
    ct: text('ct').notNull(),
    serviceId: text('service_id'),
    slotStart: integer('slot_start'),
    channel: text('channel').notNull(),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    status: text('status', { enum: BOOKING_STATUSES }).notNull().default('new'),
    workflowInstanceId: text('workflow_instance_id'),
    viaApiKeyId: text('via_api_key_id').references(() => apiKeys.id),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('booking_requests_by_status').on(table.status, table.createdAt)],
);
export type BookingRequestRow = typeof bookingRequests.$inferSelect;

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    serviceId: text('service_id'),
    counselorId: text('counselor_id'),
    appointmentId: text('appointment_id'),
    paidAt: integer('paid_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [unique().on(table.provider, table.providerRef), index('payments_by_paid_at').on(table.paidAt)],
);
export type PaymentRow = typeof payments.$inferSelect;

export const paymentRefunds = sqliteTable(
  'payment_refunds',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    providerRef: text('provider_ref').notNull(),
    amount: integer('amount').notNull(),
    refundedAt: integer('refunded_at').notNull(),
  },
  (table) => [unique().on(table.paymentId, table.providerRef)],
);

export const paymentEvents = sqliteTable(
  'payment_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    outcome: text('outcome').notNull(),
    paymentId: text('payment_id'),
    receivedAt: integer('received_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.eventId] })],
);

export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  eventTypes: text('event_types', { mode: 'json' }).$type<WebhookEventType[]>().notNull(),
  secret: text('secret').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
});
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    eventType: text('event_type').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('webhook_deliveries_due').on(table.status, table.nextAttemptAt),
    index('webhook_deliveries_by_endpoint').on(table.endpointId, table.createdAt),
  ],
);
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    attemptedAt: integer('attempted_at').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (table) => [index('webhook_attempts_by_delivery').on(table.deliveryId, table.attemptedAt)],
);
