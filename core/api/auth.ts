import { emailSchema, fixedBytes } from './encoding.js';
import { kdfSchema } from './kdf.js';
import { keyBundleSchema, sessionViewSchema } from './views.js';
import { z } from './zod.js';

export const SESSION_COOKIE = 'tacit_session';

export const authParamsRequestSchema = z.object({ email: emailSchema });
export type AuthParamsRequest = z.input<typeof authParamsRequestSchema>;
export const authParamsResponseSchema = kdfSchema;
export type AuthParamsResponse = z.infer<typeof authParamsResponseSchema>;

export const loginRequestSchema = z.object({ email: emailSchema, authKey: fixedBytes('auth key', 32) });
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const recoveryLoginRequestSchema = z.object({
  email: emailSchema,
  recoveryAuthKey: fixedBytes('recovery auth key', 32),
});
export type RecoveryLoginRequest = z.input<typeof recoveryLoginRequestSchema>;

/** Login, recovery login and GET /api/auth/session answer with a SessionView. */
export const loginResponseSchema = sessionViewSchema;
export const recoveryLoginResponseSchema = sessionViewSchema.extend({ recoveryBundle: keyBundleSchema });
export type RecoveryLoginResponse = z.infer<typeof recoveryLoginResponseSchema>;

/**
 * Re-authenticates with the current passphrase's auth key, or with the recovery auth key after a
 * recovery login (the old passphrase is what was lost).
 */
export const passphraseChangeRequestSchema = z
  .object({
    currentAuthKey: fixedBytes('current auth key', 32).optional(),
    currentRecoveryAuthKey: fixedBytes('current recovery auth key', 32).optional(),
    kdf: kdfSchema,
    authKey: fixedBytes('auth key', 32),
    keyBundle: keyBundleSchema,
    recovery: z
      .object({ recoveryBundle: keyBundleSchema, recoveryAuthKey: fixedBytes('recovery auth key', 32) })
      .optional(),
  })
  .refine((body) => (body.currentAuthKey === undefined) !== (body.currentRecoveryAuthKey === undefined), {
    error: 'exactly one of currentAuthKey and currentRecoveryAuthKey is required',
  });
export type PassphraseChangeRequest = z.input<typeof passphraseChangeRequestSchema>;

export const okResponseSchema = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof okResponseSchema>;
