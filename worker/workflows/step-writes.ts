import { and, eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { BookingStatus } from '../../core/api/bookings.js';
import type { TaskNode, WorkflowData } from '../../core/workflows/model.js';
import type { AuditRecord } from '../audit.js';
import { judgeCaseManager } from '../case-access.js';
import { caseStatusChange, statusPath } from '../case-status.js';
import type { Db } from '../db/client.js';
import { bookingRequests } from '../db/integrations-schema.js';
import type { TaskRow } from '../db/rules-schema.js';
import { appointments } from '../db/schedule-schema.js';
import type { WorkflowDefinitionRow, WorkflowInstanceRow } from '../db/workflow-schema.js';
import type { ActiveSession } from '../env.js';
import { ApiError } from '../errors.js';
import { judgeLeave, leaveSettlement, overlapNotices, requireOtherDecider } from '../leave.js';
import type { StepFacts } from './step-facts.js';

/**
 * What finishing a step changes outside the workflow, written in the same D1 batch as the
 * transition (issue 6: one batch per transition with its audit events). The browser actions
 * (DESIGN §3: steps that need keys) happened before the completion; here the server checks
 * that what the step's data claims is so, against the facts read with the task
 * (step-facts.ts), and records it.
 */

export const LEAVE_PROCESS = 'leave_request';

export interface StepContext {
  db: Db;
  session: ActiveSession;
  definition: WorkflowDefinitionRow;
  instance: WorkflowInstanceRow;
  task: TaskRow;
  node: TaskNode;
  outcome: 'completed' | 'approved' | 'rejected';
  data: WorkflowData;
  facts: StepFacts;
}

export interface StepWrites {
  audit: AuditRecord[];
  statements: BatchItem<'sqlite'>[];
  /** The case the step opened, which the instance carries from now on. */
  caseId?: string;
  /** What the step settled that later edges test (the server's finding, not the browser's word). */
  data?: WorkflowData;
}

const nothing = (): StepWrites => ({ audit: [], statements: [] });
const missing = (field: string, why: string) =>
  new ApiError(422, 'invalid_request', `this step needs ${field}: ${why}`);
const idOf = (data: WorkflowData, field: string) => {
  const value = data[field];
  return typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value) ? value : null;
};

/**
 * The leave request's approval decides the leave itself; approved leave blocks bookings, and who
 * must move its appointments is told in the same batch.
 */
function leaveDecision(context: StepContext): StepWrites {
  const { db, data, outcome, session, facts } = context;
  const leaveId = idOf(data, 'leaveId');
  if (!leaveId || outcome === 'completed') return nothing();
  const leave = judgeLeave(facts.leave);
  requireOtherDecider(leave, session.user.id);
  // Decided on the schedule page meanwhile: the same decision just moves the process on.
  if (leave.status === outcome) return nothing();
  const settlement = leaveSettlement(db, leave, outcome, session.user.id);
  const { settled } = settlement;
  const notices =
    outcome === 'approved'
      ? overlapNotices(db, settled, facts.overlapping, facts.frontdesk, settled.decidedAt ?? Date.now())
      : [];
  return { audit: [settlement.audit], statements: [...settlement.statements, ...notices] };
}

function bookingStatus(context: StepContext, to: BookingStatus): StepWrites {
  const { db, session } = context;
  const requestId = idOf(context.data, 'bookingRequestId');
  if (!requestId) return nothing();
  return {
    audit: [{ actor: session.user.id, type: 'booking.status_changed', subject: requestId, details: { to } }],
    statements: [db.update(bookingRequests).set({ status: to }).where(eq(bookingRequests.id, requestId))],
  };
}

function screened(context: StepContext): StepWrites {
  if (context.outcome === 'rejected') return bookingStatus(context, 'declined');
  const clientId = idOf(context.data, 'clientId');
  if (!clientId) throw missing('clientId', 'the client registered from the request');
  if (!context.facts.client) throw missing('clientId', 'no such client');
  return bookingStatus(context, 'screening');
}

function matched(context: StepContext): StepWrites {
  const counselorId = idOf(context.data, 'counselorId');
  if (!counselorId) throw missing('counselorId', 'the counselor chosen');
  if (!context.facts.counselor) throw missing('counselorId', 'no active counselor has this id');
  return bookingStatus(context, 'scheduled');
}

/**
 * The counselor's browser opened the case for the matched client; it must be theirs. The first
 * session booked at matching is filed in that case, so it counts like every later one (the
 * supervision process's every N sessions, the case's reports).
 */
function caseOpened(context: StepContext): StepWrites {
  const { db, session } = context;
  if (context.outcome === 'rejected') return nothing();
  const caseId = idOf(context.data, 'caseId');
  if (!caseId) throw missing('caseId', 'the case opened for the client');
  const appointmentId = idOf(context.data, 'appointmentId');
  const row = context.facts.openedCase;
  const booked = appointmentId ? context.facts.booked : undefined;
  if (row?.counselor !== session.user.id) throw missing('caseId', 'a case of yours');
  const clientId = idOf(context.data, 'clientId');
  if (clientId && row.clientId !== clientId) throw missing('caseId', 'the case of this client');
  if (!booked || booked.caseId === caseId) return { ...nothing(), caseId };
  if (booked.clientId !== row.clientId || booked.counselorId !== session.user.id || booked.caseId !== null) {
    throw missing('caseId', 'the case of the client whose first session is booked with you');
  }
  return {
    caseId,
    audit: [
      {
        actor: session.user.id,
        type: 'appointment.case_linked',
        subject: booked.id,
        details: { caseId },
      },
    ],
    // Still unfiled when the batch runs, or it files nothing.
    statements: [
      db
        .update(appointments)
        .set({ caseId })
        .where(and(eq(appointments.id, booked.id), isNull(appointments.caseId))),
    ],
  };
}

/** The supervisor's browser asked for temporary access to the instance's case. */
function accessRequested(context: StepContext): StepWrites {
  if (!context.instance.caseId) throw new ApiError(409, 'workflow_stuck', 'this process runs on no case');
  const requestId = idOf(context.data, 'accessRequestId');
  if (!requestId) throw missing('accessRequestId', 'the access request filed for the case');
  if (!context.facts.filedRequest) throw missing('accessRequestId', 'your access request for this case');
  return nothing();
}

/**
 * The key holder's browser wrapped the case key to `grantedTo`; a live wrap must exist. Or the
 * key holder denied the supervisor's request (or it was withdrawn): the step is done with `access`
 * denied, and the process sends the supervisor back to ask again rather than wait for a key that
 * never comes.
 */
function keyDelivered(context: StepContext): StepWrites {
  const { instance, data, facts } = context;
  if (!instance.caseId) throw new ApiError(409, 'workflow_stuck', 'this process runs on no case');
  if (idOf(instance.data, 'accessRequestId')) {
    const request = facts.askedRequest;
    // Withdrawn by the supervisor is no different for the process: no key is coming.
    if (request?.status === 'denied' || request?.status === 'cancelled') {
      return { ...nothing(), data: { access: 'denied', grantedTo: null } };
    }
  }
  const grantedTo = idOf(data, 'grantedTo');
  if (!grantedTo) throw missing('grantedTo', 'who received the case key');
  if (!facts.liveWrap) throw missing('grantedTo', 'a live wrap of the case key to them');
  return { ...nothing(), data: { access: 'granted' } };
}

/** The case closing ends with the case archived, through the case's own status transitions. */
function archived(context: StepContext): StepWrites {
  const { db, instance, session, facts } = context;
  if (!instance.caseId) throw new ApiError(409, 'workflow_stuck', 'this process runs on no case');
  if (context.outcome === 'rejected') return nothing();
  const caseRow = judgeCaseManager(facts.managedCase, facts.heldWrap, session);
  if (caseRow.status === 'archived') return nothing();
  const path = statusPath(caseRow.status, 'archived');
  if (!path) throw new ApiError(409, 'invalid_transition', `a ${caseRow.status} case cannot be archived`);
  const change = caseStatusChange(db, caseRow, path, session.user.id);
  return { audit: change.audit, statements: change.statements };
}

/** A form step on a case is done by writing its form there: the record must exist. */
function formWritten(context: StepContext, formKey: string): StepWrites {
  const recordId = idOf(context.data, 'recordId');
  if (!recordId) throw missing('recordId', `the ${formKey} record written for it`);
  const { record } = context.facts;
  if (!record?.form.startsWith(`${formKey}@`)) throw missing('recordId', `a ${formKey} record of this case`);
  return nothing();
}

export function stepWrites(context: StepContext): StepWrites {
  const { node, instance } = context;
  if (context.definition.key === LEAVE_PROCESS && node.type === 'approval') {
    return leaveDecision(context);
  }
  if (node.type === 'form_task' && node.formKey && instance.caseId && !node.action) {
    return formWritten(context, node.formKey);
  }
  switch (context.node.action) {
    case 'screen_booking':
      return screened(context);
    case 'match_counselor':
      return matched(context);
    case 'open_case':
      return caseOpened(context);
    case 'request_case_access':
      return accessRequested(context);
    case 'deliver_case_key':
      return keyDelivered(context);
    case 'archive_case':
      return archived(context);
    case 'notify_client':
    case undefined:
      return nothing();
  }
}
