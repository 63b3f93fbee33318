import { idSchema, publicKey } from './encoding.js';
import { groupWrapSchema, wrappedKeySchema } from './key-wraps.js';
import { z } from './zod.js';

/** PROTOCOL §4 group keys: an admin's browser makes the pair and wraps the private key to members. */

export const groupNameSchema = z.string().trim().min(1).max(100);

export const createGroupRequestSchema = z.object({
  id: idSchema,
  name: groupNameSchema,
  x25519Pk: publicKey('group public key'),
  wraps: z.array(groupWrapSchema).min(1).max(200),
});
export type CreateGroupRequest = z.input<typeof createGroupRequestSchema>;

/** Wraps are added at the group's current epoch only. */
export const addGroupWrapsRequestSchema = z.object({
  epoch: z.int().nonnegative(),
  wraps: z.array(groupWrapSchema).min(1).max(200),
});
export type AddGroupWrapsRequest = z.input<typeof addGroupWrapsRequestSchema>;

export const groupViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  epoch: z.int().nonnegative(),
  x25519Pk: publicKey('group public key'),
  createdAt: z.int(),
});
export type GroupView = z.infer<typeof groupViewSchema>;
export const groupListSchema = z.object({ groups: z.array(groupViewSchema) });
export type GroupList = z.infer<typeof groupListSchema>;

export const myGroupKeySchema = z.object({
  group: groupViewSchema,
  wrap: wrappedKeySchema.extend({ epoch: z.int().nonnegative(), byUserId: idSchema }),
});
export type MyGroupKey = z.infer<typeof myGroupKeySchema>;

export const groupIdParamSchema = z.object({ id: idSchema });
