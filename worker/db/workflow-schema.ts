import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { InstanceState } from '../../core/workflows/engine.js';
import type { WorkflowData, WorkflowGraph } from '../../core/workflows/model.js';
import { cases, users } from './schema.js';

/** migrations/0013_workflows.sql */
export const workflowDefinitions = sqliteTable('workflow_definitions', {
  id: text('id').primaryKey(),
  key: text('key').notNull(),
  version: integer('version').notNull(),
  name: text('name').notNull(),
  graph: text('graph', { mode: 'json' }).$type<WorkflowGraph>().notNull(),
  status: text('status', { enum: ['draft', 'published', 'retired'] }).notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  publishedAt: integer('published_at'),
});

export const workflowInstances = sqliteTable('workflow_instances', {
  id: text('id').primaryKey(),
  definitionId: text('definition_id')
    .notNull()
    .references(() => workflowDefinitions.id),
  status: text('status', { enum: ['running', 'done'] }).notNull(),
  state: text('state', { mode: 'json' }).$type<InstanceState>().notNull(),
  data: text('data', { mode: 'json' }).$type<WorkflowData>().notNull(),
  caseId: text('case_id').references(() => cases.id),
  subject: text('subject'),
  startedBy: text('started_by').references(() => users.id),
  startedAt: integer('started_at').notNull(),
  seq: integer('seq').notNull(),
  finishedAt: integer('finished_at'),
  /** 0019: what started it on its own, once. */
  triggerKey: text('trigger_key'),
});

export const workflowHistory = sqliteTable(
  'workflow_history',
  {
    instanceId: text('instance_id')
      .notNull()
      .references(() => workflowInstances.id),
    seq: integer('seq').notNull(),
    at: integer('at').notNull(),
    actor: text('actor').references(() => users.id),
    kind: text('kind', { enum: ['started', 'task_done', 'timer_fired'] }).notNull(),
    nodeId: text('node_id'),
    visited: text('visited', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.instanceId, table.seq] })],
);

export const workflowTimers = sqliteTable('workflow_timers', {
  id: text('id').primaryKey(),
  instanceId: text('instance_id')
    .notNull()
    .references(() => workflowInstances.id),
  nodeId: text('node_id').notNull(),
  fireAt: integer('fire_at').notNull(),
  firedAt: integer('fired_at'),
});

export type WorkflowDefinitionRow = typeof workflowDefinitions.$inferSelect;
export type WorkflowInstanceRow = typeof workflowInstances.$inferSelect;
