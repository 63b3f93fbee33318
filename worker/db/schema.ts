import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  unique,
} from 'drizzle-orm/sqlite-core';
import { ACCESS_REASONS, ACCESS_REQUEST_STATUSES } from '../../core/api/access-requests.js';
import { CASE_STATUSES } from '../../core/api/cases.js';
import { PERMISSIONS } from '../../core/api/key-wraps.js';
import type { Role } from '../../core/api/roles.js';

/** Mirrors migrations/0001_platform_foundation.sql and 0002_case_files.sql; the SQL is the source of truth. */

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

// Case files (0002).

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

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    primaryCounselorId: text('primary_counselor_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('intake'),
    serviceType: text('service_type').notNull(),
    channel: text('channel').notNull(),
    openedAt: integer('opened_at').notNull(),
    closedAt: integer('closed_at'),
    currentEpoch: integer('current_epoch').notNull().default(0),
    logSeq: integer('log_seq').notNull().default(0),
    logHead: text('log_head').notNull(),
    needsRotation: integer('needs_rotation', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
  },
  (table) => [
    index('cases_by_primary_counselor').on(table.primaryCounselorId),
    index('cases_by_client').on(table.clientId),
  ],
);

export const caseEpochs = sqliteTable(
  'case_epochs',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    epoch: integer('epoch').notNull(),
    inboxPk: text('inbox_pk').notNull(),
    inboxSealed: text('inbox_sealed').notNull(),
    previousKeyEnvelope: text('previous_key_envelope'),
    openedBy: text('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: integer('opened_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.epoch] })],
);

export const caseKeyWraps = sqliteTable(
  'case_key_wraps',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    epoch: integer('epoch').notNull(),
    toUserId: text('to_user_id').notNull(),
    perm: text('perm', { enum: PERMISSIONS }).notNull(),
    expiresAt: integer('expires_at').notNull().default(0),
    enc: text('enc').notNull(),
    ct: text('ct').notNull(),
    sig: text('sig').notNull(),
    byUserId: text('by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (table) => [
    unique().on(table.caseId, table.epoch, table.toUserId),
    index('case_key_wraps_by_recipient').on(table.toUserId, table.caseId),
  ],
);

export const caseRecords = sqliteTable(
  'case_records',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    recordId: text('record_id').notNull(),
    rev: integer('rev').notNull(),
    form: text('form').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    epoch: integer('epoch').notNull(),
    envelope: text('envelope').notNull(),
    operational: text('operational').notNull().default('{}'),
    seq: integer('seq').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.recordId, table.rev] }),
    unique().on(table.caseId, table.seq),
  ],
);

export const caseLog = sqliteTable(
  'case_log',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    entry: text('entry').notNull(),
    sig: text('sig').notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.seq] })],
);

export const accessRequests = sqliteTable(
  'access_requests',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    requesterId: text('requester_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason', { enum: ACCESS_REASONS }).notNull(),
    noteToUserId: text('note_to_user_id').references(() => users.id),
    noteEnc: text('note_enc'),
    noteCt: text('note_ct'),
    perm: text('perm', { enum: PERMISSIONS }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    status: text('status', { enum: ACCESS_REQUEST_STATUSES }).notNull().default('pending'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: integer('decided_at'),
    grantId: text('grant_id').references(() => caseKeyWraps.id),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('access_requests_by_case').on(table.caseId, table.status),
    index('access_requests_by_requester').on(table.requesterId),
  ],
);

export type OrgRow = typeof org.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type GroupRow = typeof groups.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;
export type ContactKeyWrapRow = typeof contactKeyWraps.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type CaseKeyWrapRow = typeof caseKeyWraps.$inferSelect;
export type CaseRecordRow = typeof caseRecords.$inferSelect;
export type AccessRequestRow = typeof accessRequests.$inferSelect;

/** Encrypted attachments: metadata only; the chunk envelopes live in R2 (migrations/0003). */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    epoch: integer('epoch').notNull(),
    size: integer('size').notNull(),
    chunkCount: integer('chunk_count').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    completedAt: integer('completed_at'),
  },
  (table) => [index('attachments_by_case').on(table.caseId)],
);
export type AttachmentRow = typeof attachments.$inferSelect;

/** Form drafts (published_at NULL, at most one per form) and published versions (immutable). */
export const formVersions = sqliteTable(
  'form_versions',
  {
    formId: text('form_id').notNull(),
    version: integer('version').notNull(),
    /** JSON of a core/forms definition, validated before it is stored */
    definition: text('definition').notNull(),
    source: text('source', { enum: ['designer', 'template'] }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    updatedAt: integer('updated_at').notNull(),
    publishedAt: integer('published_at'),
    publishedBy: text('published_by').references(() => users.id),
    /** base64url Ed25519 signature of published_by over a designed version (migrations/0016) */
    signature: text('signature'),
  },
  (table) => [primaryKey({ columns: [table.formId, table.version] })],
);
export type FormVersionRow = typeof formVersions.$inferSelect;

/** The client portal's one-time links and sealed submissions (migrations/0009). */
export const portalLinks = sqliteTable(
  'portal_links',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    form: text('form').notNull(),
    epoch: integer('epoch').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    submissionId: text('submission_id').notNull().unique(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    submittedAt: integer('submitted_at'),
  },
  (table) => [index('portal_links_by_case').on(table.caseId, table.createdAt)],
);
export type PortalLinkRow = typeof portalLinks.$inferSelect;

export const portalSubmissions = sqliteTable(
  'portal_submissions',
  {
    id: text('id').primaryKey(),
    linkId: text('link_id')
      .notNull()
      .unique()
      .references(() => portalLinks.id),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    form: text('form').notNull(),
    epoch: integer('epoch').notNull(),
    enc: text('enc').notNull(),
    ct: text('ct').notNull(),
    operational: text('operational').notNull().default('{}'),
    submittedAt: integer('submitted_at').notNull(),
    filedAt: integer('filed_at'),
    filedBy: text('filed_by').references(() => users.id),
  },
  (table) => [index('portal_submissions_by_case').on(table.caseId, table.submittedAt)],
);
export type PortalSubmissionRow = typeof portalSubmissions.$inferSelect;
