import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DESTRUCTION_REASONS, DESTRUCTION_STATUSES } from '../../core/api/data-rights.js';
import { cases, users } from './schema.js';

/** Mirrors migrations/0006_data_rights.sql; the SQL is the source of truth. */

export const retentionPolicies = sqliteTable('retention_policies', {
  serviceType: text('service_type').primaryKey(),
  keepYears: integer('keep_years').notNull(),
  updatedBy: text('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: integer('updated_at').notNull(),
});
export type RetentionPolicyRow = typeof retentionPolicies.$inferSelect;

export const caseDestructions = sqliteTable('case_destructions', {
  id: text('id').primaryKey(),
  caseId: text('case_id')
    .notNull()
    .references(() => cases.id),
  reason: text('reason', { enum: DESTRUCTION_REASONS }).notNull(),
  status: text('status', { enum: DESTRUCTION_STATUSES }).notNull().default('pending'),
  requestedBy: text('requested_by')
    .notNull()
    .references(() => users.id),
  requestedAt: integer('requested_at').notNull(),
  decidedBy: text('decided_by').references(() => users.id),
  decidedAt: integer('decided_at'),
});
export type CaseDestructionRow = typeof caseDestructions.$inferSelect;
