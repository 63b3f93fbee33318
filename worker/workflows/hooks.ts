import type { WorkflowData } from '../../core/workflows/model.js';
import type { Db } from '../db/client.js';
import type { TaskRow } from '../db/rules-schema.js';
import type { WorkflowDefinitionRow } from '../db/workflow-schema.js';
import { decideLeave, requireLeave } from '../leave.js';
import { publishedDefinition, startInstance } from './runtime.js';

/**
 * Where the shipped processes meet the modules they run: the leave request's approval step
 * decides the leave itself (approved leave blocks availability, worker/booking-guard.ts).
 */
export const LEAVE_PROCESS = 'leave_request';

/** A counselor's new leave request enters the leave process when the center has published one. */
export async function startLeaveProcess(db: Db, orgId: string, leaveId: string, counselorId: string) {
  const definition = await publishedDefinition(db, LEAVE_PROCESS);
  if (!definition) return null;
  return startInstance(db, { orgId, definition, caseId: null, data: { leaveId }, actor: counselorId });
}

/**
 * Runs before an approval's transition. The leave's own guard makes a second decision a conflict,
 * so a retried completion after the leave was decided skips straight to the workflow.
 */
export async function beforeApproval(
  db: Db,
  orgId: string,
  definition: WorkflowDefinitionRow,
  task: TaskRow,
  decision: 'approved' | 'rejected',
  data: WorkflowData,
  deciderId: string,
): Promise<void> {
  if (definition.key !== LEAVE_PROCESS || task.workflowStep !== 'approval') return;
  if (typeof data.leaveId !== 'string') return;
  const leave = await requireLeave(db, data.leaveId);
  if (leave.status !== 'pending') return;
  await decideLeave(db, orgId, { leaveId: leave.id, decision, deciderId });
}
