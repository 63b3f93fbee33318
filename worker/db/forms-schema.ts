import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cases } from './case-schema.js';
import { users } from './platform-schema.js';

/** Forms and the client portal (migrations/0004, 0009). The SQL is the source of truth. */

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
