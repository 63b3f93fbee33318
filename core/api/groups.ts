import { fixedBytes, idSchema, publicKey, signature } from './encoding.js';
import { groupWrapSchema, wrappedKeySchema } from './key-wraps.js';
import { z } from './zod.js';

/**
 * PROTOCOL §4 group keys. The front desk is the one group: its members are the active users with
 * certified keys and the front-desk role. An admin's browser makes the first pair; after that a
 * member's browser adds newcomers and, when someone leaves, rotates to a new pair and re-wraps
 * every contact-card key the group held (crypto/group-key.ts signs each public key).
 */

/** The role whose holders are the front-desk group's members. */
export const FRONT_DESK_ROLE = 'frontdesk';

export const groupNameSchema = z.string().trim().min(1).max(100);

/** One request carries at most this many re-wrapped contact-card keys. */
export const MAX_GROUP_CONTACT_REWRAPS = 2000;

export const createGroupRequestSchema = z.object({
  id: idSchema,
  name: groupNameSchema,
  x25519Pk: publicKey('group public key'),
  pkSig: signature('group public key signature'),
  wraps: z.array(groupWrapSchema).min(1).max(200),
});
export type CreateGroupRequest = z.input<typeof createGroupRequestSchema>;

/** Wraps are added at the group's current epoch only. */
export const addGroupWrapsRequestSchema = z.object({
  epoch: z.int().nonnegative(),
  wraps: z.array(groupWrapSchema).min(1).max(200),
});
export type AddGroupWrapsRequest = z.input<typeof addGroupWrapsRequestSchema>;

/** A contact-card key of the group, re-wrapped to the new group key (same card epoch and grant). */
export const groupContactRewrapSchema = wrappedKeySchema.extend({ clientId: idSchema });
export type GroupContactRewrap = z.input<typeof groupContactRewrapSchema>;

/** 32-byte X25519 private key sealed with HPKE: enc 32 B, ct = key + tag = 48 B. */
export const groupKeyChainLinkSchema = z.object({
  enc: fixedBytes('chain enc', 32),
  ct: fixedBytes('chain ciphertext', 48),
});

/** epoch e+1: a new pair, wrapped to the remaining members, and every card the group held. */
export const rotateGroupRequestSchema = z.object({
  epoch: z.int().positive(),
  x25519Pk: publicKey('group public key'),
  pkSig: signature('group public key signature'),
  wraps: z.array(groupWrapSchema).min(1).max(200),
  contactWraps: z.array(groupContactRewrapSchema).max(MAX_GROUP_CONTACT_REWRAPS),
  /** epoch e's private key HPKE-sealed to the new public key (the group key chain) */
  chain: groupKeyChainLinkSchema,
});
export type RotateGroupRequest = z.input<typeof rotateGroupRequestSchema>;

export const rotatedGroupSchema = z.object({ ok: z.literal(true), epoch: z.int().positive() });

export const groupViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  epoch: z.int().nonnegative(),
  x25519Pk: publicKey('group public key'),
  /** null only for a group made before keys were signed: browsers refuse to wrap to it */
  pkSig: signature('group public key signature').nullable(),
  pkBy: idSchema.nullable(),
  createdAt: z.int(),
});
export type GroupView = z.infer<typeof groupViewSchema>;
export const groupListSchema = z.object({ groups: z.array(groupViewSchema) });
export type GroupList = z.infer<typeof groupListSchema>;

export const myGroupKeySchema = z.object({
  group: groupViewSchema,
  wrap: wrappedKeySchema.extend({ epoch: z.int().nonnegative(), byUserId: idSchema }),
  /** who holds the current key; `departed` of them are no longer members, so the key must rotate */
  holders: z.array(idSchema),
  departed: z.array(idSchema),
  /** every earlier epoch's private key, each sealed to the next epoch's public key */
  chain: z.array(groupKeyChainLinkSchema.extend({ epoch: z.int().nonnegative() })),
});
export type MyGroupKey = z.infer<typeof myGroupKeySchema>;

/** The group's contact-card wraps at each card's current epoch, for a rotating member to re-wrap. */
export const groupContactWrapListSchema = z.object({
  epoch: z.int().nonnegative(),
  wraps: z.array(
    wrappedKeySchema.extend({
      clientId: idSchema,
      epoch: z.int().nonnegative(),
      perm: z.enum(['read', 'write']),
      expiresAt: z.int().nonnegative(),
      byUserId: idSchema,
    }),
  ),
});
export type GroupContactWrapList = z.infer<typeof groupContactWrapListSchema>;

export const groupIdParamSchema = z.object({ id: idSchema });
