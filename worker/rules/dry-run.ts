import { desc, eq, inArray } from 'drizzle-orm';
import type { DryRunResult } from '../../core/api/rules.js';
import { holds } from '../../core/rules/conditions.js';
import { EVENT_FACTS } from '../../core/rules/events.js';
import type { RuleInput } from '../../core/rules/model.js';
import type { Db } from '../db/client.js';
import { ruleEvents } from '../db/rules-schema.js';
import { cases } from '../db/schema.js';
import { conditionData } from './engine.js';
import { caseFactsQuery, conditionCaseFacts, factsById, openCaseFacts } from './facts.js';

/** How many recent events of its type an event rule is tried on. */
const RECENT_EVENTS = 200;
const MAX_MATCHES = 100;

type Facts = DryRunResult['matches'][number]['facts'];

function shownFacts(
  caseFacts: ReturnType<typeof conditionCaseFacts> | null,
  event: Record<string, unknown>,
): Facts {
  const shown: Facts = {};
  if (caseFacts) for (const [key, value] of Object.entries(caseFacts)) shown[`case.${key}`] = value;
  for (const [key, value] of Object.entries(event)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      shown[`event.${key}`] = value;
  }
  return shown;
}

/**
 * Which subjects the rule would match now, changing nothing: a schedule rule over the open cases,
 * an event rule over the recent events of its type.
 */
export async function dryRun(db: Db, rule: RuleInput, now: number): Promise<DryRunResult> {
  const matches: DryRunResult['matches'] = [];
  if (rule.trigger.kind === 'schedule') {
    const open = await openCaseFacts(db, now);
    for (const facts of open) {
      if (holds(rule.condition, conditionData('schedule', {}, facts))) {
        matches.push({
          subject: facts.id,
          caseId: facts.id,
          facts: shownFacts(conditionCaseFacts(facts), {}),
        });
      }
    }
    return { scanned: open.length, matches: matches.slice(0, MAX_MATCHES) };
  }
  const eventType = rule.trigger.event;
  // The recent events and the facts of their cases in one round trip.
  const [recent, factRows] = await db.batch([
    db
      .select()
      .from(ruleEvents)
      .where(eq(ruleEvents.type, eventType))
      .orderBy(desc(ruleEvents.createdAt))
      .limit(RECENT_EVENTS),
    caseFactsQuery(
      db,
      inArray(
        cases.id,
        db
          .select({ caseId: ruleEvents.caseId })
          .from(ruleEvents)
          .where(eq(ruleEvents.type, eventType))
          .orderBy(desc(ruleEvents.createdAt))
          .limit(RECENT_EVENTS),
      ),
    ),
  ]);
  const factsOf = factsById(factRows, now);
  const catalog = new Set(EVENT_FACTS[eventType].map((fact) => fact.path.slice('event.'.length)));
  for (const event of recent) {
    const facts = event.caseId ? factsOf.get(event.caseId) : undefined;
    if (!holds(rule.condition, conditionData(event.type, event.payload, facts))) continue;
    const shownEvent = Object.fromEntries(Object.entries(event.payload).filter(([key]) => catalog.has(key)));
    matches.push({
      subject: event.subject,
      caseId: event.caseId,
      facts: shownFacts(facts ? conditionCaseFacts(facts) : null, shownEvent),
    });
    if (matches.length >= MAX_MATCHES) break;
  }
  return { scanned: recent.length, matches };
}
