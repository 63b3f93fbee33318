import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { apiKeyIdParamSchema, createApiKeyRequestSchema } from '../../core/api/api-keys.js';
import { newApiKey, toApiKeyView } from '../api-keys.js';
import { commitAudited } from '../audit.js';
import { type ApiKeyRow, apiKeys } from '../db/integrations-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';

/** Admins manage the keys integrations call /api/v1 with; a key's secret is shown once. */
export const apiKeyRoutes = new Hono<AppEnv>();

apiKeyRoutes.use('*', requireRoles('admin'));

apiKeyRoutes.get('/', async (c) => {
  const rows = await c.var.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return c.json({ keys: rows.map(toApiKeyView) });
});

apiKeyRoutes.post('/', jsonBody(createApiKeyRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  const now = Date.now();
  if (body.expiresAt !== 0 && body.expiresAt <= now) {
    throw new ApiError(400, 'invalid_request', 'the expiry must lie in the future');
  }
  const { secret, hash, prefix } = newApiKey();
  const row: ApiKeyRow = {
    id: crypto.randomUUID(),
    name: body.name,
    prefix,
    secretHash: hash,
    scopes: body.scopes,
    expiresAt: body.expiresAt,
    revokedAt: null,
    lastUsedAt: null,
    createdBy: session.user.id,
    createdAt: now,
  };
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'api_key.created',
      subject: row.id,
      details: { name: row.name, prefix, scopes: row.scopes, expiresAt: row.expiresAt },
    },
    () => [db.insert(apiKeys).values(row)],
  );
  return c.json({ key: toApiKeyView(row), secret }, 201);
});

apiKeyRoutes.delete('/:id', pathParams(apiKeyIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
  if (!row) throw new ApiError(404, 'not_found', 'no such API key');
  if (row.revokedAt !== null) throw new ApiError(409, 'conflict', 'this API key is already revoked');
  const revokedAt = Date.now();
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: 'api_key.revoked', subject: id, details: { prefix: row.prefix } },
    () => [db.update(apiKeys).set({ revokedAt }).where(eq(apiKeys.id, id))],
  );
  return c.json(toApiKeyView({ ...row, revokedAt }));
});
