import { eq } from 'drizzle-orm';
import type { AppointmentView } from '../core/api/appointments.js';
import { addDays, localDateOf, zonedInstant, zonedParts } from '../core/schedule/zoned-time.js';
import { describeConflict, type Slot } from './booking-guard.js';
import type { Db } from './db/client.js';
import { type AppointmentRow, appointments, rooms, type ServiceRow, services } from './db/schedule-schema.js';
import { cases, clients } from './db/schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';
import { seesEveryCalendar } from './schedule-access.js';

export function toAppointmentView(row: AppointmentRow): AppointmentView {
  return {
    id: row.id,
    clientId: row.clientId,
    caseId: row.caseId,
    counselorId: row.counselorId,
    roomId: row.roomId,
    serviceId: row.serviceId,
    serviceType: row.serviceType,
    feeCents: row.feeCents,
    startAt: row.startAt,
    endAt: row.endAt,
    status: row.status,
    cancelReason: row.cancelReason,
    seriesId: row.seriesId,
  };
}

/**
 * A weekly series keeps its local wall-clock time: 10:00 in New York stays 10:00 after the clocks
 * change, so its UTC instant moves by the DST shift.
 */
export function weeklyStarts(firstStart: number, weeks: number, timeZone: string): number[] {
  const { minute } = zonedParts(firstStart, timeZone);
  const date = localDateOf(firstStart, timeZone);
  return Array.from({ length: weeks }, (_, week) =>
    week === 0 ? firstStart : zonedInstant(addDays(date, 7 * week), minute, timeZone),
  );
}

export async function requireAppointment(db: Db, id: string): Promise<AppointmentRow> {
  const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
  if (!row) throw new ApiError(404, 'not_found', 'no such appointment');
  return row;
}

export async function requireActiveService(db: Db, id: string): Promise<ServiceRow> {
  const [row] = await db.select().from(services).where(eq(services.id, id));
  if (!row?.active) throw new ApiError(404, 'not_found', 'no such active service');
  return row;
}

export async function requireActiveRoom(db: Db, id: string | null): Promise<void> {
  if (id === null) return;
  const [row] = await db.select().from(rooms).where(eq(rooms.id, id));
  if (!row?.active) throw new ApiError(404, 'not_found', 'no such active room');
}

/** The client must exist, and a named case must be that client's. */
export async function requireClientAndCase(db: Db, clientId: string, caseId: string | null): Promise<void> {
  const [client] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
  if (!client) throw new ApiError(404, 'not_found', 'no such client');
  if (caseId === null) return;
  const [caseRow] = await db.select({ clientId: cases.clientId }).from(cases).where(eq(cases.id, caseId));
  if (caseRow?.clientId !== clientId) throw new ApiError(404, 'not_found', 'no such case for this client');
}

/** The appointment's counselor, or anyone who sees every calendar. */
export async function requireManageable(db: Db, session: ActiveSession, id: string): Promise<AppointmentRow> {
  const row = await requireAppointment(db, id);
  if (!seesEveryCalendar(session) && row.counselorId !== session.user.id) {
    throw new ApiError(403, 'forbidden', 'this is not your appointment');
  }
  return row;
}

/** After a refused atomic write, name what won the race. */
export async function conflictAfterRace(db: Db, slots: readonly Slot[]): Promise<ApiError> {
  for (const slot of slots) {
    const conflict = await describeConflict(db, slot);
    if (conflict) return conflict;
  }
  return new ApiError(409, 'conflict', 'the slot was taken by another booking; try again');
}
