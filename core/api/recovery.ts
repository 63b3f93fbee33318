import { caseSummarySchema } from './cases.js';
import { idSchema } from './encoding.js';
import { wrappedKeySchema } from './key-wraps.js';
import { userViewSchema } from './views.js';
import { z } from './zod.js';

/**
 * The recovery ceremony (issue 4, PROTOCOL §4): M directors bring their shares of the org recovery
 * key to one browser, which opens the cases of a departed counselor from their wraps to the
 * recovery key and re-wraps each to a new counselor. The server hands out recovery wraps only to
 * directors, and records every step in the audit chain.
 */

export const recoveryCasesQuerySchema = z.object({ primaryCounselor: idSchema });

export const recoverableCaseSchema = z.object({
  case: caseSummarySchema,
  /** the current epoch's wrap to the org recovery key */
  recoveryWrap: wrappedKeySchema.extend({ epoch: z.int().nonnegative(), byUserId: idSchema }),
});
export type RecoverableCase = z.infer<typeof recoverableCaseSchema>;

export const recoverableCaseListSchema = z.object({
  cases: z.array(recoverableCaseSchema),
  /** certified public keys of the granters and of every counselor a case may go to */
  people: z.array(userViewSchema),
});
export type RecoverableCaseList = z.infer<typeof recoverableCaseListSchema>;

/** The case key, opened with the recovery key, wrapped to the new counselor by the director. */
export const reassignCaseRequestSchema = z.object({
  epoch: z.int().nonnegative(),
  newCounselorId: idSchema,
  wrap: wrappedKeySchema,
});
export type ReassignCaseRequest = z.input<typeof reassignCaseRequestSchema>;
