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
  appointmentQuery,
  conflictAfterRace,
  judgeActiveRoom,
  judgeManageable,
  roomQuery,
  toAppointmentView,
} from '../appointments.js';
import { commitAudited } from '../audit.js';
import {
  assertWithinShifts,
  isNotNull,
  isSlotTaken,
  type Slot,
  shiftQueries,
  startAtIfFree,
} from '../booking-guard.js';
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

/**
 * The still-booked appointments of the anchor's series that `scope` covers, earliest first: a
 * query on the anchor's id, so it joins the anchor's own read batch (see judgeSeriesAnchor).
 */
function seriesMembersQuery(db: Db, anchorId: string, scope: SeriesScope) {
  const anchorColumn = (column: typeof appointments.seriesId | typeof appointments.startAt) =>
    sql`(SELECT ${column} FROM ${appointments} WHERE ${appointments.id} = ${anchorId})`;
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.seriesId, anchorColumn(appointments.seriesId)),
        inArray(appointments.status, [...BOOKED_STATUSES]),
        ...(scope === 'following' ? [gte(appointments.startAt, anchorColumn(appointments.startAt))] : []),
      ),
    )
    .orderBy(asc(appointments.startAt));
}

function judgeSeriesAnchor(anchor: AppointmentRow): void {
  if (!anchor.seriesId) throw new ApiError(409, 'not_a_series', 'this appointment is not part of a series');
  if (!(BOOKED_STATUSES as readonly string[]).includes(anchor.status)) {
    throw new ApiError(409, 'invalid_transition', `a ${anchor.status} appointment cannot be changed`);
  }
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
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    // One read batch: the anchor, its series, a newly named room and the counselor's shifts.
    const [anchorRows, members, roomRows, shifts, exceptions] = await db.batch([
      appointmentQuery(db, id),
      seriesMembersQuery(db, id, body.scope),
      roomQuery(db, body.roomId ?? null),
      ...shiftQueries(
        db,
        sql`(SELECT ${appointments.counselorId} FROM ${appointments} WHERE ${appointments.id} = ${id})`,
      ),
    ]);
    const anchor = judgeManageable(session, anchorRows);
    judgeSeriesAnchor(anchor);
    const roomId = body.roomId === undefined ? anchor.roomId : body.roomId;
    if (roomId !== anchor.roomId) judgeActiveRoom(roomId, roomRows);
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
    assertWithinShifts(timeZone, slots, shifts, exceptions);
    // No pre-check for clashes and leave: the write's guard is that check (each write lands on a
    // time its sibling has already left), and conflictAfterRace names a refusal as a pre-check would.
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
    const id = c.req.valid('param').id;
    const { scope, cancelReason } = c.req.valid('json');
    const [anchorRows, members] = await db.batch([
      appointmentQuery(db, id),
      seriesMembersQuery(db, id, scope),
    ]);
    const anchor = judgeManageable(session, anchorRows);
    judgeSeriesAnchor(anchor);
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
