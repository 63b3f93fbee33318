import { hashHexSchema, idSchema, signature } from './encoding.js';
import { z } from './zod.js';

/** Every kind of event the audit chain records (PROTOCOL §8). */
export const AUDIT_EVENT_TYPES = [
  'org.created',
  'auth.login',
  'auth.login_failed',
  'auth.recovery_login',
  'auth.recovery_login_failed',
  'auth.logout',
  'auth.passphrase_changed',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'user.certified',
  'user.updated',
  'admin.root_wrap_stored',
  'audit.checkpoint_signed',
  'group.created',
  'group.wraps_added',
  'group.key_read',
  'client.created',
  'client.read',
  'client.wraps_added',
  'case.created',
  'case.read',
  'case.record_appended',
  'case.status_changed',
  'case.transferred',
  'case.grant_delivered',
  'case.grant_revoked',
  'case.key_rotated',
  'access.requested',
  'access.approved',
  'access.denied',
  'access.cancelled',
  'recovery.wraps_read',
  'recovery.case_reassigned',
  'attachment.uploaded',
  'attachment.read',
  'case.exported',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/**
 * The hashed event is exactly {seq, at, actor, type, subject, details}:
 * h_n = SHA-256(h_{n-1} || canonical JSON of that object); h_0 = SHA-256("tacit/1/audit|" + org id).
 */
export const auditEventViewSchema = z.object({
  seq: z.int().positive(),
  at: z.int(),
  actor: idSchema.nullable(),
  type: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.json()),
  prevHash: hashHexSchema,
  hash: hashHexSchema,
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const AUDIT_PAGE_MAX = 200;
export const auditPageQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});
export const auditPageSchema = z.object({
  events: z.array(auditEventViewSchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditHeadSchema = z.object({ n: z.int().nonnegative(), head: hashHexSchema });
export type AuditHead = z.infer<typeof auditHeadSchema>;

export const auditCheckpointRequestSchema = z.object({
  n: z.int().positive(),
  head: hashHexSchema,
  sig: signature('checkpoint signature'),
});
export type AuditCheckpointRequest = z.input<typeof auditCheckpointRequestSchema>;

export const auditCheckpointViewSchema = auditCheckpointRequestSchema.extend({
  adminUserId: idSchema,
  createdAt: z.int(),
});
export type AuditCheckpointView = z.infer<typeof auditCheckpointViewSchema>;
export const auditCheckpointListSchema = z.object({ checkpoints: z.array(auditCheckpointViewSchema) });
export type AuditCheckpointList = z.infer<typeof auditCheckpointListSchema>;
