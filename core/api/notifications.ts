import { idSchema } from './encoding.js';
import { z } from './zod.js';

/**
 * A notification names a rule, an event type, a case id and dates — never clinical content
 * (issue 8): the text a user reads is built from these in their own language.
 */
export const notificationViewSchema = z.object({
  id: idSchema,
  title: z.string(),
  eventType: z.string(),
  caseId: z.string().nullable(),
  subject: z.string(),
  createdAt: z.int(),
  readAt: z.int().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;
export const notificationListSchema = z.object({
  notifications: z.array(notificationViewSchema),
  unread: z.int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;
export const notificationIdParamSchema = z.object({ id: idSchema });
export const unreadCountSchema = z.object({ unread: z.int() });

export const TASK_STATUSES = ['open', 'done'] as const;
export const taskViewSchema = z.object({
  id: idSchema,
  title: z.string(),
  assigneeUserId: z.string().nullable(),
  assigneeRole: z.string().nullable(),
  caseId: z.string().nullable(),
  dueAt: z.int().nullable(),
  status: z.enum(TASK_STATUSES),
  createdAt: z.int(),
  completedAt: z.int().nullable(),
});
export type TaskView = z.infer<typeof taskViewSchema>;
export const taskListSchema = z.object({ tasks: z.array(taskViewSchema) });
export const taskIdParamSchema = z.object({ id: idSchema });
export const updateTaskRequestSchema = z.object({ status: z.enum(TASK_STATUSES) });
