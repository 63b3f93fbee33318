import { Hono } from 'hono';
import { storeRootWrapRequestSchema } from '../../core/api/users.js';
import { commitAudited } from '../audit.js';
import { rootKeyWraps } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody } from '../validation.js';
import { judgeUser, userQuery } from './users.js';

export const adminRoutes = new Hono<AppEnv>();

/**
 * Stores the org root seed HPKE-wrapped by an admin's browser to another admin. The server
 * cannot open it; it only makes sure the recipient is a certified admin.
 */
adminRoutes.post('/root-wraps', requireRoles('admin'), jsonBody(storeRootWrapRequestSchema), async (c) => {
  const { db, session } = c.var;
  const { userId, ...wrap } = c.req.valid('json');
  const userRows = await userQuery(db, userId);
  const recipient = judgeUser(userRows);
  if (!recipient.roles.includes('admin') || recipient.status !== 'active') {
    throw new ApiError(409, 'not_admin', 'the root key is wrapped only to active admins');
  }
  if (recipient.certSig === null) {
    throw new ApiError(409, 'not_certified', 'certify the admin’s keys before wrapping the root key to them');
  }
  const row = { ...wrap, userId, byUserId: session.user.id, createdAt: Date.now() };
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: 'admin.root_wrap_stored', subject: userId },
    () => [db.insert(rootKeyWraps).values(row).onConflictDoUpdate({ target: rootKeyWraps.userId, set: row })],
  );
  return c.json({ ok: true as const }, 201);
});
