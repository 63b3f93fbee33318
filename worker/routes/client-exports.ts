import { Hono } from 'hono';
import { clientIdParamSchema } from '../../core/api/clients.js';
import { clientExportRequestSchema } from '../../core/api/data-rights.js';
import { commitAudited } from '../audit.js';
import { requireVisibleClient } from '../contact-access.js';
import type { AppEnv } from '../env.js';
import { requireSession } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';

/**
 * A client's own data (GDPR art. 15 and 20, PIPL art. 45) is assembled and decrypted in the
 * browser of someone who holds the contact-card key and the case keys; the server records the
 * export before the browser builds it, and each case read on the way is recorded as usual.
 */
export const clientExportRoutes = new Hono<AppEnv>();

clientExportRoutes.post(
  '/:id/exports',
  requireSession,
  pathParams(clientIdParamSchema),
  jsonBody(clientExportRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { client } = await requireVisibleClient(db, session.user.id, c.req.valid('param').id, Date.now());
    await commitAudited(db, session.org.id, {
      actor: session.user.id,
      type: 'client.exported',
      subject: client.id,
      details: { cases: c.req.valid('json').cases },
    });
    return c.json({ ok: true as const }, 201);
  },
);
