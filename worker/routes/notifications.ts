import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { notificationIdParamSchema } from '../../core/api/notifications.js';
import { notifications } from '../db/rules-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { pathParams } from '../validation.js';

/** The notification center: each user reads and marks only their own. */
export const notificationRoutes = new Hono<AppEnv>();
notificationRoutes.use('*', requireSession);

const SHOWN = 50;

notificationRoutes.get('/', async (c) => {
  const { db, session } = c.var;
  const me = session.user.id;
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, me))
    .orderBy(desc(notifications.createdAt))
    .limit(SHOWN);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, me), isNull(notifications.readAt)));
  return c.json({
    notifications: rows.map((row) => ({
      id: row.id,
      title: row.title,
      eventType: row.eventType,
      caseId: row.caseId,
      subject: row.subject,
      createdAt: row.createdAt,
      readAt: row.readAt,
    })),
    unread: unread?.n ?? 0,
  });
});

/** The bell polls this: one indexed count. */
notificationRoutes.get('/unread', async (c) => {
  const { db, session } = c.var;
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, session.user.id), isNull(notifications.readAt)));
  return c.json({ unread: unread?.n ?? 0 });
});

notificationRoutes.post('/read-all', async (c) => {
  const { db, session } = c.var;
  await db
    .update(notifications)
    .set({ readAt: Date.now() })
    .where(and(eq(notifications.userId, session.user.id), isNull(notifications.readAt)));
  return c.json({ unread: 0 });
});

notificationRoutes.post('/:id/read', pathParams(notificationIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const mine = and(eq(notifications.id, id), eq(notifications.userId, session.user.id));
  // One batch: the mark only touches my own unread one, then the lookup and count see it.
  const [, rows, [unread]] = await db.batch([
    db
      .update(notifications)
      .set({ readAt: Date.now() })
      .where(and(mine, isNull(notifications.readAt))),
    db.select({ id: notifications.id }).from(notifications).where(mine),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, session.user.id), isNull(notifications.readAt))),
  ]);
  // Someone else's notification answers like a missing one.
  if (rows.length === 0) throw new ApiError(404, 'not_found', 'no such notification');
  return c.json({ unread: unread?.n ?? 0 });
});
