import { and, asc, eq, gt, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { BOOKED_STATUSES } from '../core/api/appointments.js';
import type { LeaveDecision, LeaveView } from '../core/api/schedule-setup.js';
import { type AuditRecord, commitAudited } from './audit.js';
import { isNotNull } from './booking-guard.js';
import type { Db } from './db/client.js';
import { notifications } from './db/rules-schema.js';
import { appointments, type LeaveRow, leaveRequests } from './db/schedule-schema.js';
import { ApiError } from './errors.js';
import { usersWithRoleQuery } from './rules/recipients.js';

/**
 * Leave (请假): a counselor asks, a director approves or rejects; approved leave blocks bookings
 * (worker/booking-guard.ts). leaveSettlement is the one way a decision is written: decideLeave
 * commits it alone, the workflow's approval step in its own transition's batch.
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

/** The leave request `id` (or the one SQL names), as one statement for a read batch. */
export const leaveQuery = (db: Db, id: string | SQL) =>
  db.select().from(leaveRequests).where(eq(leaveRequests.id, id));

export function judgeLeave(rows: readonly LeaveRow[]): LeaveRow {
  const [row] = rows;
  if (!row) throw new ApiError(404, 'not_found', 'no such leave request');
  return row;
}

export async function requireLeave(db: Db, id: string): Promise<LeaveRow> {
  return judgeLeave(await leaveQuery(db, id));
}

/**
 * The counselor's appointments that still hold time inside the leave request `leaveId`: to be
 * moved by the front desk. One statement for a read batch.
 */
export const duringLeaveQuery = (db: Db, leaveId: string | SQL) =>
  db
    .select({ id: appointments.id })
    .from(appointments)
    .innerJoin(leaveRequests, eq(leaveRequests.id, leaveId))
    .where(
      and(
        eq(appointments.counselorId, leaveRequests.counselorId),
        ne(appointments.status, 'cancelled'),
        lt(appointments.startAt, leaveRequests.endAt),
        gt(appointments.endAt, leaveRequests.startAt),
      ),
    )
    .orderBy(asc(appointments.startAt));

export interface LeaveSettlement {
  audit: AuditRecord;
  statements: BatchItem<'sqlite'>[];
  settled: LeaveRow;
}

/**
 * The writes that move a pending request to `status`, for the caller's batch. The new status is
 * computed in SQL and is NULL (so the batch aborts) unless the request is still pending: two
 * racing decisions cannot both apply.
 */
export function leaveSettlement(
  db: Db,
  leave: LeaveRow,
  status: 'approved' | 'rejected' | 'cancelled',
  actorId: string,
  now = Date.now(),
): LeaveSettlement {
  if (leave.status !== 'pending') {
    throw new ApiError(409, 'request_not_pending', `this leave request is already ${leave.status}`);
  }
  const decidedBy = status === 'cancelled' ? null : actorId;
  return {
    audit: {
      actor: actorId,
      type: status === 'cancelled' ? 'leave.cancelled' : 'leave.decided',
      subject: leave.id,
      details: { counselorId: leave.counselorId, status },
    },
    statements: [
      db
        .update(leaveRequests)
        .set({
          status: sql`(CASE WHEN ${leaveRequests.status} = 'pending' THEN ${status} END)`,
          decidedBy,
          decidedAt: now,
        })
        .where(eq(leaveRequests.id, leave.id)),
    ],
    settled: { ...leave, status, decidedBy, decidedAt: now },
  };
}

export const leaveJustDecided = (error: unknown) =>
  isNotNull(error, 'leave_requests.status')
    ? new ApiError(409, 'request_not_pending', 'this leave request was just decided')
    : error;

async function settle(
  db: Db,
  orgId: string,
  leave: LeaveRow,
  status: 'approved' | 'rejected' | 'cancelled',
  actorId: string,
): Promise<LeaveRow> {
  const settlement = leaveSettlement(db, leave, status, actorId);
  try {
    await commitAudited(db, orgId, settlement.audit, () => settlement.statements);
  } catch (error) {
    throw leaveJustDecided(error);
  }
  return settlement.settled;
}

/** Nobody decides their own leave, whether on the schedule page or in a workflow's approval. */
export function requireOtherDecider(leave: LeaveRow, deciderId: string): void {
  if (leave.counselorId === deciderId) {
    throw new ApiError(403, 'self_approval', 'someone else must decide your own leave');
  }
}

export interface LeaveDecisionInput {
  leaveId: string;
  decision: LeaveDecision;
  deciderId: string;
}

/** A director's (or a workflow approval step's) decision; nobody decides their own leave. */
export async function decideLeave(db: Db, orgId: string, input: LeaveDecisionInput): Promise<LeaveView> {
  // The request, what an approval overlaps and who is told, in one round trip before the write.
  const [leaveRows, overlapRows, frontdesk] = await db.batch([
    leaveQuery(db, input.leaveId),
    duringLeaveQuery(db, input.leaveId),
    usersWithRoleQuery(db, 'frontdesk'),
  ]);
  const leave = judgeLeave(leaveRows);
  requireOtherDecider(leave, input.deciderId);
  const settlement = leaveSettlement(db, leave, input.decision, input.deciderId);
  const decided = settlement.settled;
  const overlapping = overlapRows.map((row) => row.id);
  const notices =
    input.decision === 'approved'
      ? overlapNotices(
          db,
          decided,
          overlapping,
          frontdesk.map((row) => row.id),
          decided.decidedAt ?? Date.now(),
        )
      : [];
  try {
    await commitAudited(db, orgId, settlement.audit, () => [...settlement.statements, ...notices]);
  } catch (error) {
    throw leaveJustDecided(error);
  }
  return input.decision === 'approved' ? toLeaveView(decided, overlapping) : toLeaveView(decided);
}

/**
 * Approved leave leaves its appointments in place: the counselor and the front desk are told, in
 * the notification center, how many to move or cancel (the schedule page lists them, see
 * appointmentsNeedingMove). Ids and a count only, never a client. Statements for the decision's
 * batch (none when nothing overlaps).
 */
export function overlapNotices(
  db: Db,
  leave: LeaveRow,
  overlapping: readonly string[],
  frontdesk: readonly string[],
  now: number,
) {
  if (overlapping.length === 0) return [];
  const recipients = new Set([leave.counselorId, ...frontdesk]);
  const n = overlapping.length;
  return [...recipients].map((userId) =>
    db
      .insert(notifications)
      .values({
        id: crypto.randomUUID(),
        userId,
        ruleId: null,
        source: `leave:${leave.id}`,
        title: `请假已批准：${n} 个预约需改期或取消 / Leave approved: ${n} appointment(s) to move or cancel`,
        eventType: 'leave.approved',
        caseId: null,
        subject: leave.id,
        createdAt: now,
      })
      .onConflictDoNothing(),
  );
}

/**
 * Booked appointments, not yet over, that fall inside their counselor's approved leave: what the
 * front desk (or the counselor, `counselorId`) still has to move or cancel.
 */
export async function appointmentsNeedingMove(db: Db, now: number, counselorId?: string) {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        inArray(appointments.status, [...BOOKED_STATUSES]),
        gt(appointments.endAt, now),
        ...(counselorId ? [eq(appointments.counselorId, counselorId)] : []),
        sql`EXISTS (SELECT 1 FROM leave_requests l WHERE l.counselor_id = ${appointments.counselorId}
          AND l.status = 'approved' AND l.start_at < ${appointments.endAt} AND l.end_at > ${appointments.startAt})`,
      ),
    )
    .orderBy(asc(appointments.startAt))
    .limit(200);
}

export async function cancelLeave(
  db: Db,
  orgId: string,
  leave: LeaveRow,
  actorId: string,
): Promise<LeaveView> {
  return toLeaveView(await settle(db, orgId, leave, 'cancelled', actorId));
}
