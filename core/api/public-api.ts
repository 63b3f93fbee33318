import type { ApiScope } from './api-keys.js';
import { appointmentListSchema, calendarQuerySchema } from './appointments.js';
import {
  bookingAcceptedSchema,
  bookingListQuerySchema,
  bookingSubmissionSchema,
  bookingSummaryListSchema,
  widgetConfigSchema,
  widgetServiceListSchema,
  widgetSlotsQuerySchema,
  widgetSlotsSchema,
  widgetSubmissionSchema,
} from './bookings.js';
import {
  genericPaymentEventSchema,
  paymentEventOutcomeSchema,
  paymentIdParamSchema,
  paymentListQuerySchema,
  paymentListSchema,
  paymentResultSchema,
  recordPaymentRequestSchema,
  refundRequestSchema,
  revenueQuerySchema,
  revenueReportSchema,
  stripeEventSchema,
} from './payments.js';
import type { z } from './zod.js';

/**
 * The operations an integration may call, with the very schemas their routes validate with:
 * worker/routes/v1.ts mounts each of them, and the OpenAPI document (core/api/openapi.ts) is
 * generated from this list, so the two cannot drift apart.
 */

export type OperationAuth =
  | { kind: 'apiKey'; scope: ApiScope }
  | { kind: 'stripeSignature' }
  | { kind: 'standardWebhooks' }
  | { kind: 'public' }
  /** A signed-in user's session cookie (the web app's routes), optionally limited to roles. */
  | { kind: 'session'; roles?: readonly string[] };

export interface ApiOperation {
  readonly method: 'get' | 'post' | 'put';
  /** OpenAPI form: /api/v1/payments/{id}/refunds */
  readonly path: string;
  readonly tag:
    | 'Booking requests'
    | 'Appointments'
    | 'Payments'
    | 'Reports'
    | 'Payment callbacks'
    | 'Booking widget'
    | 'Workflows';
  readonly summary: string;
  readonly description?: string;
  readonly auth: OperationAuth;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly status: 200 | 201;
  readonly response: z.ZodType;
}

const apiKey = (scope: ApiScope) => ({ kind: 'apiKey', scope }) as const;

export const PUBLIC_OPERATIONS = {
  listBookingRequests: {
    method: 'get',
    path: '/api/v1/booking-requests',
    tag: 'Booking requests',
    summary: 'List booking requests (operational fields only)',
    description:
      'The sealed name, contact and concern are never returned: only the front desk can open them.',
    auth: apiKey('bookings:read'),
    query: bookingListQuerySchema,
    status: 200,
    response: bookingSummaryListSchema,
  },
  createBookingRequest: {
    method: 'post',
    path: '/api/v1/booking-requests',
    tag: 'Booking requests',
    summary: 'Submit a booking request sealed in the visitor’s browser',
    description:
      'The visitor’s browser seals {name, contact, concern} (canonical JSON) with HPKE to the intake group key, info `tacit/1/intake|org=<org id>|request=<id>` (PROTOCOL §7). Submitting it starts the booking workflow.',
    auth: apiKey('bookings:write'),
    body: bookingSubmissionSchema,
    status: 201,
    response: bookingAcceptedSchema,
  },
  listAppointments: {
    method: 'get',
    path: '/api/v1/appointments',
    tag: 'Appointments',
    summary: 'Appointments in a range of at most 42 days (times, service, counselor, status)',
    auth: apiKey('appointments:read'),
    query: calendarQuerySchema,
    status: 200,
    response: appointmentListSchema,
  },
  listPayments: {
    method: 'get',
    path: '/api/v1/payments',
    tag: 'Payments',
    summary: 'List finance records, newest first',
    auth: apiKey('payments:read'),
    query: paymentListQuerySchema,
    status: 200,
    response: paymentListSchema,
  },
  recordPayment: {
    method: 'post',
    path: '/api/v1/payments',
    tag: 'Payments',
    summary: 'Record a payment (idempotent by reference)',
    description: 'Sending the same reference again returns the existing record and changes nothing.',
    auth: apiKey('payments:write'),
    body: recordPaymentRequestSchema,
    status: 201,
    response: paymentResultSchema,
  },
  refundPayment: {
    method: 'post',
    path: '/api/v1/payments/{id}/refunds',
    tag: 'Payments',
    summary: 'Refund part or all of a payment (idempotent by reference)',
    auth: apiKey('payments:write'),
    params: paymentIdParamSchema,
    body: refundRequestSchema,
    status: 200,
    response: paymentResultSchema,
  },
  revenueReport: {
    method: 'get',
    path: '/api/v1/reports/revenue',
    tag: 'Reports',
    summary: 'Revenue by month, service or counselor: gross, refunded and net per currency',
    auth: apiKey('reports:read'),
    query: revenueQuerySchema,
    status: 200,
    response: revenueReportSchema,
  },
  stripeCallback: {
    method: 'post',
    path: '/api/hooks/payments/stripe',
    tag: 'Payment callbacks',
    summary: 'Stripe events (payment_intent.succeeded, refund.created)',
    description:
      'Verified with the Stripe-Signature header (t=…,v1=… HMAC-SHA256 of `t.body` with STRIPE_WEBHOOK_SECRET, 5 minute tolerance). Idempotent by the event id. PaymentIntent metadata service_id, counselor_id and appointment_id attribute the payment.',
    auth: { kind: 'stripeSignature' },
    body: stripeEventSchema,
    status: 200,
    response: paymentEventOutcomeSchema,
  },
  genericPaymentCallback: {
    method: 'post',
    path: '/api/hooks/payments/standard',
    tag: 'Payment callbacks',
    summary: 'Payment events signed with Standard Webhooks',
    description:
      'Verified with webhook-id, webhook-timestamp and webhook-signature (HMAC-SHA256 of `id.timestamp.body` with PAYMENT_WEBHOOK_SECRET, whsec_…, 5 minute tolerance). Idempotent by the event id.',
    auth: { kind: 'standardWebhooks' },
    body: genericPaymentEventSchema,
    status: 200,
    response: paymentEventOutcomeSchema,
  },
  widgetConfig: {
    method: 'get',
    path: '/api/widget/config',
    tag: 'Booking widget',
    summary: 'What the booking widget needs: the intake group key and the Turnstile site key',
    auth: { kind: 'public' },
    status: 200,
    response: widgetConfigSchema,
  },
  widgetServices: {
    method: 'get',
    path: '/api/widget/services',
    tag: 'Booking widget',
    summary: 'The services a visitor may book',
    auth: { kind: 'public' },
    status: 200,
    response: widgetServiceListSchema,
  },
  widgetSlots: {
    method: 'get',
    path: '/api/widget/slots',
    tag: 'Booking widget',
    summary: 'Free start times for a service (at most 14 days at a time)',
    auth: { kind: 'public' },
    query: widgetSlotsQuerySchema,
    status: 200,
    response: widgetSlotsSchema,
  },
  widgetSubmit: {
    method: 'post',
    path: '/api/widget/booking-requests',
    tag: 'Booking widget',
    summary: 'The widget’s own submission (rate-limited per visitor, honeypot, optional Turnstile)',
    auth: { kind: 'public' },
    body: widgetSubmissionSchema,
    status: 201,
    response: bookingAcceptedSchema,
  },
} as const satisfies Record<string, ApiOperation>;
export type PublicOperationId = keyof typeof PUBLIC_OPERATIONS;

/** `/api/v1/payments/{id}/refunds` → `/payments/:id/refunds` relative to `mount`. */
export function routePath(operation: ApiOperation, mount: string): string {
  if (!operation.path.startsWith(mount)) throw new Error(`${operation.path} is not under ${mount}`);
  return operation.path.slice(mount.length).replace(/\{(\w+)\}/g, ':$1') || '/';
}

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  'bookings:read': 'read booking requests (operational fields only)',
  'bookings:write': 'submit sealed booking requests',
  'appointments:read': 'read appointments (times, services, counselors)',
  'payments:read': 'read finance records',
  'payments:write': 'record payments and refunds',
  'reports:read': 'read revenue reports',
};
