import { index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import type { ActionResult, RunOutcome } from '../../core/api/rules.js';
import type { JsonLogic } from '../../core/rules/conditions.js';
import type { RuleAction, Trigger } from '../../core/rules/model.js';
import { cases, users } from './schema.js';

/** Mirrors migrations/0008_rules_notifications.sql; the SQL is the source of truth. */

export const rules = sqliteTable(
  'rules',
  {
    id: text('id').primaryKey(),
    template: text('template').unique(),
    name: text('name').notNull(),
    triggerEvent: text('trigger_event').notNull(),
    trigger: text('trigger', { mode: 'json' }).$type<Trigger>().notNull(),
    condition: text('condition', { mode: 'json' }).$type<JsonLogic>().notNull(),
    actions: text('actions', { mode: 'json' }).$type<RuleAction[]>().notNull(),
    dedupDays: integer('dedup_days').notNull().default(0),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('rules_by_trigger').on(table.triggerEvent, table.enabled)],
);

export const ruleEvents = sqliteTable('rule_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  subject: text('subject').notNull(),
  caseId: text('case_id'),
  payload: text('payload', { mode: 'json' }).$type<EventPayload>().notNull(),
  dedupKey: text('dedup_key').unique(),
  createdAt: integer('created_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: integer('next_attempt_at').notNull(),
  claimedUntil: integer('claimed_until'),
  processedAt: integer('processed_at'),
  lastError: text('last_error'),
});

export const ruleRuns = sqliteTable('rule_runs', {
  id: text('id').primaryKey(),
  ruleId: text('rule_id')
    .notNull()
    .references(() => rules.id),
  eventId: text('event_id')
    .notNull()
    .references(() => ruleEvents.id),
  eventType: text('event_type').notNull(),
  subject: text('subject').notNull(),
  caseId: text('case_id'),
  at: integer('at').notNull(),
  attempt: integer('attempt').notNull(),
  outcome: text('outcome').$type<RunOutcome>().notNull(),
  actions: text('actions', { mode: 'json' }).$type<ActionResult[]>().notNull(),
  error: text('error'),
});

export const ruleDedup = sqliteTable(
  'rule_dedup',
  {
    ruleId: text('rule_id')
      .notNull()
      .references(() => rules.id),
    subject: text('subject').notNull(),
    firedAt: integer('fired_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.ruleId, table.subject] })],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    ruleId: text('rule_id').references(() => rules.id),
    source: text('source').notNull(),
    title: text('title').notNull(),
    eventType: text('event_type').notNull(),
    caseId: text('case_id'),
    subject: text('subject').notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (table) => [unique().on(table.source, table.userId)],
);

export const tasks = sqliteTable('tasks', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  assigneeUserId: text('assignee_user_id').references(() => users.id),
  assigneeRole: text('assignee_role'),
  caseId: text('case_id').references(() => cases.id),
  dueAt: integer('due_at'),
  status: text('status', { enum: ['open', 'done'] })
    .notNull()
    .default('open'),
  sourceRuleId: text('source_rule_id').references(() => rules.id),
  source: text('source').unique(),
  createdAt: integer('created_at').notNull(),
  completedAt: integer('completed_at'),
  completedBy: text('completed_by').references(() => users.id),
  // Set for a workflow's task (migrations/0013_workflows.sql).
  workflowInstanceId: text('workflow_instance_id'),
  workflowNodeId: text('workflow_node_id'),
  workflowStep: text('workflow_step', { enum: ['form_task', 'approval', 'assignment', 'key_delivery'] }),
  outcome: text('outcome', { enum: ['completed', 'approved', 'rejected'] }),
  // A workflow step's deadline on the cron (migrations/0019_workflow_deadlines.sql).
  remindAt: integer('remind_at'),
  remindedAt: integer('reminded_at'),
  escalateAt: integer('escalate_at'),
  escalatedAt: integer('escalated_at'),
});

/** Operational values only: ids, dates, statuses, counts, the operational fields of a form. */
export type EventPayload = Record<string, unknown>;

export type RuleRow = typeof rules.$inferSelect;
export type RuleEventRow = typeof ruleEvents.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
