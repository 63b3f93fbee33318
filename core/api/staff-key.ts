import { fixedBytes, idSchema } from './encoding.js';
import { wrappedKeySchema } from './key-wraps.js';
import { z } from './zod.js';

/**
 * The staff key (issue 14, crypto/staff-key.ts): one symmetric key per epoch for what the whole
 * center shares (the knowledge base), wrapped to every active certified staff member, rotated by a
 * holder's browser when a holder has left. The server stores wraps and the key chain only.
 */

/** Staff who may write knowledge-base articles; every certified staff member reads them. */
export const KNOWLEDGE_WRITER_ROLES = ['admin', 'director', 'supervisor', 'counselor'] as const;

export const MAX_STAFF_WRAPS = 500;

export const staffWrapSchema = wrappedKeySchema.extend({ to: idSchema });
export type StaffWrap = z.input<typeof staffWrapSchema>;

/** POST /api/staff-key: the first key (epoch 0), wrapped to the caller and whoever else is staff. */
export const createStaffKeyRequestSchema = z.object({
  wraps: z.array(staffWrapSchema).min(1).max(MAX_STAFF_WRAPS),
});
export type CreateStaffKeyRequest = z.input<typeof createStaffKeyRequestSchema>;

/** POST /api/staff-key/wraps: a holder wraps the current epoch to staff who joined since. */
export const addStaffWrapsRequestSchema = z.object({
  epoch: z.int().nonnegative(),
  wraps: z.array(staffWrapSchema).min(1).max(MAX_STAFF_WRAPS),
});
export type AddStaffWrapsRequest = z.input<typeof addStaffWrapsRequestSchema>;

/** 32-byte key in a kind 0x03 envelope: 58-byte header + 32 + 16-byte tag. */
export const STAFF_KEY_CHAIN_BYTES = 106;

/** POST /api/staff-key/rotate: epoch e+1 for the staff who remain, and e's key under e+1's. */
export const rotateStaffKeyRequestSchema = z.object({
  epoch: z.int().positive(),
  chain: fixedBytes('key chain envelope', STAFF_KEY_CHAIN_BYTES),
  wraps: z.array(staffWrapSchema).min(1).max(MAX_STAFF_WRAPS),
});
export type RotateStaffKeyRequest = z.input<typeof rotateStaffKeyRequestSchema>;

/** GET /api/staff-key: epoch null while the center has no staff key yet. */
export const staffKeyViewSchema = z.object({
  epoch: z.int().nonnegative().nullable(),
  /** mine at the current epoch, or null when nobody has wrapped it to me yet */
  wrap: wrappedKeySchema.extend({ epoch: z.int().nonnegative(), byUserId: idSchema }).nullable(),
  /** who holds the current epoch; `departed` of them are no longer active certified staff */
  holders: z.array(idSchema),
  departed: z.array(idSchema),
  /** every earlier epoch's key under the next one's (epoch = the earlier epoch) */
  chain: z.array(z.object({ epoch: z.int().nonnegative(), envelope: z.string() })),
});
export type StaffKeyView = z.infer<typeof staffKeyViewSchema>;

export const staffKeyEpochResponseSchema = z.object({ ok: z.literal(true), epoch: z.int().nonnegative() });
