import { fixedBytes, idSchema, opaqueBytes } from './encoding.js';
import { permissionSchema } from './key-wraps.js';
import { z } from './zod.js';

/**
 * Temporary access (DESIGN §2): a supervisor or another clinician asks, the primary counselor or a
 * director decides, a current write holder's browser delivers the wrap. The reason is an
 * operational category; a free-text note is secret, so the requester's browser HPKE-seals it to
 * the primary counselor's X25519 key (info "tacit/1/access-note|org=…|request=<id>|to=<user id>",
 * aad empty, pt = UTF-8 note) and the server keeps it opaque.
 */

export const ACCESS_REASONS = ['supervision', 'consultation', 'coverage', 'audit'] as const;
export const accessReasonSchema = z.enum(ACCESS_REASONS);

export const ACCESS_REQUEST_STATUSES = ['pending', 'approved', 'denied', 'delivered', 'cancelled'] as const;
export const accessRequestStatusSchema = z.enum(ACCESS_REQUEST_STATUSES);

export const MIN_ACCESS_MS = 15 * 60_000;
export const MAX_ACCESS_MS = 180 * 24 * 60 * 60_000;
export const MAX_NOTE_BYTES = 4096;

export const sealedNoteSchema = z.object({
  enc: fixedBytes('note enc', 32),
  ct: opaqueBytes('note ciphertext', MAX_NOTE_BYTES),
});

export const createAccessRequestSchema = z.object({
  id: idSchema,
  reason: accessReasonSchema,
  perm: permissionSchema.default('read'),
  durationMs: z.int().min(MIN_ACCESS_MS).max(MAX_ACCESS_MS),
  note: sealedNoteSchema.optional(),
});
export type CreateAccessRequest = z.input<typeof createAccessRequestSchema>;

export const accessRequestViewSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  requesterId: idSchema,
  reason: accessReasonSchema,
  perm: permissionSchema,
  durationMs: z.int().positive(),
  status: accessRequestStatusSchema,
  note: sealedNoteSchema.extend({ toUserId: idSchema }).nullable(),
  decidedBy: idSchema.nullable(),
  decidedAt: z.int().nullable(),
  grantId: idSchema.nullable(),
  createdAt: z.int(),
});
export type AccessRequestView = z.infer<typeof accessRequestViewSchema>;
export const accessRequestListSchema = z.object({ requests: z.array(accessRequestViewSchema) });
export type AccessRequestList = z.infer<typeof accessRequestListSchema>;

export const accessRequestListQuerySchema = z.object({ role: z.enum(['approver', 'requester']) });
export const accessDecisionRequestSchema = z.object({ decision: z.enum(['approve', 'deny']) });
export type AccessDecisionRequest = z.input<typeof accessDecisionRequestSchema>;

export const accessRequestIdParamSchema = z.object({ id: idSchema });
