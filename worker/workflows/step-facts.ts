import { and, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { BatchResponse } from 'drizzle-orm/batch';
import type { WorkflowData } from '../../core/workflows/model.js';
import { caseManagerQueries } from '../case-access.js';
import type { Db } from '../db/client.js';
import { appointments } from '../db/schedule-schema.js';
import { accessRequests, caseKeyWraps, caseRecords, cases, clients, users } from '../db/schema.js';
import { duringLeaveQuery, leaveQuery } from '../leave.js';
import { usersWithRoleQuery } from '../rules/recipients.js';

/**
 * What finishing a step may check or settle outside the workflow (step-writes.ts), read in the
 * batch that reads the task itself: which step the task is is not known before that batch, so it
 * holds every step kind's few point reads, keyed through SQL by the task and the submitted data.
 * The completion thus takes one read round trip and one write, whatever the step.
 */

export interface FactKeys {
  taskId: string;
  /** The data the step is completed with, as the browser sent it. */
  submitted: WorkflowData;
  userId: string;
  now: number;
}

/** The instance the task belongs to, as SQL. */
export const instanceOfTask = (taskId: string): SQL<string | null> =>
  sql`(SELECT workflow_instance_id FROM tasks WHERE id = ${taskId})`;

const instanceField = (taskId: string, column: 'case_id' | 'data', path?: string): SQL =>
  path === undefined
    ? sql`(SELECT ${sql.identifier(column)} FROM workflow_instances WHERE id = ${instanceOfTask(taskId)})`
    : sql`(SELECT json_extract(${sql.identifier(column)}, ${path}) FROM workflow_instances WHERE id = ${instanceOfTask(taskId)})`;

/** The instance's own data field, as the instance stands before this completion. */
const instanceData = (keys: FactKeys, field: string) => instanceField(keys.taskId, 'data', `$.${field}`);

/** A field of the data the step completes with: the submitted one, else the instance's (as completeTask merges them). */
function asked(keys: FactKeys, field: string): SQL {
  if (field in keys.submitted) {
    const value = keys.submitted[field];
    return sql`${typeof value === 'string' ? value : null}`;
  }
  return instanceData(keys, field);
}

export function stepFactQueries(db: Db, keys: FactKeys) {
  const caseOfInstance = instanceField(keys.taskId, 'case_id');
  const leaveId = asked(keys, 'leaveId');
  return [
    leaveQuery(db, leaveId),
    duringLeaveQuery(db, leaveId),
    usersWithRoleQuery(db, 'frontdesk'),
    db
      .select({ id: clients.id })
      .from(clients)
      .where(eq(clients.id, asked(keys, 'clientId'))),
    db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, asked(keys, 'counselorId')),
          eq(users.status, 'active'),
          sql`EXISTS (SELECT 1 FROM json_each(${users.roles}) WHERE value = 'counselor')`,
        ),
      ),
    db
      .select({ counselor: cases.primaryCounselorId, clientId: cases.clientId })
      .from(cases)
      .where(eq(cases.id, asked(keys, 'caseId'))),
    db
      .select({
        id: appointments.id,
        clientId: appointments.clientId,
        counselorId: appointments.counselorId,
        caseId: appointments.caseId,
      })
      .from(appointments)
      .where(eq(appointments.id, asked(keys, 'appointmentId'))),
    db
      .select({ id: accessRequests.id })
      .from(accessRequests)
      .where(
        and(
          eq(accessRequests.id, asked(keys, 'accessRequestId')),
          eq(accessRequests.caseId, caseOfInstance),
          eq(accessRequests.requesterId, keys.userId),
        ),
      ),
    db
      .select({ status: accessRequests.status })
      .from(accessRequests)
      .where(
        and(
          eq(accessRequests.id, instanceData(keys, 'accessRequestId')),
          eq(accessRequests.caseId, caseOfInstance),
        ),
      ),
    db
      .select({ id: caseKeyWraps.id })
      .from(caseKeyWraps)
      .innerJoin(cases, and(eq(cases.id, caseKeyWraps.caseId), eq(cases.currentEpoch, caseKeyWraps.epoch)))
      .where(
        and(
          eq(caseKeyWraps.caseId, caseOfInstance),
          eq(caseKeyWraps.toUserId, asked(keys, 'grantedTo')),
          isNull(caseKeyWraps.revokedAt),
          or(eq(caseKeyWraps.expiresAt, 0), gt(caseKeyWraps.expiresAt, keys.now)),
        ),
      )
      .limit(1),
    ...caseManagerQueries(db, caseOfInstance, keys.userId),
    db
      .select({ form: caseRecords.form })
      .from(caseRecords)
      .where(and(eq(caseRecords.caseId, caseOfInstance), eq(caseRecords.recordId, asked(keys, 'recordId'))))
      .limit(1),
  ] as const;
}

export type StepFactRows = BatchResponse<ReturnType<typeof stepFactQueries>>;

export function stepFacts(rows: StepFactRows) {
  const [
    leave,
    overlapping,
    frontdesk,
    client,
    counselor,
    opened,
    booked,
    filed,
    asked,
    wrap,
    managed,
    held,
    record,
  ] = rows;
  return {
    /** The leave request the process decides. */
    leave,
    /** Its counselor's appointments inside it, and the front desk: who is told on approval. */
    overlapping: overlapping.map((row) => row.id),
    frontdesk: frontdesk.map((row) => row.id),
    /** The client registered from a booking request. */
    client: client[0],
    /** The matched counselor, if an active counselor. */
    counselor: counselor[0],
    /** The case opened for the client, and the first session booked at matching. */
    openedCase: opened[0],
    booked: booked[0],
    /** The caller's access request for the instance's case. */
    filedRequest: filed[0],
    /** The request the process was started for (instance data), and a live wrap to the recipient. */
    askedRequest: asked[0],
    liveWrap: wrap[0],
    /** The instance's case, and whether the caller ever held a wrap of it (judgeCaseManager). */
    managedCase: managed,
    heldWrap: held,
    /** The record written for a form step on the instance's case. */
    record: record[0],
  };
}

export type StepFacts = ReturnType<typeof stepFacts>;
