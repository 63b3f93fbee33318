import { desc } from 'drizzle-orm';
import { Hono } from 'hono';
import { devOutbox } from '../db/schema.js';
import { isDevOutbox } from '../email.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';

/** Local mode only: the mail the app would have sent, for the dev outbox page. */
export const devRoutes = new Hono<AppEnv>();

const OUTBOX_PAGE = 50;

devRoutes.get('/outbox', async (c) => {
  if (!isDevOutbox(c.env, c.req.url)) throw new ApiError(404, 'not_found', 'the dev outbox is off');
  const rows = await c.var.db.select().from(devOutbox).orderBy(desc(devOutbox.id)).limit(OUTBOX_PAGE);
  return c.json({
    emails: rows.map((row) => ({
      id: row.id,
      to: row.toEmail,
      subject: row.subject,
      body: row.body,
      createdAt: row.createdAt,
    })),
  });
});
