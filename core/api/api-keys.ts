import { idSchema } from './encoding.js';
import { z } from './zod.js';

/** What an integration may do with a key; every /api/v1 operation names the one scope it needs. */
export const API_SCOPES = [
  'bookings:read',
  'bookings:write',
  'appointments:read',
  'payments:read',
  'payments:write',
  'reports:read',
] as const;
export const apiScopeSchema = z.enum(API_SCOPES);
export type ApiScope = z.infer<typeof apiScopeSchema>;

/** Keys look like `tk_<43 base64url chars>`: 256 random bits the server only ever stores hashed. */
export const API_KEY_PREFIX = 'tk_';
export const API_KEY_PATTERN = /^tk_[A-Za-z0-9_-]{43}$/;
/** How many leading characters of a key the list shows (prefix included). */
export const API_KEY_SHOWN_CHARS = 10;

export const createApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(apiScopeSchema)
    .min(1, { error: 'at least one scope is required' })
    .refine((scopes) => new Set(scopes).size === scopes.length, { error: 'scopes must not repeat' }),
  /** ms since epoch; 0 = never expires */
  expiresAt: z.int().nonnegative().default(0),
});
export type CreateApiKeyRequest = z.input<typeof createApiKeyRequestSchema>;

export const apiKeyViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiScopeSchema),
  expiresAt: z.int(),
  revokedAt: z.int().nullable(),
  lastUsedAt: z.int().nullable(),
  createdBy: idSchema,
  createdAt: z.int(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

/** The only response that carries the key itself. */
export const createdApiKeySchema = z.object({ key: apiKeyViewSchema, secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const apiKeyListSchema = z.object({ keys: z.array(apiKeyViewSchema) });
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;

export const apiKeyIdParamSchema = z.object({ id: idSchema });

/** Calls per key per minute; a 429 with Retry-After beyond it. */
export const API_KEY_CALLS_PER_MINUTE = 120;
