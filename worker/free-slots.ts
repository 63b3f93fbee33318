import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { BOOKED_STATUSES } from '../core/api/appointments.js';
import { MAX_APPOINTMENT_MINUTES } from '../core/api/schedule-setup.js';
import { availableIntervals, type Interval } from '../core/schedule/availability.js';
import type { Db } from './db/client.js';
import {
  type AppointmentRow,
  appointments,
  availabilityExceptions,
  availabilityShifts,
  type ExceptionRow,
  type LeaveRow,
  leaveRequests,
  type ServiceRow,
  type ShiftRow,
} from './db/schedule-schema.js';

/**
 * The starts a website visitor may ask for: times when at least one counselor works, is not on
 * leave and has no booked appointment for the service's whole duration. Only the times leave
 * the server, never who is free or why not.
 */

const STEP_MS = 30 * 60_000;
/** No booking for the next few hours: the front desk needs time to screen the request. */
export const BOOKING_LEAD_MS = 2 * 3600_000;
const LONGEST_MS = MAX_APPOINTMENT_MINUTES * 60_000;

function subtract(intervals: readonly Interval[], busy: readonly Interval[]): Interval[] {
  let free = [...intervals];
  for (const block of busy) {
    free = free.flatMap((interval) => {
      if (block.endAt <= interval.startAt || block.startAt >= interval.endAt) return [interval];
      const pieces: Interval[] = [];
      if (block.startAt > interval.startAt) pieces.push({ startAt: interval.startAt, endAt: block.startAt });
      if (block.endAt < interval.endAt) pieces.push({ startAt: block.endAt, endAt: interval.endAt });
      return pieces;
    });
  }
  return free;
}

/**
 * What free starts between `from` and `to` depend on, as queries for a read batch (see
 * freeSlotsFrom): every shift and exception, and the leave and bookings that reach into the span.
 */
export function freeSlotQueries(db: Db, from: number, to: number) {
  return [
    db.select().from(availabilityShifts),
    db.select().from(availabilityExceptions),
    db
      .select()
      .from(leaveRequests)
      .where(
        and(
          eq(leaveRequests.status, 'approved'),
          lt(leaveRequests.startAt, to),
          gt(leaveRequests.endAt, from),
        ),
      ),
    db
      .select()
      .from(appointments)
      .where(
        and(
          inArray(appointments.status, [...BOOKED_STATUSES]),
          lt(appointments.startAt, to),
          gt(appointments.startAt, from - LONGEST_MS),
        ),
      ),
  ] as const;
}

type FreeSlotRows = [ShiftRow[], ExceptionRow[], LeaveRow[], AppointmentRow[]];

/**
 * Each counselor's free starts for the service between `from` and `to`, from freeSlotQueries'
 * rows (read for this span or a wider one: leave and bookings outside it subtract nothing).
 */
export function freeSlotsFrom(
  [shifts, exceptions, leave, booked]: Readonly<FreeSlotRows>,
  service: ServiceRow,
  from: number,
  to: number,
  timeZone: string,
): Map<string, number[]> {
  const durationMs = service.durationMinutes * 60_000;
  const earliest = Math.max(from, Date.now() + BOOKING_LEAD_MS);
  const free = new Map<string, number[]>();
  for (const counselorId of new Set(shifts.map((shift) => shift.counselorId))) {
    const working = availableIntervals(
      from,
      to,
      timeZone,
      shifts.filter((shift) => shift.counselorId === counselorId),
      exceptions
        .filter((exception) => exception.counselorId === counselorId)
        .map((exception) => ({ ...exception, date: exception.localDate })),
    );
    const busy = [
      ...leave.filter((row) => row.counselorId === counselorId),
      ...booked.filter((row) => row.counselorId === counselorId),
    ];
    const starts: number[] = [];
    for (const interval of subtract(working, busy)) {
      for (let start = interval.startAt; start + durationMs <= interval.endAt; start += STEP_MS) {
        if (start >= earliest && start < to) starts.push(start);
      }
    }
    free.set(
      counselorId,
      starts.sort((a, b) => a - b),
    );
  }
  return free;
}

/** Every start at which some counselor is free, earliest first. */
export function mergedStarts(free: Map<string, number[]>): number[] {
  const starts = new Set<number>();
  for (const counselorStarts of free.values()) {
    for (const start of counselorStarts) starts.add(start);
  }
  return [...starts].sort((a, b) => a - b);
}
