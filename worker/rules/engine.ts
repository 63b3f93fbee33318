import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { ActionResult, RunOutcome } from '../../core/api/rules.js';
import { holds } from '../../core/rules/conditions.js';
import { isDuplicate, MAX_ATTEMPTS, retryDelayMs } from '../../core/rules/dedup.js';
import { SCHEDULE_MATCH } from '../../core/rules/events.js';
import type { Db } from '../db/client.js';
import {
  type RuleEventRow,
  type RuleRow,
  ruleDedup,
  ruleEvents,
  ruleRuns,
  rules,
} from '../db/rules-schema.js';
import { type ActionContext, type RulesDeps, runAction } from './actions.js';
import { type CaseFacts, caseFacts, conditionCaseFacts } from './facts.js';

/** How long one processor owns an event; a crashed one's claim lapses and the cron takes over. */
const CLAIM_MS = 2 * 60_000;
const BATCH_SIZE = 50;

/** The data a condition reads: the event (type and payload) and the facts of its case. */
export function conditionData(type: string, payload: object, facts: CaseFacts | undefined) {
  return { event: { type, ...payload }, case: facts ? conditionCaseFacts(facts) : null };
}

async function claim(db: Db, eventId: string, now: number): Promise<RuleEventRow | undefined> {
  const [claimed] = await db
    .update(ruleEvents)
    .set({ claimedUntil: now + CLAIM_MS })
    .where(
      and(
        eq(ruleEvents.id, eventId),
        isNull(ruleEvents.processedAt),
        or(isNull(ruleEvents.claimedUntil), lt(ruleEvents.claimedUntil, now)),
      ),
    )
    .returning();
  return claimed;
}

async function rulesFor(db: Db, event: RuleEventRow): Promise<RuleRow[]> {
  if (event.type === SCHEDULE_MATCH) {
    const ruleId = event.payload.ruleId;
    if (typeof ruleId !== 'string') return [];
    return db
      .select()
      .from(rules)
      .where(and(eq(rules.id, ruleId), eq(rules.enabled, true)));
  }
  return db
    .select()
    .from(rules)
    .where(and(eq(rules.triggerEvent, event.type), eq(rules.enabled, true)))
    .orderBy(asc(rules.createdAt));
}

interface RunRecord {
  outcome: RunOutcome;
  actions: ActionResult[];
  error: string | null;
}

/**
 * One rule on one event. The first attempt checks the condition and the de-duplication window; a
 * retry after a failure re-runs only the actions that did not succeed before.
 */
async function runRule(
  db: Db,
  deps: RulesDeps,
  event: RuleEventRow,
  rule: RuleRow,
  facts: CaseFacts | undefined,
  now: number,
) {
  const previous = await db
    .select()
    .from(ruleRuns)
    .where(and(eq(ruleRuns.eventId, event.id), eq(ruleRuns.ruleId, rule.id)))
    .orderBy(asc(ruleRuns.attempt));
  if (previous.some((run) => run.outcome !== 'failed')) return null;
  const eventType = event.type === SCHEDULE_MATCH ? 'schedule' : event.type;
  const record = async (run: RunRecord) => {
    await db.insert(ruleRuns).values({
      id: crypto.randomUUID(),
      ruleId: rule.id,
      eventId: event.id,
      eventType,
      subject: event.subject,
      caseId: event.caseId,
      at: now,
      attempt: event.attempts + 1,
      ...run,
    });
    return run;
  };

  if (previous.length === 0) {
    // A schedule's scan evaluated the condition when it enqueued the match.
    if (
      event.type !== SCHEDULE_MATCH &&
      !holds(rule.condition, conditionData(event.type, event.payload, facts))
    ) {
      return null;
    }
    const [last] = await db
      .select({ firedAt: ruleDedup.firedAt })
      .from(ruleDedup)
      .where(and(eq(ruleDedup.ruleId, rule.id), eq(ruleDedup.subject, event.subject)));
    if (isDuplicate(last?.firedAt ?? null, rule.dedupDays, now)) {
      return record({ outcome: 'deduplicated', actions: [], error: null });
    }
    await db
      .insert(ruleDedup)
      .values({ ruleId: rule.id, subject: event.subject, firedAt: now })
      .onConflictDoUpdate({ target: [ruleDedup.ruleId, ruleDedup.subject], set: { firedAt: now } });
  }

  const succeeded = new Map<number, ActionResult>();
  for (const run of previous) {
    run.actions.forEach((result, index) => {
      if (result.outcome !== 'failed') succeeded.set(index, result);
    });
  }
  const context: ActionContext = {
    db,
    deps,
    rule,
    event,
    eventType,
    caseFacts: facts,
    payload: event.payload,
    now,
  };
  const results: ActionResult[] = [];
  for (const [index, action] of rule.actions.entries()) {
    results.push(succeeded.get(index) ?? (await runAction(context, action, index)));
  }
  const failures = results.filter((result) => result.outcome === 'failed');
  return record({
    outcome: failures.length > 0 ? 'failed' : 'done',
    actions: results,
    error:
      failures.length > 0 ? failures.map((result) => `${result.kind}: ${result.detail}`).join('; ') : null,
  });
}

/** Every enabled rule on one event; failures leave the event pending with a later retry time. */
export async function processEvent(db: Db, deps: RulesDeps, eventId: string, now: number): Promise<void> {
  const event = await claim(db, eventId, now);
  if (!event) return;
  const facts = event.caseId ? await caseFacts(db, event.caseId, now) : undefined;
  const errors: string[] = [];
  for (const rule of await rulesFor(db, event)) {
    try {
      const run = await runRule(db, deps, event, rule, facts, now);
      if (run?.error) errors.push(`${rule.name}: ${run.error}`);
    } catch (error) {
      errors.push(`${rule.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const attempts = event.attempts + 1;
  const gaveUp = errors.length > 0 && attempts >= MAX_ATTEMPTS;
  await db
    .update(ruleEvents)
    .set(
      errors.length === 0 || gaveUp
        ? { attempts, processedAt: now, claimedUntil: null, lastError: errors.join('\n') || null }
        : {
            attempts,
            nextAttemptAt: now + retryDelayMs(attempts),
            claimedUntil: null,
            lastError: errors.join('\n'),
          },
    )
    .where(eq(ruleEvents.id, event.id));
}

/** The pending events due by `now`, oldest first, one at a time; returns how many it took. */
export async function processOutbox(
  db: Db,
  deps: RulesDeps,
  now: number,
  limit = BATCH_SIZE,
): Promise<number> {
  const due = await db
    .select({ id: ruleEvents.id })
    .from(ruleEvents)
    .where(
      and(
        isNull(ruleEvents.processedAt),
        lte(ruleEvents.nextAttemptAt, now),
        or(isNull(ruleEvents.claimedUntil), lt(ruleEvents.claimedUntil, now)),
      ),
    )
    .orderBy(asc(ruleEvents.nextAttemptAt))
    .limit(limit);
  for (const { id } of due) await processEvent(db, deps, id, now);
  return due.length;
}
