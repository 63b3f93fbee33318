import { integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { cases, users } from './schema.js';

/** Mirrors migrations/0022_case_conferences.sql; the SQL is the source of truth. */
export const conferences = sqliteTable('conferences', {
  id: text('id').primaryKey(),
  caseId: text('case_id')
    .notNull()
    .references(() => cases.id),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  currentEpoch: integer('current_epoch').notNull(),
  needsRotation: integer('needs_rotation', { mode: 'boolean' }).notNull().default(false),
  expiresAt: integer('expires_at').notNull().default(0),
  createdAt: integer('created_at').notNull(),
});
export type ConferenceRow = typeof conferences.$inferSelect;

export const conferenceParticipants = sqliteTable(
  'conference_participants',
  {
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    addedBy: text('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: integer('added_at').notNull(),
    removedAt: integer('removed_at'),
    lastReadSeq: integer('last_read_seq').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.conferenceId, table.userId] })],
);
export type ConferenceParticipantRow = typeof conferenceParticipants.$inferSelect;

export const conferenceKeyWraps = sqliteTable(
  'conference_key_wraps',
  {
    id: text('id').primaryKey(),
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id),
    epoch: integer('epoch').notNull(),
    toUserId: text('to_user_id')
      .notNull()
      .references(() => users.id),
    byUserId: text('by_user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: integer('expires_at').notNull(),
    enc: text('enc').notNull(),
    ct: text('ct').notNull(),
    sig: text('sig').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [unique().on(table.conferenceId, table.epoch, table.toUserId)],
);
export type ConferenceKeyWrapRow = typeof conferenceKeyWraps.$inferSelect;

export const conferenceKeyChain = sqliteTable(
  'conference_key_chain',
  {
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id),
    epoch: integer('epoch').notNull(),
    envelope: text('envelope').notNull(),
  },
  (table) => [primaryKey({ columns: [table.conferenceId, table.epoch] })],
);

export const conferenceMessages = sqliteTable(
  'conference_messages',
  {
    id: text('id').primaryKey(),
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id),
    seq: integer('seq').notNull(),
    epoch: integer('epoch').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    envelope: text('envelope').notNull(),
    sig: text('sig').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [unique().on(table.conferenceId, table.seq)],
);
export type ConferenceMessageRow = typeof conferenceMessages.$inferSelect;
