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
  'user.profile_updated',
  'user.supervisor_assigned',
  'admin.root_wrap_stored',
  'audit.checkpoint_signed',
  'group.created',
  'group.wraps_added',
  'group.key_read',
  'group.contact_wraps_read',
  'group.rotated',
  'client.created',
  'client.read',
  'client.cards_read',
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
  'case.looked_up',
  'form.draft_saved',
  'form.draft_discarded',
  'form.published',
  'form.template_installed',
  'audit.exported',
  'audit.access_report_read',
  'client.exported',
  'retention.policy_set',
  'case.destruction_requested',
  'case.destruction_cancelled',
  'case.destroyed',
  'backup.exported',
  'backup.imported',
  'portal.link_created',
  'portal.link_revoked',
  'portal.submitted',
  'portal.submissions_read',
  'portal.submission_filed',
  'portal.submission_discarded',
  'schedule.settings_changed',
  'schedule.availability_changed',
  'leave.requested',
  'leave.decided',
  'leave.cancelled',
  'appointment.booked',
  'appointment.rescheduled',
  'appointment.status_changed',
  'appointment.case_linked',
  'calendar_feed.issued',
  'calendar_feed.revoked',
  'reminder.opt_in_changed',
  'api_key.created',
  'api_key.revoked',
  'api.call',
  'booking.requested',
  'booking.status_changed',
  'booking.requests_read',
  'booking.request_read',
  'payment.recorded',
  'payment.refunded',
  'webhook.endpoint_created',
  'webhook.endpoint_updated',
  'webhook.redelivered',
  'rule.created',
  'rule.updated',
  'rule.enabled',
  'rule.disabled',
  'rule.shipped_installed',
  'dashboard.created',
  'dashboard.updated',
  'dashboard.deleted',
  'dashboard.shipped_installed',
  'workflow.definition_saved',
  'workflow.published',
  'workflow.started',
  'workflow.task_done',
  'workflow.timer_fired',
  'workflow.task_reminded',
  'workflow.task_escalated',
  'conference.opened',
  'conference.message_posted',
  'conference.messages_read',
  'conference.participant_added',
  'conference.participant_removed',
  'conference.key_rotated',
  'staff_key.created',
  'staff_key.read',
  'staff_key.wraps_added',
  'staff_key.rotated',
  'knowledge.category_created',
  'knowledge.article_saved',
  'knowledge.attachment_uploaded',
  'supervision.theme_created',
  'supervision.themes_set',
  'knowledge.attachment_read',
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
const auditTypeSchema = z.string().regex(/^[a-z_]+\.[a-z_]+$/, { error: 'must be an event type' });
const instantSchema = z.coerce.number().int().nonnegative();

/** The viewer's filters: who, on what (a case, client or user id), which kind, and when (ms, [from, to)). */
export const auditFilterSchema = z.object({
  actor: idSchema.optional(),
  subject: z.string().min(1).max(100).optional(),
  type: auditTypeSchema.optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditPageQuerySchema = auditFilterSchema.extend({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});

/** An export of the log (CSV or JSON, with prevHash and hash) is itself an audit event. */
export const auditExportRequestSchema = z.object({
  format: z.enum(['csv', 'json']),
  filter: auditFilterSchema.strict(),
  events: z.int().nonnegative(),
});
export type AuditExportRequest = z.input<typeof auditExportRequestSchema>;

/** "Who accessed this case (or this client)": every event on it, oldest first. */
export const accessReportSchema = z.object({ events: z.array(auditEventViewSchema) });
export type AccessReport = z.infer<typeof accessReportSchema>;
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
