import { openDb } from '../db/client.js';
import type { Env } from '../env.js';
import { notificationSender } from './outbox.js';
import { runScheduledRules } from './scans.js';

/** The rules engine's share of the Cron Trigger: schedule rules, scans and the outbox's retries. */
export function runRulesCron(env: Env, scheduledTime: number): Promise<void> {
  const db = openDb(env.DB);
  return runScheduledRules(db, { sender: notificationSender(env, db) }, scheduledTime);
}
