import {
  displayNameSchema,
  emailSchema,
  fixedBytes,
  idSchema,
  opaqueBytes,
  publicKey,
  signature,
} from './encoding.js';
import { kdfSchema } from './kdf.js';
import { rolesSchema } from './roles.js';
import { z } from './zod.js';

/** Shapes the server returns, shared so the web client can validate what an untrusted server sends. */

export const MAX_KEY_BUNDLE_BYTES = 1024;
export const MAX_WRAP_BYTES = 1024;

export const keyBundleSchema = opaqueBytes('key bundle', MAX_KEY_BUNDLE_BYTES);

/** PROTOCOL §4: the org root key's signature over a user's public keys. */
export const certSchema = z.object({
  issuedAtMs: z.int().nonnegative(),
  sig: signature('certificate signature'),
});
export type Cert = z.infer<typeof certSchema>;

export const orgSettingsSchema = z.object({
  sessionIdleMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  sessionAbsoluteHours: z
    .int()
    .min(1)
    .max(7 * 24),
  locale: z.enum(['zh-CN', 'en']),
  /** The institution's time zone: every schedule is shown and booked in it. */
  timeZone: z.string(),
});
export type OrgSettingsView = z.infer<typeof orgSettingsSchema>;

export const orgViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  rootPk: publicKey('org root public key'),
  recoveryPk: publicKey('org recovery public key'),
  recoveryThreshold: z.int(),
  recoveryShareCount: z.int(),
  settings: orgSettingsSchema,
});
export type OrgView = z.infer<typeof orgViewSchema>;

export const userViewSchema = z.object({
  id: idSchema,
  email: emailSchema,
  displayName: displayNameSchema,
  roles: rolesSchema,
  status: z.enum(['active', 'disabled']),
  x25519Pk: publicKey('x25519 public key'),
  ed25519Pk: publicKey('ed25519 public key'),
  cert: certSchema.nullable(),
  createdAt: z.int(),
  /** The counselor's supervisor, assigned by an admin; null when none is. */
  supervisorId: idSchema.nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** PROTOCOL §4: the org root Ed25519 seed HPKE-wrapped to one admin. */
export const rootWrapSchema = z.object({
  enc: fixedBytes('root wrap enc', 32),
  ct: opaqueBytes('root wrap ciphertext', MAX_WRAP_BYTES),
  sig: signature('root wrap signature'),
});
export type RootWrap = z.infer<typeof rootWrapSchema>;

export const rootWrapViewSchema = rootWrapSchema.extend({ byUserId: idSchema });
export type RootWrapView = z.infer<typeof rootWrapViewSchema>;

/** What a signed-in browser needs to unlock: returned by login, recovery login and GET session. */
export const sessionViewSchema = z.object({
  user: userViewSchema,
  org: orgViewSchema,
  kdf: kdfSchema,
  keyBundle: keyBundleSchema,
  rootWrap: rootWrapViewSchema.nullable(),
  session: z.object({ idleExpiresAt: z.int(), absoluteExpiresAt: z.int() }),
});
export type SessionView = z.infer<typeof sessionViewSchema>;
