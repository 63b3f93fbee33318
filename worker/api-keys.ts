import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import {
  API_KEY_CALLS_PER_MINUTE,
  API_KEY_PATTERN,
  API_KEY_PREFIX,
  API_KEY_SHOWN_CHARS,
  type ApiKeyView,
  type ApiScope,
} from '../core/api/api-keys.js';
import { randomBytes, toBase64Url, toHex, utf8 } from '../crypto/bytes.js';
import { sha256 } from '../crypto/hash.js';
import { afterResponse } from './after-response.js';
import { commitAudited } from './audit.js';
import { sealAfterAppend } from './audit-seal.js';
import { type ApiKeyRow, apiKeys } from './db/integrations-schema.js';
import type { OrgRow } from './db/schema.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import { judgeOrg, orgQuery } from './org.js';
import { countApiKeyQuery, refuseOverApiLimit } from './rate-limit.js';

/** Routes authenticated by an API key instead of a session cookie. */
export interface ApiKeyEnv {
  Bindings: AppEnv['Bindings'];
  Variables: AppEnv['Variables'] & { apiKey: ApiKeyRow; org: OrgRow };
}

export function newApiKey(): { secret: string; hash: string; prefix: string } {
  const secret = `${API_KEY_PREFIX}${toBase64Url(randomBytes(32))}`;
  return { secret, hash: hashApiKey(secret), prefix: secret.slice(0, API_KEY_SHOWN_CHARS) };
}

/** 256 random bits: a plain SHA-256 is enough, a slow hash would only slow every call. */
export function hashApiKey(secret: string): string {
  return toHex(sha256(utf8(secret)));
}

export const toApiKeyView = (row: ApiKeyRow): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
  lastUsedAt: row.lastUsedAt,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

const unauthorized = (code: 'invalid_api_key' | 'api_key_expired' | 'api_key_revoked', message: string) =>
  new ApiError(401, code, message, { 'WWW-Authenticate': 'Bearer realm="tacit"' });

/**
 * The key, its per-minute count and the org in one round trip: the count is taken in the same
 * transaction, and only for a key that is known and live.
 */
async function authenticate(
  c: { req: { header(name: string): string | undefined } },
  db: AppEnv['Variables']['db'],
) {
  const presented = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!presented || !API_KEY_PATTERN.test(presented)) {
    throw unauthorized('invalid_api_key', 'send an API key as "Authorization: Bearer tk_…"');
  }
  const secretHash = hashApiKey(presented);
  const now = Date.now();
  const [keyRows, counted, orgRows] = await db.batch([
    db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash)).limit(1),
    countApiKeyQuery(db, secretHash, now),
    orgQuery(db),
  ]);
  const [row] = keyRows;
  if (!row) throw unauthorized('invalid_api_key', 'this API key is not known');
  if (row.revokedAt !== null) throw unauthorized('api_key_revoked', 'this API key has been revoked');
  if (row.expiresAt !== 0 && row.expiresAt <= now)
    throw unauthorized('api_key_expired', 'this API key has expired');
  refuseOverApiLimit(counted, API_KEY_CALLS_PER_MINUTE, now);
  return { key: row, orgRow: judgeOrg(orgRows) };
}

/**
 * Every call made with a known, live key counts against its per-minute limit and is recorded in
 * the audit chain with the answer it got (scope refusals included); the key's last use is
 * stamped in the same batch, after the response (it waits for neither), and sealed then.
 */
export function requireApiKey(scope: ApiScope) {
  return createMiddleware<ApiKeyEnv>(async (c, next) => {
    const { db } = c.var;
    const { key, orgRow } = await authenticate(c, db);
    c.set('apiKey', key);
    c.set('org', orgRow);
    let refusal: ApiError | undefined;
    if (!key.scopes.includes(scope)) {
      refusal = new ApiError(403, 'insufficient_scope', `this call needs the scope ${scope}`);
    } else {
      await next();
    }
    const status = refusal?.status ?? c.res.status;
    const record = async () => {
      await commitAudited(
        db,
        orgRow.id,
        {
          actor: null,
          type: 'api.call',
          subject: key.id,
          details: { method: c.req.method, path: new URL(c.req.url).pathname, scope, status },
        },
        () => [db.update(apiKeys).set({ lastUsedAt: Date.now() }).where(eq(apiKeys.id, key.id))],
      );
      await sealAfterAppend(db, orgRow.id);
    };
    const recordLater = () =>
      record().catch((error: unknown) => {
        // The call was answered; a lost api.call event is logged, not turned into a failure.
        console.error('api.call audit failed', error);
      });
    let ctx: typeof c.executionCtx | undefined;
    try {
      ctx = c.executionCtx;
    } catch {
      // No execution context (a bare app.request): record it before answering.
    }
    if (ctx) afterResponse(ctx, recordLater);
    else await record();
    if (refusal) throw refusal;
  });
}
