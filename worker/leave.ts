import { and, asc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { LeaveDecision, LeaveView } from '../core/api/schedule-setup.js';
import { commitAudited } from './audit.js';
import { isNotNull } from './booking-guard.js';
import type { Db } from './db/client.js';
import { appointments, type LeaveRow, leaveRequests } from './db/schedule-schema.js';
import { ApiError } from './errors.js';

/**
 * Leave (请假): a counselor asks, a director approves or rejects; approved leave blocks bookings
 * (worker/booking-guard.ts). decideLeave is the one entry point for a decision, so the workflow
 * engine's approval step can call it exactly as the route does.
 */

export function toLeaveView(row: LeaveRow, overlapping?: string[]): LeaveView {
  return {
    id: row.id,
    counselorId: row.counselorId,
    startAt: row.startAt,
    endAt: row.endAt,
    reason: row.reason,
    status: row.status,
    requestedAt: row.requestedAt,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    ...(overlapping ? { overlapping } : {}),
  };
}

export async function requireLeave(db: Db, id: string): Promise<LeaveRow> {
  const [row] = await db.select().from(leaveRequests).where(eq(leaveRequests.id, id));
  if (!row) throw new ApiError(404, 'not_found', 'no such leave request');
  return row;
}

/** The counselor's appointments that still hold time inside the leave: to be moved by the front desk. */
export async function appointmentsDuringLeave(db: Db, leave: LeaveRow): Promise<string[]> {
  const rows = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.counselorId, leave.counselorId),
        ne(appointments.status, 'cancelled'),
        lt(appointments.startAt, leave.endAt),
        gt(appointments.endAt, leave.startAt),
      ),
    )
    .orderBy(asc(appointments.startAt));
  return rows.map((row) => row.id);
}

/**
 * Moves a pending request to `status`. The new status is computed in SQL and is NULL (so the
 * batch aborts) unless the request is still pending: two racing decisions cannot both apply.
 */
async function settle(
  db: Db,
  orgId: string,
  leave: LeaveRow,
  status: 'approved' | 'rejected' | 'cancelled',
  actorId: string,
): Promise<LeaveRow> {
  if (leave.status !== 'pending') {
    throw new ApiError(409, 'request_not_pending', `this leave request is already ${leave.status}`);
  }
  const now = Date.now();
  try {
    await commitAudited(
      db,
      orgId,
      {
        actor: actorId,
        type: status === 'cancelled' ? 'leave.cancelled' : 'leave.decided',
        subject: leave.id,
        details: { counselorId: leave.counselorId, status },
      },
      () => [
        db
          .update(leaveRequests)
          .set({
            status: sql`(CASE WHEN ${leaveRequests.status} = 'pending' THEN ${status} END)`,
            decidedBy: status === 'cancelled' ? null : actorId,
            decidedAt: now,
          })
          .where(eq(leaveRequests.id, leave.id)),
      ],
    );
  } catch (error) {
    if (isNotNull(error, 'leave_requests.status'))
      throw new ApiError(409, 'request_not_pending', 'this leave request was just decided');
    throw error;
  }
  return { ...leave, status, decidedBy: status === 'cancelled' ? null : actorId, decidedAt: now };
}

export interface LeaveDecisionInput {
  leaveId: string;
  decision: LeaveDecision;
  deciderId: string;
}

/** A director's (or a workflow approval step's) decision; nobody decides their own leave. */
export async function decideLeave(db: Db, orgId: string, input: LeaveDecisionInput): Promise<LeaveView> {
  const leave = await requireLeave(db, input.leaveId);
  if (leave.counselorId === input.deciderId) {
    throw new ApiError(403, 'self_approval', 'someone else must decide your own leave');
  }
  const decided = await settle(db, orgId, leave, input.decision, input.deciderId);
  return toLeaveView(
    decided,
    input.decision === 'approved' ? await appointmentsDuringLeave(db, decided) : undefined,
  );
}

export async function cancelLeave(
  db: Db,
  orgId: string,
  leave: LeaveRow,
  actorId: string,
): Promise<LeaveView> {
  return toLeaveView(await settle(db, orgId, leave, 'cancelled', actorId));
}
