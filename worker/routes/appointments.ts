import { and, asc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  APPOINTMENT_TRANSITIONS,
  type AppointmentStatus,
  calendarQuerySchema,
  createAppointmentRequestSchema,
  rescheduleRequestSchema,
  statusChangeRequestSchema,
} from '../../core/api/appointments.js';
import { idParamSchema, MAX_APPOINTMENT_MINUTES } from '../../core/api/schedule-setup.js';
import { availableIntervals } from '../../core/schedule/availability.js';
import {
  appointmentQuery,
  clientAndCaseQueries,
  conflictAfterRace,
  judgeActiveRoom,
  judgeActiveService,
  judgeClientAndCase,
  judgeManageable,
  roomQuery,
  serviceQuery,
  toAppointmentView,
  weeklyStarts,
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
import { type AppointmentRow, appointments, leaveRequests } from '../db/schedule-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { eventStatement, processEventsAfterCommit } from '../rules/outbox.js';
import {
  assertCalendarVisible,
  counselorQuery,
  judgeCounselor,
  seesEveryCalendar,
} from '../schedule-access.js';
import { institutionTimeZone } from '../schedule-settings.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';
import { startSessionTriggers } from '../workflows/triggers.js';

/** Appointments: calendars, booking (single or weekly), rescheduling and the status of each session. */
export const appointmentRoutes = new Hono<AppEnv>();

const LONGEST_MS = MAX_APPOINTMENT_MINUTES * 60_000;
/** What a session becomes only once its time has come: it feeds hours, revenue and rates. */
const HAPPENED_STATUSES: readonly AppointmentStatus[] = ['completed', 'no_show'];

/** A counselor's shifts, exceptions and approved leave between `from` and `to`, for a read batch. */
function workingTimeQueries(db: Db, counselorId: string, from: number, to: number) {
  return [
    ...shiftQueries(db, counselorId),
    db
      .select({ startAt: leaveRequests.startAt, endAt: leaveRequests.endAt })
      .from(leaveRequests)
      .where(
        and(
          eq(leaveRequests.counselorId, counselorId),
          eq(leaveRequests.status, 'approved'),
          lt(leaveRequests.startAt, to),
          gt(leaveRequests.endAt, from),
        ),
      ),
  ] as const;
}

appointmentRoutes.get('/', requireSession, queryParams(calendarQuerySchema), async (c) => {
  const { db, session } = c.var;
  const query = c.req.valid('query');
  const timeZone = institutionTimeZone(session.org);
  const everyone = seesEveryCalendar(session);
  const counselorId = query.counselorId ?? (everyone || query.roomId ? undefined : session.user.id);
  if (counselorId) assertCalendarVisible(session, counselorId);
  else if (!everyone) throw new ApiError(403, 'forbidden', 'you may see only your own calendar');
  const filters: SQL[] = [
    gt(appointments.startAt, query.from - LONGEST_MS),
    lt(appointments.startAt, query.to),
  ];
  if (counselorId) filters.push(eq(appointments.counselorId, counselorId));
  if (query.roomId) filters.push(eq(appointments.roomId, query.roomId));
  const calendar = db
    .select()
    .from(appointments)
    .where(and(...filters))
    .orderBy(asc(appointments.startAt))
    .limit(2000);
  const visible = (rows: readonly AppointmentRow[]) =>
    rows.filter((row) => row.endAt > query.from).map(toAppointmentView);
  if (!counselorId)
    return c.json({ timeZone, appointments: visible(await calendar), available: [], leave: [] });
  // One read batch: the calendar and the counselor's working time.
  const [rows, shifts, exceptions, leave] = await db.batch([
    calendar,
    ...workingTimeQueries(db, counselorId, query.from, query.to),
  ]);
  const dated = exceptions.map((row) => ({ ...row, date: row.localDate }));
  return c.json({
    timeZone,
    appointments: visible(rows),
    available: availableIntervals(query.from, query.to, timeZone, shifts, dated),
    leave,
  });
});

appointmentRoutes.post('/', requireSession, jsonBody(createAppointmentRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  if (!seesEveryCalendar(session) && body.counselorId !== session.user.id) {
    throw new ApiError(403, 'forbidden', 'counselors book only on their own calendar');
  }
  // One read batch: who, what, where, for whom, and the counselor's shifts.
  const [counselorRows, serviceRows, roomRows, clientRows, caseRows, shifts, exceptions] = await db.batch([
    counselorQuery(db, body.counselorId),
    serviceQuery(db, body.serviceId),
    roomQuery(db, body.roomId),
    ...clientAndCaseQueries(db, body.clientId, body.caseId),
    ...shiftQueries(db, body.counselorId),
  ]);
  judgeCounselor(counselorRows);
  const service = judgeActiveService(serviceRows);
  judgeActiveRoom(body.roomId, roomRows);
  judgeClientAndCase(body.clientId, body.caseId, clientRows, caseRows);
  const timeZone = institutionTimeZone(session.org);
  const durationMs = service.durationMinutes * 60_000;
  const now = Date.now();
  const seriesId = body.weeks > 1 ? crypto.randomUUID() : null;
  const rows: AppointmentRow[] = weeklyStarts(body.startAt, body.weeks, timeZone).map((startAt) => ({
    id: crypto.randomUUID(),
    clientId: body.clientId,
    caseId: body.caseId,
    counselorId: body.counselorId,
    roomId: body.roomId,
    serviceId: service.id,
    serviceType: service.serviceType,
    feeCents: service.feeCents,
    startAt,
    endAt: startAt + durationMs,
    status: body.status,
    cancelReason: null,
    seriesId,
    counselorRemindedAt: null,
    clientRemindedAt: null,
    createdBy: session.user.id,
    createdAt: now,
    updatedAt: now,
  }));
  const slots: Slot[] = rows.map((row) => ({ ...row, appointmentId: row.id }));
  assertWithinShifts(timeZone, slots, shifts, exceptions);
  // No pre-check for clashes and leave: the write's guard is that check, and a refusal is named
  // by conflictAfterRace exactly as a pre-check would have named it.
  try {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'appointment.booked',
        subject: seriesId ?? rows[0]?.id ?? null,
        details: {
          counselorId: body.counselorId,
          roomId: body.roomId,
          serviceId: service.id,
          count: rows.length,
        },
      },
      () =>
        rows.map((row, index) =>
          db.insert(appointments).values({ ...row, startAt: startAtIfFree(slots[index] as Slot) }),
        ),
    );
  } catch (error) {
    if (isSlotTaken(error)) throw await conflictAfterRace(db, slots);
    throw error;
  }
  return c.json({ appointments: rows.map(toAppointmentView) }, 201);
});

appointmentRoutes.patch(
  '/:id',
  requireSession,
  pathParams(idParamSchema),
  jsonBody(rescheduleRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    // One read batch: the appointment, a newly named counselor and room, the shifts of whoever
    // will hold it.
    const [appointmentRows, counselorRows, roomRows, shifts, exceptions] = await db.batch([
      appointmentQuery(db, id),
      counselorQuery(db, body.counselorId ?? null),
      roomQuery(db, body.roomId ?? null),
      ...shiftQueries(
        db,
        body.counselorId ??
          sql`(SELECT ${appointments.counselorId} FROM ${appointments} WHERE ${appointments.id} = ${id})`,
      ),
    ]);
    const row = judgeManageable(session, appointmentRows);
    if (row.status !== 'requested' && row.status !== 'confirmed') {
      throw new ApiError(409, 'invalid_transition', `a ${row.status} appointment cannot be moved`);
    }
    const counselorId = body.counselorId ?? row.counselorId;
    if (counselorId !== row.counselorId) {
      if (!seesEveryCalendar(session)) throw new ApiError(403, 'forbidden', 'only the front desk reassigns');
      judgeCounselor(counselorRows);
    }
    const roomId = body.roomId === undefined ? row.roomId : body.roomId;
    if (roomId !== row.roomId) judgeActiveRoom(roomId, roomRows);
    const startAt = body.startAt ?? row.startAt;
    const moved = {
      ...row,
      counselorId,
      roomId,
      startAt,
      endAt: startAt + (row.endAt - row.startAt),
      updatedAt: Date.now(),
    };
    const slot: Slot = { ...moved, appointmentId: row.id };
    assertWithinShifts(institutionTimeZone(session.org), [slot], shifts, exceptions);
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'appointment.rescheduled',
          subject: row.id,
          details: { from: row.startAt, to: startAt, counselorId, roomId },
        },
        () => [
          db
            .update(appointments)
            .set({
              counselorId,
              roomId,
              startAt: startAtIfFree(slot),
              endAt: moved.endAt,
              updatedAt: moved.updatedAt,
              // A moved session earns a fresh reminder.
              counselorRemindedAt: null,
              clientRemindedAt: null,
            })
            .where(eq(appointments.id, row.id)),
        ],
      );
    } catch (error) {
      if (isSlotTaken(error)) throw await conflictAfterRace(db, [slot]);
      throw error;
    }
    return c.json(toAppointmentView({ ...moved, counselorRemindedAt: null, clientRemindedAt: null }));
  },
);

appointmentRoutes.post(
  '/:id/status',
  requireSession,
  pathParams(idParamSchema),
  jsonBody(statusChangeRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const appointmentRows = await appointmentQuery(db, c.req.valid('param').id);
    const row = judgeManageable(session, appointmentRows);
    const { status, cancelReason } = c.req.valid('json');
    if (!APPOINTMENT_TRANSITIONS[row.status].includes(status)) {
      throw new ApiError(409, 'invalid_transition', `a ${row.status} appointment cannot become ${status}`);
    }
    const updatedAt = Date.now();
    if (HAPPENED_STATUSES.includes(status) && updatedAt < row.startAt) {
      throw new ApiError(409, 'not_started', `a session is ${status} only once it has started`);
    }
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'appointment.status_changed',
          subject: row.id,
          details: { from: row.status, to: status, ...(cancelReason ? { cancelReason } : {}) },
        },
        () => [
          db
            .update(appointments)
            .set({
              // NULL (the batch aborts) if someone changed the status since we read it.
              status: sql`(CASE WHEN ${appointments.status} = ${row.status} THEN ${status} END)`,
              cancelReason: cancelReason ?? null,
              updatedAt,
            })
            .where(eq(appointments.id, row.id)),
          ...(status === 'completed' || status === 'no_show'
            ? [
                eventStatement(db, {
                  type: `appointment.${status}`,
                  subject: row.id,
                  caseId: row.caseId,
                  payload: { appointmentId: row.id, counselorId: row.counselorId, startAt: row.startAt },
                }),
              ]
            : []),
        ],
      );
    } catch (error) {
      if (isNotNull(error, 'appointments.status')) {
        throw new ApiError(409, 'invalid_transition', 'the appointment changed meanwhile; reload it');
      }
      throw error;
    }
    // A completed session may start a process (every Nth session); after the response, like the
    // rules, and before them so they see what it started.
    const caseId = status === 'completed' ? row.caseId : null;
    processEventsAfterCommit(c, async () => {
      if (!caseId) return;
      try {
        await startSessionTriggers(db, session.org.id, caseId);
      } catch (error) {
        // The session is recorded; a process that failed to start must not undo that.
        console.error('appointments: a session-triggered workflow did not start', error);
      }
    });
    return c.json(toAppointmentView({ ...row, status, cancelReason: cancelReason ?? null, updatedAt }));
  },
);
