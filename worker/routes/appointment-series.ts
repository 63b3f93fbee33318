import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  BOOKED_STATUSES,
  type SeriesScope,
  seriesCancelRequestSchema,
  seriesMoveRequestSchema,
} from '../../core/api/appointments.js';
import { idParamSchema } from '../../core/api/schedule-setup.js';
import { addDays, localDateOf, zonedInstant, zonedParts } from '../../core/schedule/zoned-time.js';
import {
  conflictAfterRace,
  requireActiveRoom,
  requireManageable,
  toAppointmentView,
} from '../appointments.js';
import { commitAudited } from '../audit.js';
import { assertBookable, isNotNull, isSlotTaken, type Slot, startAtIfFree } from '../booking-guard.js';
import type { Db } from '../db/client.js';
import { type AppointmentRow, appointments } from '../db/schedule-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { institutionTimeZone } from '../schedule-settings.js';
import { jsonBody, pathParams } from '../validation.js';

/**
 * A weekly series moved or cancelled as one: "this and following" or "the whole series". One D1
 * batch writes every appointment, each guarded as a single booking is, so a conflict anywhere
 * refuses the whole operation and nothing changes.
 */
export const appointmentSeriesRoutes = new Hono<AppEnv>();

const DAY_MS = 86_400_000;

/** The still-booked appointments of the anchor's series that `scope` covers, earliest first. */
async function seriesMembers(db: Db, anchor: AppointmentRow, scope: SeriesScope): Promise<AppointmentRow[]> {
  if (!anchor.seriesId) throw new ApiError(409, 'not_a_series', 'this appointment is not part of a series');
  if (!(BOOKED_STATUSES as readonly string[]).includes(anchor.status)) {
    throw new ApiError(409, 'invalid_transition', `a ${anchor.status} appointment cannot be changed`);
  }
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.seriesId, anchor.seriesId),
        inArray(appointments.status, [...BOOKED_STATUSES]),
        ...(scope === 'following' ? [gte(appointments.startAt, anchor.startAt)] : []),
      ),
    )
    .orderBy(asc(appointments.startAt));
}

const calendarDay = (instant: number, timeZone: string) => {
  const { year, month, day } = localDateOf(instant, timeZone);
  return Date.UTC(year, month - 1, day) / DAY_MS;
};

appointmentSeriesRoutes.post(
  '/:id/series/move',
  requireSession,
  pathParams(idParamSchema),
  jsonBody(seriesMoveRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const anchor = await requireManageable(db, session, c.req.valid('param').id);
    const body = c.req.valid('json');
    const members = await seriesMembers(db, anchor, body.scope);
    const roomId = body.roomId === undefined ? anchor.roomId : body.roomId;
    if (roomId !== anchor.roomId) await requireActiveRoom(db, roomId);
    const timeZone = institutionTimeZone(session.org);
    const dayShift = calendarDay(body.startAt, timeZone) - calendarDay(anchor.startAt, timeZone);
    const { minute } = zonedParts(body.startAt, timeZone);
    const updatedAt = Date.now();
    const moved = members.map((row) => {
      const startAt = zonedInstant(addDays(localDateOf(row.startAt, timeZone), dayShift), minute, timeZone);
      return { ...row, roomId, startAt, endAt: startAt + (row.endAt - row.startAt), updatedAt };
    });
    const ids = members.map((row) => row.id);
    const slots: Slot[] = moved.map((row) => ({ ...row, appointmentId: row.id, movingWith: ids }));
    await assertBookable(db, timeZone, slots);
    // Later first when the series moves later, earlier first when it moves earlier: each write
    // lands on a time its sibling has already left.
    const later = body.startAt >= anchor.startAt;
    const order = later ? [...slots].reverse() : slots;
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'appointment.rescheduled',
          subject: anchor.seriesId,
          details: { scope: body.scope, count: slots.length, from: anchor.startAt, to: body.startAt, roomId },
        },
        () =>
          order.map((slot) =>
            db
              .update(appointments)
              .set({
                roomId,
                startAt: startAtIfFree(slot),
                endAt: slot.endAt,
                updatedAt,
                counselorRemindedAt: null,
                clientRemindedAt: null,
              })
              .where(eq(appointments.id, slot.appointmentId)),
          ),
      );
    } catch (error) {
      if (isSlotTaken(error)) throw await conflictAfterRace(db, slots);
      throw error;
    }
    const view = moved.map((row) =>
      toAppointmentView({ ...row, counselorRemindedAt: null, clientRemindedAt: null }),
    );
    return c.json({ appointments: view });
  },
);

appointmentSeriesRoutes.post(
  '/:id/series/cancel',
  requireSession,
  pathParams(idParamSchema),
  jsonBody(seriesCancelRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const anchor = await requireManageable(db, session, c.req.valid('param').id);
    const { scope, cancelReason } = c.req.valid('json');
    const members = await seriesMembers(db, anchor, scope);
    const updatedAt = Date.now();
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'appointment.status_changed',
          subject: anchor.seriesId,
          details: { scope, count: members.length, to: 'cancelled', cancelReason },
        },
        () =>
          members.map((row) =>
            db
              .update(appointments)
              .set({
                // NULL (the batch aborts) if someone changed this one since we read it.
                status: sql`(CASE WHEN ${appointments.status} = ${row.status} THEN 'cancelled' END)`,
                cancelReason,
                updatedAt,
              })
              .where(eq(appointments.id, row.id)),
          ),
      );
    } catch (error) {
      if (isNotNull(error, 'appointments.status')) {
        throw new ApiError(409, 'invalid_transition', 'the series changed meanwhile; reload it');
      }
      throw error;
    }
    const view = members.map((row) =>
      toAppointmentView({ ...row, status: 'cancelled', cancelReason, updatedAt }),
    );
    return c.json({ appointments: view });
  },
);
