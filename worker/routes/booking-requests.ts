import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  bookingIdParamSchema,
  bookingListQuerySchema,
  updateBookingRequestSchema,
} from '../../core/api/bookings.js';
import { commitAudited } from '../audit.js';
import { toBookingRequestView } from '../bookings.js';
import { bookingRequests } from '../db/integrations-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';
import { deliverAfterResponse, deliveryInserts, enabledEndpointsQuery } from '../webhooks/outbound.js';

/**
 * The front desk's queue of website booking requests: sealed bytes it opens with the group key.
 * Each route reads in one round trip and writes the change with its audit event (and webhook
 * deliveries) in one more, after the session's.
 */
export const bookingRequestRoutes = new Hono<AppEnv>();

bookingRequestRoutes.get('/', requireRoles('frontdesk'), queryParams(bookingListQuerySchema), async (c) => {
  const { db, session } = c.var;
  const { status, limit } = c.req.valid('query');
  const rows = await db
    .select()
    .from(bookingRequests)
    .where(status ? eq(bookingRequests.status, status) : undefined)
    .orderBy(desc(bookingRequests.createdAt))
    .limit(limit);
  await commitAudited(db, session.org.id, {
    actor: session.user.id,
    type: 'booking.requests_read',
    subject: null,
    details: { count: rows.length, ...(status && { status }) },
  });
  return c.json({ requests: rows.map(toBookingRequestView) });
});

/** One request, for the booking process's steps, which work on the request they started from. */
bookingRequestRoutes.get('/:id', requireRoles('frontdesk'), pathParams(bookingIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const [row] = await db.select().from(bookingRequests).where(eq(bookingRequests.id, id)).limit(1);
  if (!row) throw new ApiError(404, 'not_found', 'no such booking request');
  await commitAudited(db, session.org.id, {
    actor: session.user.id,
    type: 'booking.request_read',
    subject: id,
  });
  return c.json(toBookingRequestView(row));
});

bookingRequestRoutes.patch(
  '/:id',
  requireRoles('frontdesk'),
  pathParams(bookingIdParamSchema),
  jsonBody(updateBookingRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { id } = c.req.valid('param');
    const { status } = c.req.valid('json');
    const [[row], endpoints] = await db.batch([
      db.select().from(bookingRequests).where(eq(bookingRequests.id, id)).limit(1),
      enabledEndpointsQuery(db),
    ]);
    if (!row) throw new ApiError(404, 'not_found', 'no such booking request');
    if (row.status === status) return c.json(toBookingRequestView(row));
    const deliveries = deliveryInserts(db, endpoints, 'booking_request.status_changed', {
      id,
      from: row.status,
      to: status,
    });
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'booking.status_changed',
        subject: id,
        details: { from: row.status, to: status },
      },
      () => [
        db
          .update(bookingRequests)
          .set({ status })
          .where(and(eq(bookingRequests.id, id), eq(bookingRequests.status, row.status))),
        ...deliveries.map((one) => one.insert),
      ],
    );
    deliverAfterResponse(c, deliveries.length);
    return c.json(toBookingRequestView({ ...row, status }));
  },
);
