import { caseSummarySchema, serviceTypeSchema } from './cases.js';
import { idSchema } from './encoding.js';
import { z } from './zod.js';

/**
 * Data rights (PIPL arts. 19 and 47, GDPR arts. 17 and 20): retention per service type, and
 * destruction by crypto-shredding, asked for by a director and confirmed by a key holder of the
 * case — two different people (issue 11).
 */

export const retentionPolicySchema = z.object({
  serviceType: serviceTypeSchema,
  keepYears: z.int().min(1).max(100),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const retentionPolicyViewSchema = retentionPolicySchema.extend({
  updatedBy: idSchema,
  updatedAt: z.int(),
});
export type RetentionPolicyView = z.infer<typeof retentionPolicyViewSchema>;

export const retentionPolicyListSchema = z.object({ policies: z.array(retentionPolicyViewSchema) });
export type RetentionPolicyList = z.infer<typeof retentionPolicyListSchema>;

/** Replaces the whole set: a service type left out keeps its cases indefinitely. */
export const setRetentionPoliciesRequestSchema = z.object({
  policies: z
    .array(retentionPolicySchema)
    .max(50)
    .refine((list) => new Set(list.map((policy) => policy.serviceType)).size === list.length, {
      error: 'one policy per service type',
    }),
});
export type SetRetentionPoliciesRequest = z.input<typeof setRetentionPoliciesRequestSchema>;

export const DESTRUCTION_REASONS = ['retention_expired', 'subject_request', 'other'] as const;
export const destructionReasonSchema = z.enum(DESTRUCTION_REASONS);
export type DestructionReason = z.infer<typeof destructionReasonSchema>;

export const DESTRUCTION_STATUSES = ['pending', 'destroyed', 'cancelled'] as const;

export const destructionViewSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  reason: destructionReasonSchema,
  status: z.enum(DESTRUCTION_STATUSES),
  requestedBy: idSchema,
  requestedAt: z.int(),
  decidedBy: idSchema.nullable(),
  decidedAt: z.int().nullable(),
});
export type DestructionView = z.infer<typeof destructionViewSchema>;

export const destructionListSchema = z.object({ destructions: z.array(destructionViewSchema) });
export type DestructionList = z.infer<typeof destructionListSchema>;

export const requestDestructionSchema = z.object({ reason: destructionReasonSchema });
export type RequestDestruction = z.input<typeof requestDestructionSchema>;

export const destructionIdParamSchema = z.object({ id: idSchema });

/** A closed case whose retention ran out: destroyable from `dueAt` (closedAt + keepYears). */
export const dueCaseSchema = z.object({
  case: caseSummarySchema,
  keepYears: z.int(),
  dueAt: z.int(),
  destruction: destructionViewSchema.nullable(),
});
export type DueCase = z.infer<typeof dueCaseSchema>;
export const dueCaseListSchema = z.object({ cases: z.array(dueCaseSchema) });
export type DueCaseList = z.infer<typeof dueCaseListSchema>;

/** What a shred removed, as counted by the server; the same counts go into the tombstone. */
export const destructionResultSchema = z.object({
  destruction: destructionViewSchema,
  removed: z.object({
    caseKeyWraps: z.int(),
    records: z.int(),
    logEntries: z.int(),
    epochs: z.int(),
    attachments: z.int(),
    attachmentObjects: z.int(),
    accessRequests: z.int(),
    portalSubmissions: z.int(),
    contactCard: z.boolean(),
    contactKeyWraps: z.int(),
  }),
});
export type DestructionResult = z.infer<typeof destructionResultSchema>;

/** A client's own data, exported by a key holder's browser (GDPR art. 20, PIPL art. 45). */
export const clientExportRequestSchema = z.object({ cases: z.array(idSchema).max(500) });
export type ClientExportRequest = z.input<typeof clientExportRequestSchema>;
