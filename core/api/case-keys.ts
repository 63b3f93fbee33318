import { caseInboxSchema, keyEnvelopeSchema } from './cases.js';
import { idSchema } from './encoding.js';
import { caseWrapSchema, caseWrapViewSchema } from './key-wraps.js';
import { z } from './zod.js';

/**
 * POST /api/cases/:id/grants: a current write holder's browser delivers a wrap of the current
 * epoch's key. Either it delivers an approved access request (`requestId`: to the requester, with
 * the requested permission and an expiry within the approved duration), or it gives the case's
 * primary counselor write access without expiry (after a transfer).
 */
export const deliverGrantRequestSchema = z.object({
  epoch: z.int().nonnegative(),
  requestId: idSchema.optional(),
  wrap: caseWrapSchema,
});
export type DeliverGrantRequest = z.input<typeof deliverGrantRequestSchema>;
export const deliverGrantResponseSchema = caseWrapViewSchema;

/**
 * POST /api/cases/:id/rotate (PROTOCOL §5 "Revocation rotates"): epoch e+1 wrapped to every live
 * holder of epoch e with the same permission and expiry, and to the org recovery key; epoch e's
 * key under epoch e+1's; a new inbox key pair.
 */
export const rotateCaseKeyRequestSchema = z.object({
  epoch: z.int().positive(),
  previousKeyEnvelope: keyEnvelopeSchema('previous epoch key envelope'),
  inbox: caseInboxSchema,
  wraps: z.array(caseWrapSchema).min(2).max(200),
});
export type RotateCaseKeyRequest = z.input<typeof rotateCaseKeyRequestSchema>;
export const rotateCaseKeyResponseSchema = z.object({ epoch: z.int().positive() });

export const grantIdParamSchema = z.object({ id: idSchema, grantId: idSchema });
