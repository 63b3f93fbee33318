import { and, eq, gt, lt, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import { MAX_APPOINTMENT_MINUTES } from '../core/api/schedule-setup.js';
import { availableIntervals, covers } from '../core/schedule/availability.js';
import type { Db } from './db/client.js';
import {
  appointments,
  availabilityExceptions,
  availabilityShifts,
  type ExceptionRow,
  leaveRequests,
  type ShiftRow,
} from './db/schedule-schema.js';
import { ApiError } from './errors.js';

/**
 * No double booking, decided inside the database. The value written into appointments.start_at
 * (NOT NULL) is NULL whenever the slot is taken, so the statement — and the D1 batch around it,
 * audit event included — fails. SQLite executes each statement serializably, so the check and the
 * write cannot be split by a competing request: of two racing bookings exactly one commits.
 */

export interface Slot {
  counselorId: string;
  roomId: string | null;
  startAt: number;
  endAt: number;
  /** The appointment being moved, which never conflicts with itself. */
  appointmentId: string;
  /**
   * Appointments of the same series moving in the same batch: the pre-check ignores their old
   * times; the atomic guard still sees them, so the batch moves them in an order that frees each
   * time before it is taken.
   */
  movingWith?: readonly string[];
}

/** Any status but cancelled holds the time: a session marked completed early keeps its room. */
const HOLDS_TIME = sql`status <> 'cancelled'`;
/** Appointments last at most this long, which bounds the index range each check scans. */
const LONGEST_MS = MAX_APPOINTMENT_MINUTES * 60_000;

function overlapping(column: SQL, id: string, slot: Slot): SQL {
  return sql`EXISTS (SELECT 1 FROM appointments WHERE ${column} = ${id} AND ${HOLDS_TIME}
    AND start_at > ${slot.startAt - LONGEST_MS} AND start_at < ${slot.endAt} AND end_at > ${slot.startAt}
    AND id <> ${slot.appointmentId})`;
}

/** slot.startAt when the slot is free, NULL (aborting the write) when it is not. */
export function startAtIfFree(slot: Slot): SQL<number> {
  const room = slot.roomId ? sql` OR ${overlapping(sql`room_id`, slot.roomId, slot)}` : sql``;
  return sql<number>`(CASE WHEN ${overlapping(sql`counselor_id`, slot.counselorId, slot)}${room}
    OR EXISTS (SELECT 1 FROM leave_requests WHERE counselor_id = ${slot.counselorId} AND status = 'approved'
      AND start_at < ${slot.endAt} AND end_at > ${slot.startAt})
    THEN NULL ELSE ${slot.startAt} END)`;
}

/** True when `error` (or what it wraps) is SQLite refusing a NULL in `column` (`table.column`). */
export function isNotNull(error: unknown, column: string): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause.message.includes(`NOT NULL constraint failed: ${column}`)) return true;
  }
  return false;
}

export const isSlotTaken = (error: unknown) => isNotNull(error, 'appointments.start_at');

function when(ms: number): string {
  return new Date(ms).toISOString();
}

function clashQuery(
  db: Db,
  column: typeof appointments.counselorId | typeof appointments.roomId,
  id: string,
  slot: Slot,
) {
  return db
    .select({ startAt: appointments.startAt })
    .from(appointments)
    .where(
      and(
        eq(column, id),
        ne(appointments.status, 'cancelled'),
        gt(appointments.startAt, slot.startAt - LONGEST_MS),
        lt(appointments.startAt, slot.endAt),
        gt(appointments.endAt, slot.startAt),
        notInArray(appointments.id, [slot.appointmentId, ...(slot.movingWith ?? [])]),
      ),
    )
    .limit(1);
}

function leaveQuery(db: Db, slot: Slot) {
  return db
    .select({ startAt: leaveRequests.startAt })
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.counselorId, slot.counselorId),
        eq(leaveRequests.status, 'approved'),
        lt(leaveRequests.startAt, slot.endAt),
        gt(leaveRequests.endAt, slot.startAt),
      ),
    )
    .limit(1);
}

/**
 * What may stand in the way of each slot, as queries for one read batch: per slot its
 * counselor's clash, its room's clash (when it has a room) and the counselor's leave.
 */
export function conflictQueries(db: Db, slots: readonly Slot[]) {
  return slots.flatMap((slot) => [
    clashQuery(db, appointments.counselorId, slot.counselorId, slot),
    ...(slot.roomId ? [clashQuery(db, appointments.roomId, slot.roomId, slot)] : []),
    leaveQuery(db, slot),
  ]);
}

/** The first slot's obstacle, from conflictQueries' results in the same order; null when all are free. */
export function judgeConflicts(
  slots: readonly Slot[],
  results: readonly (readonly { startAt: number }[])[],
): ApiError | null {
  let at = 0;
  for (const slot of slots) {
    const [busy] = results[at++] ?? [];
    if (busy) {
      return new ApiError(409, 'counselor_busy', `the counselor has an appointment at ${when(busy.startAt)}`);
    }
    if (slot.roomId) {
      const [taken] = results[at++] ?? [];
      if (taken) return new ApiError(409, 'room_busy', `the room is booked at ${when(taken.startAt)}`);
    }
    const [leave] = results[at++] ?? [];
    if (leave) return new ApiError(409, 'on_leave', `the counselor is on leave at ${when(slot.startAt)}`);
  }
  return null;
}

/** What stands in the way of the first blocked slot, as the error the caller sees; null when all are free. */
export async function describeConflicts(db: Db, slots: readonly Slot[]): Promise<ApiError | null> {
  const [first, ...rest] = conflictQueries(db, slots);
  if (!first) return null;
  return judgeConflicts(slots, await db.batch([first, ...rest]));
}

/** A counselor's weekly shifts and dated exceptions, as queries for a read batch. */
export function shiftQueries(db: Db, counselorId: string | SQL) {
  return [
    db.select().from(availabilityShifts).where(eq(availabilityShifts.counselorId, counselorId)),
    db.select().from(availabilityExceptions).where(eq(availabilityExceptions.counselorId, counselorId)),
  ] as const;
}

/** Shifts and exceptions are configuration, not a race: checked before the atomic write. */
export function assertWithinShifts(
  timeZone: string,
  slots: readonly Slot[],
  shifts: readonly ShiftRow[],
  exceptions: readonly ExceptionRow[],
): void {
  const dated = exceptions.map((exception) => ({ ...exception, date: exception.localDate }));
  for (const slot of slots) {
    const intervals = availableIntervals(slot.startAt, slot.endAt, timeZone, shifts, dated);
    if (!covers(intervals, slot.startAt, slot.endAt)) {
      throw new ApiError(
        409,
        'outside_availability',
        `the counselor does not work at ${when(slot.startAt)} (see their shifts and exceptions)`,
      );
    }
  }
}
