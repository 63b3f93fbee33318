import { openDb } from '../db/client.js';
import type { Env } from '../env.js';
import { findOrg } from '../org.js';
import { remindAndEscalate } from './deadlines.js';
import { fireDueTimers } from './runtime.js';

/** The workflow engine's share of the quarter-hour Cron Trigger: timers and deadlines that came due. */
export async function runWorkflowTimers(env: Env, scheduledTime: number): Promise<void> {
  const db = openDb(env.DB);
  const org = await findOrg(db);
  if (!org) return;
  await fireDueTimers(db, org.id, scheduledTime);
  await remindAndEscalate(db, org.id, scheduledTime);
}
