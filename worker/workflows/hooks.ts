import type { Db } from '../db/client.js';
import { publishedDefinition, startInstance } from './runtime.js';
import { LEAVE_PROCESS } from './step-writes.js';

/** Where the shipped processes start from the modules they run (their steps: step-writes.ts). */

/** A counselor's new leave request enters the leave process when the center has published one. */
export async function startLeaveProcess(db: Db, orgId: string, leaveId: string, counselorId: string) {
  const definition = await publishedDefinition(db, LEAVE_PROCESS);
  if (!definition) return null;
  return startInstance(db, { orgId, definition, caseId: null, data: { leaveId }, actor: counselorId });
}
