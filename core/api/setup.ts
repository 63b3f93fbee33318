import { displayNameSchema, emailSchema, fixedBytes, idSchema, publicKey } from './encoding.js';
import { kdfSchema } from './kdf.js';
import { certSchema, keyBundleSchema, rootWrapSchema } from './views.js';
import { z } from './zod.js';

export const setupStatusSchema = z.object({ initialized: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatusSchema>;

/** Everything a new account brings: made in the browser, opaque or public to the server. */
export const newAccountSchema = z.object({
  id: idSchema,
  displayName: displayNameSchema,
  kdf: kdfSchema,
  authKey: fixedBytes('auth key', 32),
  keyBundle: keyBundleSchema,
  recoveryBundle: keyBundleSchema,
  recoveryAuthKey: fixedBytes('recovery auth key', 32),
  x25519Pk: publicKey('x25519 public key'),
  ed25519Pk: publicKey('ed25519 public key'),
});
export type NewAccount = z.infer<typeof newAccountSchema>;

export const setupRequestSchema = z.object({
  org: z
    .object({
      id: idSchema,
      name: z.string().trim().min(1).max(200),
      rootPk: publicKey('org root public key'),
      recoveryPk: publicKey('org recovery public key'),
      recoveryThreshold: z.int().min(1).max(255),
      recoveryShareCount: z.int().min(1).max(255),
      locale: z.enum(['zh-CN', 'en']).optional(),
    })
    .refine((org) => org.recoveryThreshold <= org.recoveryShareCount, {
      error: 'recoveryThreshold must not exceed recoveryShareCount',
      path: ['recoveryThreshold'],
    }),
  admin: newAccountSchema.extend({ email: emailSchema, cert: certSchema }),
  rootWrap: rootWrapSchema,
});
export type SetupRequest = z.input<typeof setupRequestSchema>;
