import { fixedBytes, idSchema, signature, timestampSchema } from './encoding.js';
import { z } from './zod.js';

/**
 * PROTOCOL §5: a 32-byte key HPKE-wrapped to one recipient (enc 32 B, ct = key + tag = 48 B) and
 * signed by the granter. The server stores exactly the metadata the recipient rebuilds `info`
 * from, and checks the signature against the granter's certified key before storing anything.
 */

export const PERMISSIONS = ['read', 'write'] as const;
export const permissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof permissionSchema>;

/** The recipient of a case key's wrap to the org recovery key (crypto/README.md). */
export const ORG_RECOVERY = 'org-recovery';

export const wrappedKeySchema = z.object({
  enc: fixedBytes('wrap enc', 32),
  ct: fixedBytes('wrap ciphertext', 48),
  sig: signature('wrap signature'),
});
export type WrappedKeyJson = z.infer<typeof wrappedKeySchema>;

/** ms since epoch; 0 = no expiry. */
export const expirySchema = timestampSchema;

/** A case-key wrap as a browser uploads it (the epoch and granter come from the request). */
export const caseWrapSchema = wrappedKeySchema.extend({
  to: z.union([idSchema, z.literal(ORG_RECOVERY)]),
  perm: permissionSchema,
  expiresAt: expirySchema,
});
export type CaseWrap = z.input<typeof caseWrapSchema>;

export const caseWrapViewSchema = caseWrapSchema.extend({
  id: idSchema,
  epoch: z.int().nonnegative(),
  byUserId: idSchema,
  createdAt: z.int(),
});
export type CaseWrapView = z.infer<typeof caseWrapViewSchema>;

/** A contact-card key wrap: to a user or to a group (the front desk). */
export const contactWrapSchema = wrappedKeySchema.extend({
  toKind: z.enum(['user', 'group']),
  to: idSchema,
  perm: permissionSchema,
  expiresAt: expirySchema,
});
export type ContactWrap = z.input<typeof contactWrapSchema>;

export const contactWrapViewSchema = contactWrapSchema.extend({
  id: idSchema,
  epoch: z.int().nonnegative(),
  byUserId: idSchema,
  createdAt: z.int(),
});
export type ContactWrapView = z.infer<typeof contactWrapViewSchema>;

/** A group private key wrapped to one member (`tacit/1/group-grant|…`: no perm, no expiry). */
export const groupWrapSchema = wrappedKeySchema.extend({ to: idSchema });
export type GroupWrap = z.input<typeof groupWrapSchema>;
