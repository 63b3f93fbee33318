import { accessRequestViewSchema } from './access-requests.js';
import { caseLogLineSchema, caseRecordViewSchema } from './case-records.js';
import { fixedBytes, hashHexSchema, idSchema, publicKey } from './encoding.js';
import { caseWrapSchema, caseWrapViewSchema, permissionSchema } from './key-wraps.js';
import { userViewSchema } from './views.js';
import { z } from './zod.js';

/** Cases: 一案一档一授权 — one case, one file, one authorization (DESIGN §2). */

export const CASE_STATUSES = ['intake', 'active', 'closing', 'closed', 'archived'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** The transitions a case may take; `archived` is final. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  intake: ['active', 'closed'],
  active: ['closing'],
  closing: ['active', 'closed'],
  closed: ['active', 'archived'],
  archived: [],
};

export const SERVICE_TYPES = [
  'individual',
  'couple',
  'family',
  'group',
  'child_adolescent',
  'crisis',
  'assessment',
] as const;
export const serviceTypeSchema = z.enum(SERVICE_TYPES);

export const CASE_CHANNELS = ['in_person', 'video', 'phone', 'chat'] as const;
export const caseChannelSchema = z.enum(CASE_CHANNELS);

/** A 32-byte key or X25519 private key in a kind 0x03 envelope: 58 B header + 32 B + 16 B tag. */
export const keyEnvelopeSchema = (what: string) => fixedBytes(what, 106);

/** The case inbox key pair of one epoch (PROTOCOL §4): public key, private key under the case key. */
export const caseInboxSchema = z.object({
  pk: publicKey('case inbox public key'),
  sealed: keyEnvelopeSchema('sealed case inbox key'),
});

/**
 * Epoch 0 of a new case: the caller is the primary counselor. Exactly two wraps, both by the
 * caller: to the caller (write, no expiry) and to the org recovery key (write, no expiry).
 */
export const createCaseRequestSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  serviceType: serviceTypeSchema,
  channel: caseChannelSchema,
  inbox: caseInboxSchema,
  wraps: z.array(caseWrapSchema).min(1).max(2),
});
export type CreateCaseRequest = z.input<typeof createCaseRequestSchema>;

export const updateCaseRequestSchema = z.object({ status: caseStatusSchema });
export type UpdateCaseRequest = z.input<typeof updateCaseRequestSchema>;

export const transferCaseRequestSchema = z.object({ primaryCounselorId: idSchema });
export type TransferCaseRequest = z.input<typeof transferCaseRequestSchema>;

/** Operational metadata only: what the server may compute on. */
export const caseSummarySchema = z.object({
  id: idSchema,
  clientId: idSchema,
  primaryCounselorId: idSchema,
  status: caseStatusSchema,
  serviceType: serviceTypeSchema,
  channel: caseChannelSchema,
  openedAt: z.int(),
  closedAt: z.int().nullable(),
  currentEpoch: z.int().nonnegative(),
  logSeq: z.int().nonnegative(),
  logHead: hashHexSchema,
  /** A grant was revoked or has expired since the last rotation (PROTOCOL §5). */
  needsRotation: z.boolean(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const myCaseSchema = caseSummarySchema.extend({
  myPerm: permissionSchema,
  /** 0 = no expiry */
  myExpiresAt: z.int().nonnegative(),
});
export type MyCase = z.infer<typeof myCaseSchema>;
export const myCaseListSchema = z.object({ cases: z.array(myCaseSchema) });
export type MyCaseList = z.infer<typeof myCaseListSchema>;

/** Wrap metadata without the wrapped key: who holds the case key at the current epoch. */
export const grantViewSchema = z.object({
  id: idSchema,
  epoch: z.int().nonnegative(),
  to: caseWrapSchema.shape.to,
  perm: permissionSchema,
  expiresAt: z.int().nonnegative(),
  byUserId: idSchema,
  createdAt: z.int(),
  status: z.enum(['live', 'expired', 'revoked']),
});
export type GrantView = z.infer<typeof grantViewSchema>;

export const caseEpochViewSchema = z.object({
  epoch: z.int().nonnegative(),
  inbox: caseInboxSchema,
});

/** PROTOCOL §5 key chain: `envelope` is epoch `epoch`'s key sealed under epoch `epoch + 1`'s. */
export const keyChainLinkSchema = z.object({
  epoch: z.int().nonnegative(),
  envelope: keyEnvelopeSchema('key chain envelope'),
});
export type KeyChainLink = z.infer<typeof keyChainLinkSchema>;

/**
 * GET /api/cases/:id — everything a key holder's browser needs to verify and open the file in
 * one round trip. `history` is present with ?history=<record id>: every revision of that record.
 */
export const caseFileViewSchema = z.object({
  case: myCaseSchema,
  epochs: z.array(caseEpochViewSchema),
  keyChain: z.array(keyChainLinkSchema),
  /** The caller's live wraps, every epoch they were granted; older epochs open through the chain. */
  myWraps: z.array(caseWrapViewSchema),
  grants: z.array(grantViewSchema),
  log: z.array(caseLogLineSchema),
  records: z.array(caseRecordViewSchema),
  history: z.array(caseRecordViewSchema).optional(),
  /** Approved access requests waiting for a write holder's browser to deliver the wrap. */
  pendingDeliveries: z.array(accessRequestViewSchema),
  /** Certified public keys of every author, granter and holder named above. */
  people: z.array(userViewSchema),
});
export type CaseFileView = z.infer<typeof caseFileViewSchema>;

export const caseIdParamSchema = z.object({ id: idSchema });
export const caseFileQuerySchema = z.object({ history: idSchema.optional() });
