/**
 * Dashboards for the pages (issue 9): their configuration only. Figures come from lib/reports,
 * computed by the server over operational data and scoped to whoever looks.
 */
import {
  type DashboardInput,
  type DashboardList,
  type DashboardView,
  dashboardListSchema,
  dashboardViewSchema,
  okResponseSchema,
} from '../../../core/api/index';
import { z } from '../../../core/api/zod';
import { createApiClient } from './api-client';
import { toAppError } from './app-errors';
import type { Locale } from './i18n';

const api = createApiClient();

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}

export type { DashboardInput, DashboardList, DashboardView };

export const listDashboards = () => run(() => api.get('/api/dashboards', dashboardListSchema));
export const fetchDashboard = (id: string) =>
  run(() => api.get(`/api/dashboards/${encodeURIComponent(id)}`, dashboardViewSchema));
export const createDashboard = (input: DashboardInput) =>
  run(() => api.send('POST', '/api/dashboards', input, dashboardViewSchema));
export const updateDashboard = (id: string, input: DashboardInput) =>
  run(() => api.send('PUT', `/api/dashboards/${encodeURIComponent(id)}`, input, dashboardViewSchema));
export const deleteDashboard = (id: string) =>
  run(() => api.send('DELETE', `/api/dashboards/${encodeURIComponent(id)}`, undefined, okResponseSchema));
export const installShippedDashboards = (locale: Locale) =>
  run(() =>
    api.send(
      'POST',
      '/api/dashboards/shipped',
      { locale },
      z.object({ installed: z.array(dashboardViewSchema) }),
    ),
  );
