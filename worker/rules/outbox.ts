import type { Context } from 'hono';
import type { EventType, SCHEDULE_MATCH } from '../../core/rules/events.js';
import { afterResponse } from '../after-response.js';
import type { Db } from '../db/client.js';
import { type EventPayload, ruleEvents } from '../db/rules-schema.js';
import { type EmailSender, logOnlySender, outboxSender } from '../email.js';
import type { AppEnv, Env } from '../env.js';
import { processOutbox } from './engine.js';

export interface OutboxEvent {
  type: EventType | typeof SCHEDULE_MATCH;
  /** What de-duplication counts per rule: the case, grant, task or appointment id. */
  subject: string;
  caseId?: string | null;
  /** Ids, dates and operational fields only: never a secret (DESIGN §2). */
  payload?: EventPayload;
  /** Makes a scan idempotent: a second event with the same key is dropped. */
  dedupKey?: string;
}

/**
 * The statement that appends an event to the outbox. Put it in the same D1 batch as the change
 * it reports (e.g. inside commitAudited's changes), so the event exists exactly when the change
 * does; then call `processEventsAfterCommit(c)`.
 */
export function eventStatement(db: Db, event: OutboxEvent, now = Date.now()) {
  return db
    .insert(ruleEvents)
    .values({
      id: crypto.randomUUID(),
      type: event.type,
      subject: event.subject,
      caseId: event.caseId ?? null,
      payload: event.payload ?? {},
      dedupKey: event.dedupKey ?? null,
      createdAt: now,
      nextAttemptAt: now,
    })
    .onConflictDoNothing({ target: ruleEvents.dedupKey });
}

/**
 * Mail for rule notifications. They hold ids and dates only, so local mode may keep them in the
 * dev outbox without the loopback check invitation links need; a provider plugs in here.
 */
export function notificationSender(env: Env, db: Db): EmailSender {
  return env.DEV_OUTBOX === '1' ? outboxSender(db) : logOnlySender;
}

/**
 * One outbox pass per isolate at a time (issue 12). Every pass reads all due events and tries to
 * claim each, so passes started by concurrent commits — one per request, 64 at once under load —
 * each spent a D1 round trip per due event on claims the first pass had already won, and that
 * work queued in front of the next requests until they timed out. A commit while a pass runs asks
 * it for another round instead, so its events are still run right after it; a pass that stopped
 * without saying so (its request cut off) is replaced after LEASE_MS, and the cron is the net.
 */
const LEASE_MS = 10_000;
const MAX_ROUNDS = 50;
let passSince = 0;
let passAgain = false;

async function processOutboxOnce(db: Db, env: Env): Promise<void> {
  if (Date.now() - passSince < LEASE_MS) {
    passAgain = true;
    return;
  }
  passSince = Date.now();
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      passAgain = false;
      await processOutbox(db, { sender: notificationSender(env, db) }, Date.now());
      passSince = Date.now();
      if (!passAgain) return;
    }
  } finally {
    passSince = 0;
  }
}

/**
 * Runs the rules on what was just committed, after the response; the Cron Trigger is the net.
 * `first` is other follow-up work of the request (it handles its own failures), run before the
 * outbox so the events it appends are processed in the same pass.
 */
export function processEventsAfterCommit(c: Context<AppEnv>, first?: () => Promise<void>): void {
  const { db } = c.var;
  const work = async () => {
    await first?.();
    await processOutboxOnce(db, c.env).catch((error) => {
      console.error('rules: processing the outbox after a commit failed; the cron retries', error);
    });
  };
  try {
    afterResponse(c.executionCtx, work);
  } catch {
    // No execution context (a bare app.request): the work still runs.
    void work();
  }
}
