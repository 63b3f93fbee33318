import { index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { ACCESS_REASONS, ACCESS_REQUEST_STATUSES } from '../../core/api/access-requests.js';
import { CASE_STATUSES } from '../../core/api/cases.js';
import { PERMISSIONS } from '../../core/api/key-wraps.js';
import { clients } from './clients-schema.js';
import { users } from './platform-schema.js';

/**
 * Case files (migrations/0002, 0003): cases, their key epochs and wraps, records, the case log,
 * access requests and attachments. The SQL is the source of truth.
 */

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
