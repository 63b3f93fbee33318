/**
 * The rules engine and the notification center for the pages (issue 8). Everything here is
 * operational: rule definitions, run outcomes, notification and task metadata; nothing is
 * encrypted or decrypted.
 */
import {
  type DryRunResult,
  dryRunResultSchema,
  type NotificationList,
  notificationListSchema,
  type RuleRunView,
  type RuleView,
  ruleListSchema,
  ruleRunListSchema,
  ruleViewSchema,
  type TaskView,
  taskListSchema,
  taskViewSchema,
  unreadCountSchema,
} from '../../../core/api/index';
import { z } from '../../../core/api/zod';
import type { RuleInput } from '../../../core/rules/index';
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

export type { DryRunResult, NotificationList, RuleRunView, RuleView, TaskView };

export const listRules = () => run(() => api.get('/api/rules', ruleListSchema));
export const createRule = (rule: RuleInput) =>
  run(() => api.send('POST', '/api/rules', rule, ruleViewSchema));
export const updateRule = (id: string, rule: RuleInput) =>
  run(() => api.send('PUT', `/api/rules/${id}`, rule, ruleViewSchema));
export const setRuleEnabled = (id: string, enabled: boolean) =>
  run(() => api.send('PATCH', `/api/rules/${id}`, { enabled }, ruleViewSchema));
export const installShippedRules = (locale: Locale) =>
  run(() =>
    api.send('POST', '/api/rules/shipped', { locale }, z.object({ installed: z.array(ruleViewSchema) })),
  );
export const dryRunRule = (rule: RuleInput) =>
  run(() => api.send('POST', '/api/rules/dry-run', rule, dryRunResultSchema));
export const listRuleRuns = (ruleId?: string) =>
  run(() => api.get(`/api/rules/runs${ruleId ? `?ruleId=${ruleId}` : ''}`, ruleRunListSchema));

export const listNotifications = () => run(() => api.get('/api/notifications', notificationListSchema));
export const unreadCount = () => run(() => api.get('/api/notifications/unread', unreadCountSchema));
export const markNotificationRead = (id: string) =>
  run(() => api.send('POST', `/api/notifications/${id}/read`, {}, unreadCountSchema));
export const markAllNotificationsRead = () =>
  run(() => api.send('POST', '/api/notifications/read-all', {}, unreadCountSchema));

export const listTasks = () => run(() => api.get('/api/tasks', taskListSchema));
export const setTaskStatus = (id: string, status: TaskView['status']) =>
  run(() => api.send('PATCH', `/api/tasks/${id}`, { status }, taskViewSchema));
