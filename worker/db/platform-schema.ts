import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../core/api/roles.js';

/**
 * The platform (migrations/0001): the org, its people, invitations, sessions and the audit chain.
 * The SQL is the source of truth.
 */

export interface OrgSettings {
  sessionIdleMinutes?: number;
  sessionAbsoluteHours?: number;
  locale?: string;
  /** IANA zone the schedule's wall-clock times are in (issue 7). */
  timeZone?: string;
  /** the zone the report rollups are laid out in (migration 0026); Asia/Shanghai when unset */
  reportZone?: string;
}

export const org = sqliteTable('org', {
  id: text('id').primaryKey(),
  singleton: integer('singleton').notNull().default(1).unique(),
  name: text('name').notNull(),
  rootPk: text('root_pk').notNull(),
  recoveryPk: text('recovery_pk').notNull(),
  recoveryThreshold: integer('recovery_threshold').notNull(),
  recoveryShareCount: integer('recovery_share_count').notNull(),
  settings: text('settings', { mode: 'json' }).$type<OrgSettings>().notNull().default({}),
  createdAt: integer('created_at').notNull(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
  status: text('status', { enum: ['active', 'disabled'] })
    .notNull()
    .default('active'),
  kdfSalt: text('kdf_salt').notNull(),
  kdfM: integer('kdf_m').notNull(),
  kdfT: integer('kdf_t').notNull(),
  kdfP: integer('kdf_p').notNull(),
  authHash: text('auth_hash').notNull(),
  keyBundle: text('key_bundle').notNull(),
  recoveryBundle: text('recovery_bundle').notNull(),
  recoveryAuthHash: text('recovery_auth_hash').notNull(),
  x25519Pk: text('x25519_pk').notNull(),
  ed25519Pk: text('ed25519_pk').notNull(),
  certSig: text('cert_sig'),
  certIssuedAt: integer('cert_issued_at'),
  createdAt: integer('created_at').notNull(),
  /** The counselor's supervisor, assigned by an admin (0015). */
  supervisorId: text('supervisor_id').references((): AnySQLiteColumn => users.id),
});

export const rootKeyWraps = sqliteTable('root_key_wraps', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  enc: text('enc').notNull(),
  ct: text('ct').notNull(),
  sig: text('sig').notNull(),
  byUserId: text('by_user_id')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
    displayName: text('display_name'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    acceptedAt: integer('accepted_at'),
    acceptedUserId: text('accepted_user_id').references(() => users.id),
    revokedAt: integer('revoked_at'),
  },
  (table) => [index('invitations_by_email').on(table.email)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (table) => [index('sessions_by_user').on(table.userId)],
);

export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: integer('last_failure_at').notNull(),
  lockedUntil: integer('locked_until'),
});

export const auditEvents = sqliteTable('audit_events', {
  seq: integer('seq').primaryKey(),
  at: integer('at').notNull(),
  actorUserId: text('actor_user_id'),
  type: text('type').notNull(),
  subject: text('subject'),
  details: text('details').notNull().default('{}'),
  /** Null until the event is sealed into the chain (worker/audit-seal.ts). */
  prevHash: text('prev_hash'),
  hash: text('hash'),
});

export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    n: integer('n').notNull(),
    adminUserId: text('admin_user_id')
      .notNull()
      .references(() => users.id),
    head: text('head').notNull(),
    sig: text('sig').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.n, table.adminUserId] })],
);

export const devOutbox = sqliteTable('dev_outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  toEmail: text('to_email').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: integer('created_at').notNull(),
});

export type OrgRow = typeof org.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
