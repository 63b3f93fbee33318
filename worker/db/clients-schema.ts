import { index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { PERMISSIONS } from '../../core/api/key-wraps.js';
import { users } from './platform-schema.js';

/** Groups and clients with their key wraps (migrations/0002, 0011). The SQL is the source of truth. */

export const groups = sqliteTable('groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  epoch: integer('epoch').notNull().default(0),
  x25519Pk: text('x25519_pk').notNull(),
  /** 0011: the signature over the public key by who made this epoch's pair (crypto/group-key.ts) */
  pkSig: text('pk_sig'),
  pkBy: text('pk_by').references(() => users.id),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

export const groupKeyWraps = sqliteTable(
  'group_key_wraps',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
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
    primaryKey({ columns: [table.groupId, table.epoch, table.userId] }),
    index('group_key_wraps_by_user').on(table.userId),
  ],
);

/** 0011: epoch e's group private key sealed to epoch e+1's public key (crypto/group-key.ts). */
export const groupKeyChain = sqliteTable(
  'group_key_chain',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    epoch: integer('epoch').notNull(),
    enc: text('enc').notNull(),
    ct: text('ct').notNull(),
    byUserId: text('by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.epoch] })],
);

export const clients = sqliteTable('clients', {
  id: text('id').primaryKey(),
  channel: text('channel'),
  contactEpoch: integer('contact_epoch').notNull().default(0),
  contactEnvelope: text('contact_envelope').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

export const contactKeyWraps = sqliteTable(
  'contact_key_wraps',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    epoch: integer('epoch').notNull(),
    toKind: text('to_kind', { enum: ['user', 'group'] }).notNull(),
    toId: text('to_id').notNull(),
    perm: text('perm', { enum: PERMISSIONS }).notNull(),
    expiresAt: integer('expires_at').notNull().default(0),
    enc: text('enc').notNull(),
    ct: text('ct').notNull(),
    sig: text('sig').notNull(),
    byUserId: text('by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    unique().on(table.clientId, table.epoch, table.toId),
    index('contact_key_wraps_by_recipient').on(table.toId),
  ],
);

export type GroupRow = typeof groups.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;
export type ContactKeyWrapRow = typeof contactKeyWraps.$inferSelect;
