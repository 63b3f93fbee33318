import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema.js';

/** Mirrors migrations/0030_knowledge_base.sql; the SQL is the source of truth. */
export const staffKeyEpochs = sqliteTable('staff_key_epochs', {
  epoch: integer('epoch').primaryKey(),
  previousKeyEnvelope: text('previous_key_envelope'),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
});
export type StaffKeyEpochRow = typeof staffKeyEpochs.$inferSelect;

export const staffKeyWraps = sqliteTable(
  'staff_key_wraps',
  {
    epoch: integer('epoch').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    enc: text('enc').notNull(),
    ct: text('ct').notNull(),
    sig: text('sig').notNull(),
    byUserId: text('by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.epoch, table.userId] }),
    index('staff_key_wraps_by_user').on(table.userId),
  ],
);
export type StaffKeyWrapRow = typeof staffKeyWraps.$inferSelect;

export const kbCategories = sqliteTable('kb_categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
});
export type KbCategoryRow = typeof kbCategories.$inferSelect;

export const kbArticles = sqliteTable('kb_articles', {
  id: text('id').primaryKey(),
  categoryId: text('category_id').references(() => kbCategories.id),
  currentVersion: integer('current_version').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
export type KbArticleRow = typeof kbArticles.$inferSelect;

export const kbArticleVersions = sqliteTable(
  'kb_article_versions',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => kbArticles.id),
    version: integer('version').notNull(),
    epoch: integer('epoch').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    envelope: text('envelope').notNull(),
    sig: text('sig').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.articleId, table.version] })],
);
export type KbArticleVersionRow = typeof kbArticleVersions.$inferSelect;

export const kbAttachments = sqliteTable('kb_attachments', {
  id: text('id').primaryKey(),
  articleId: text('article_id')
    .notNull()
    .references(() => kbArticles.id),
  epoch: integer('epoch').notNull(),
  size: integer('size').notNull(),
  chunkCount: integer('chunk_count').notNull(),
  uploadedBy: text('uploaded_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
  completedAt: integer('completed_at'),
});
export type KbAttachmentRow = typeof kbAttachments.$inferSelect;
