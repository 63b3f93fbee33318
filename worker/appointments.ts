import { eq, inArray } from 'drizzle-orm';
import type { AppointmentView } from '../core/api/appointments.js';
import { addDays, localDateOf, zonedInstant, zonedParts } from '../core/schedule/zoned-time.js';
import { describeConflicts, type Slot } from './booking-guard.js';
import type { Db } from './db/client.js';
import {
  type AppointmentRow,
  appointments,
  type RoomRow,
  rooms,
  type ServiceRow,
  services,
} from './db/schedule-schema.js';
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

export const appointmentQuery = (db: Db, id: string) =>
  db.select().from(appointments).where(eq(appointments.id, id)).limit(1);

export function judgeAppointment(rows: readonly AppointmentRow[]): AppointmentRow {
  const [row] = rows;
  if (!row) throw new ApiError(404, 'not_found', 'no such appointment');
  return row;
}

export const serviceQuery = (db: Db, id: string) =>
  db.select().from(services).where(eq(services.id, id)).limit(1);

export function judgeActiveService(rows: readonly ServiceRow[]): ServiceRow {
  const [row] = rows;
  if (!row?.active) throw new ApiError(404, 'not_found', 'no such active service');
  return row;
}

/** The room when one is named (no row, and nothing to check, for none). */
export const roomQuery = (db: Db, id: string | null) =>
  db
    .select()
    .from(rooms)
    .where(inArray(rooms.id, id === null ? [] : [id]))
    .limit(1);

export function judgeActiveRoom(id: string | null, rows: readonly RoomRow[]): void {
  if (id === null) return;
  const [row] = rows;
  if (!row?.active) throw new ApiError(404, 'not_found', 'no such active room');
}

/** The client, and the named case (none for none), as queries for a read batch. */
export function clientAndCaseQueries(db: Db, clientId: string, caseId: string | null) {
  return [
    db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).limit(1),
    db
      .select({ clientId: cases.clientId })
      .from(cases)
      .where(inArray(cases.id, caseId === null ? [] : [caseId]))
      .limit(1),
  ] as const;
}

/** The client must exist, and a named case must be that client's. */
export function judgeClientAndCase(
  clientId: string,
  caseId: string | null,
  clientRows: readonly { id: string }[],
  caseRows: readonly { clientId: string }[],
): void {
  if (!clientRows[0]) throw new ApiError(404, 'not_found', 'no such client');
  if (caseId === null) return;
  if (caseRows[0]?.clientId !== clientId)
    throw new ApiError(404, 'not_found', 'no such case for this client');
}

/** The appointment's counselor, or anyone who sees every calendar. */
export function judgeManageable(session: ActiveSession, rows: readonly AppointmentRow[]): AppointmentRow {
  const row = judgeAppointment(rows);
  if (!seesEveryCalendar(session) && row.counselorId !== session.user.id) {
    throw new ApiError(403, 'forbidden', 'this is not your appointment');
  }
  return row;
}

/**
 * After a refused atomic write, name what won the race. The write's guard (startAtIfFree) is the
 * same test as conflictQueries, so this is also how a plain double booking is reported.
 */
export async function conflictAfterRace(db: Db, slots: readonly Slot[]): Promise<ApiError> {
  return (
    (await describeConflicts(db, slots)) ??
    new ApiError(409, 'conflict', 'the slot was taken by another booking; try again')
  );
}
