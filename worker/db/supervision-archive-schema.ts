import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cases, users } from './schema.js';

/** Mirrors migrations/0031_supervision_archive.sql; the SQL is the source of truth. */
export const supervisionThemes = sqliteTable('supervision_themes', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

export const supervisionRecordThemes = sqliteTable(
  'supervision_record_themes',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    recordId: text('record_id').notNull(),
    themeId: text('theme_id')
      .notNull()
      .references(() => supervisionThemes.id),
    taggedBy: text('tagged_by')
      .notNull()
      .references(() => users.id),
    taggedAt: integer('tagged_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.recordId, table.themeId] }),
    index('supervision_record_themes_by_theme').on(table.themeId),
  ],
);
