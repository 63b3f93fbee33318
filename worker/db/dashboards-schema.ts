import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DashboardWidget } from '../../core/api/dashboards.js';
import type { Role } from '../../core/api/roles.js';
import { users } from './schema.js';

/** Mirrors migrations/0018_dashboards.sql; the SQL is the source of truth. */
export const dashboards = sqliteTable('dashboards', {
  id: text('id').primaryKey(),
  template: text('template').unique(),
  name: text('name').notNull(),
  roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
  widgets: text('widgets', { mode: 'json' }).$type<DashboardWidget[]>().notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
export type DashboardRow = typeof dashboards.$inferSelect;
