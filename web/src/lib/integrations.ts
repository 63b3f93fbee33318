import {
  type ApiKeyView,
  apiKeyListSchema,
  apiKeyViewSchema,
  type CreateApiKeyRequest,
  type CreatedApiKey,
  type CreatedWebhookEndpoint,
  type CreateWebhookEndpoint,
  createdApiKeySchema,
  createdWebhookEndpointSchema,
  type PaymentView,
  paymentListSchema,
  paymentViewSchema,
  type RevenueReport,
  revenueReportSchema,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  webhookDeliveryListSchema,
  webhookEndpointListSchema,
  webhookEndpointViewSchema,
} from '../../../core/api/index';
import { z } from '../../../core/api/zod';
import { ApiError, createApiClient } from './api-client';
import { toAppError } from './app-errors';
import { AppError, type AppErrorCode } from './errors';

/** API keys, webhooks and finance records for the admin and finance pages: operational data only. */

const api = createApiClient();

const API_ERRORS: Partial<Record<string, AppErrorCode>> = {
  invalid_request: 'invalid_request',
  refund_exceeds_payment: 'refund_exceeds_payment',
};

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError && API_ERRORS[error.code]) {
      throw new AppError(API_ERRORS[error.code] as AppErrorCode, error.message);
    }
    throw toAppError(error);
  }
}

export const listApiKeys = (): Promise<readonly ApiKeyView[]> =>
  run(async () => (await api.get('/api/api-keys', apiKeyListSchema)).keys);

export const createApiKey = (request: CreateApiKeyRequest): Promise<CreatedApiKey> =>
  run(() => api.send('POST', '/api/api-keys', request, createdApiKeySchema));

export const revokeApiKey = (id: string): Promise<ApiKeyView> =>
  run(() => api.send('DELETE', `/api/api-keys/${id}`, undefined, apiKeyViewSchema));

export const listWebhookEndpoints = (): Promise<readonly WebhookEndpointView[]> =>
  run(async () => (await api.get('/api/webhooks', webhookEndpointListSchema)).endpoints);

export const createWebhookEndpoint = (request: CreateWebhookEndpoint): Promise<CreatedWebhookEndpoint> =>
  run(() => api.send('POST', '/api/webhooks', request, createdWebhookEndpointSchema));

export const setWebhookEnabled = (id: string, enabled: boolean): Promise<WebhookEndpointView> =>
  run(() => api.send('PATCH', `/api/webhooks/${id}`, { enabled }, webhookEndpointViewSchema));

export const listDeliveries = (endpointId: string): Promise<readonly WebhookDeliveryView[]> =>
  run(
    async () =>
      (await api.get(`/api/webhooks/${endpointId}/deliveries`, webhookDeliveryListSchema)).deliveries,
  );

export const redeliver = (endpointId: string, deliveryId: string): Promise<void> =>
  run(async () => {
    await api.send(
      'POST',
      `/api/webhooks/${endpointId}/deliveries/${deliveryId}/redeliver`,
      undefined,
      z.object({ id: z.string() }),
    );
  });

export const listPayments = (): Promise<readonly PaymentView[]> =>
  run(async () => (await api.get('/api/payments', paymentListSchema)).payments);

export const revenueReport = (groupBy: RevenueReport['groupBy']): Promise<RevenueReport> =>
  run(() => api.get(`/api/payments/revenue?groupBy=${groupBy}`, revenueReportSchema));

export const refundPayment = (id: string, amount: number): Promise<PaymentView> =>
  run(() =>
    api.send(
      'POST',
      `/api/payments/${id}/refunds`,
      { reference: `manual-${crypto.randomUUID()}`, amount },
      paymentViewSchema,
    ),
  );
