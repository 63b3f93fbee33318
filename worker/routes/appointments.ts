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
  conflictAfterRace,
  requireActiveRoom,
  requireActiveService,
  requireClientAndCase,
  requireManageable,
  toAppointmentView,
  weeklyStarts,
} from '../appointments.js';
import { commitAudited } from '../audit.js';
import { assertBookable, isNotNull, isSlotTaken, type Slot, startAtIfFree } from '../booking-guard.js';
import type { Db } from '../db/client.js';
import {
  type AppointmentRow,
  appointments,
  availabilityExceptions,
  availabilityShifts,
  leaveRequests,
} from '../db/schedule-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { eventStatement, processEventsAfterCommit } from '../rules/outbox.js';
import { assertCalendarVisible, requireCounselor, seesEveryCalendar } from '../schedule-access.js';
import { institutionTimeZone } from '../schedule-settings.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';
import { startSessionTriggers } from '../workflows/triggers.js';

/** Appointments: calendars, booking (single or weekly), rescheduling and the status of each session. */
export const appointmentRoutes = new Hono<AppEnv>();

const LONGEST_MS = MAX_APPOINTMENT_MINUTES * 60_000;
/** What a session becomes only once its time has come: it feeds hours, revenue and rates. */
const HAPPENED_STATUSES: readonly AppointmentStatus[] = ['completed', 'no_show'];

async function workingTime(db: Db, counselorId: string, from: number, to: number, timeZone: string) {
  const [shifts, exceptions, leave] = await Promise.all([
    db.select().from(availabilityShifts).where(eq(availabilityShifts.counselorId, counselorId)),
    db.select().from(availabilityExceptions).where(eq(availabilityExceptions.counselorId, counselorId)),
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
  ]);
  const dated = exceptions.map((row) => ({ ...row, date: row.localDate }));
  return { available: availableIntervals(from, to, timeZone, shifts, dated), leave };
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
  const rows = (
    await db
      .select()
      .from(appointments)
      .where(and(...filters))
      .orderBy(asc(appointments.startAt))
      .limit(2000)
  ).filter((row) => row.endAt > query.from);
  const working = counselorId
    ? await workingTime(db, counselorId, query.from, query.to, timeZone)
    : { available: [], leave: [] };
  return c.json({ timeZone, appointments: rows.map(toAppointmentView), ...working });
});

appointmentRoutes.post('/', requireSession, jsonBody(createAppointmentRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  if (!seesEveryCalendar(session) && body.counselorId !== session.user.id) {
    throw new ApiError(403, 'forbidden', 'counselors book only on their own calendar');
  }
  await requireCounselor(db, body.counselorId);
  const service = await requireActiveService(db, body.serviceId);
  await requireActiveRoom(db, body.roomId);
  await requireClientAndCase(db, body.clientId, body.caseId);
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
  await assertBookable(db, timeZone, slots);
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
    const row = await requireManageable(db, session, c.req.valid('param').id);
    if (row.status !== 'requested' && row.status !== 'confirmed') {
      throw new ApiError(409, 'invalid_transition', `a ${row.status} appointment cannot be moved`);
    }
    const body = c.req.valid('json');
    const counselorId = body.counselorId ?? row.counselorId;
    if (counselorId !== row.counselorId) {
      if (!seesEveryCalendar(session)) throw new ApiError(403, 'forbidden', 'only the front desk reassigns');
      await requireCounselor(db, counselorId);
    }
    const roomId = body.roomId === undefined ? row.roomId : body.roomId;
    if (roomId !== row.roomId) await requireActiveRoom(db, roomId);
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
    await assertBookable(db, institutionTimeZone(session.org), [slot]);
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
    const row = await requireManageable(db, session, c.req.valid('param').id);
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
    processEventsAfterCommit(c);
    if (status === 'completed' && row.caseId) {
      try {
        await startSessionTriggers(db, session.org.id, row.caseId);
      } catch (error) {
        // The session is recorded; a process that failed to start must not undo that.
        console.error('appointments: a session-triggered workflow did not start', error);
      }
    }
    return c.json(toAppointmentView({ ...row, status, cancelReason: cancelReason ?? null, updatedAt }));
  },
);
