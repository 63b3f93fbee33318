import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import { feedTokenParamSchema } from '../../core/api/appointments.js';
import { commitAudited } from '../audit.js';
import { buildCalendar } from '../calendar-feed.js';
import { hashToken, newToken } from '../credentials.js';
import { appointments, calendarFeeds, rooms, services } from '../db/schedule-schema.js';
import { org } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { pathParams } from '../validation.js';

/** A counselor's own subscription feed: issue (or replace) the secret link, revoke it. */
export const calendarFeedRoutes = new Hono<AppEnv>();

/** The feed itself, read by calendar apps with no session: the unguessable link is the credential. */
export const publicCalendarRoutes = new Hono<AppEnv>();

const DAY_MS = 86_400_000;
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 180;
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

calendarFeedRoutes.get('/', requireRoles('counselor'), async (c) => {
  const [feed] = await c.var.db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.counselorId, c.var.session.user.id));
  return c.json({ active: feed !== undefined, createdAt: feed?.createdAt ?? null });
});

/** The token is shown once; the server keeps its SHA-256, so a database copy cannot read a feed. */
calendarFeedRoutes.post('/', requireRoles('counselor'), async (c) => {
  const { db, session } = c.var;
  const { token, hash } = newToken();
  const row = { counselorId: session.user.id, tokenHash: hash, createdAt: Date.now() };
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: 'calendar_feed.issued', subject: session.user.id },
    () => [
      db
        .insert(calendarFeeds)
        .values(row)
        .onConflictDoUpdate({
          target: calendarFeeds.counselorId,
          set: { tokenHash: hash, createdAt: row.createdAt },
        }),
    ],
  );
  return c.json({ token, path: feedPath(token) }, 201);
});

calendarFeedRoutes.delete('/', requireRoles('counselor'), async (c) => {
  const { db, session } = c.var;
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: 'calendar_feed.revoked', subject: session.user.id },
    () => [db.delete(calendarFeeds).where(eq(calendarFeeds.counselorId, session.user.id))],
  );
  return c.body(null, 204);
});

publicCalendarRoutes.get('/:file', pathParams(feedTokenParamSchema), async (c) => {
  const { db } = c.var;
  const token = c.req.valid('param').file.slice(0, -'.ics'.length);
  const [feed] = await db
    .select({ counselorId: calendarFeeds.counselorId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  if (!feed) throw new ApiError(404, 'not_found', 'no such calendar');
  const now = Date.now();
  const rows = await db
    .select({
      id: appointments.id,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      updatedAt: appointments.updatedAt,
      status: appointments.status,
      serviceName: services.name,
      roomName: rooms.name,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .leftJoin(rooms, eq(rooms.id, appointments.roomId))
    .where(
      and(
        eq(appointments.counselorId, feed.counselorId),
        gt(appointments.startAt, now - FEED_PAST_DAYS * DAY_MS),
        lt(appointments.startAt, now + FEED_FUTURE_DAYS * DAY_MS),
      ),
    )
    .orderBy(asc(appointments.startAt));
  const [center] = await db.select({ name: org.name }).from(org);
  const body = buildCalendar(center?.name ?? 'Tacit', rows, new URL(c.req.url).hostname);
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': 'private, no-store',
  });
});
