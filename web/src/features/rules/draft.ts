import {
  type ClauseOperator,
  compileClauses,
  EVENTS_WITH_OPERATIONAL,
  type EventType,
  type Fact,
  factsFor,
  type JsonLogic,
  OPERATIONAL_PREFIX,
  parseClauses,
  type RuleAction,
  type RuleInput,
  type Trigger,
} from '../../../../core/rules/index';

/** The editor's working copy of a rule: what the form fields hold, strings where people type. */

export const OPERATIONAL_FACT = 'operational';

export interface ClauseDraft {
  /** A fact path, or OPERATIONAL_FACT with the field id in `field`. */
  fact: string;
  field: string;
  op: ClauseOperator;
  value: string;
}

/** A condition as the editor's rows; rules and workflow edges both use it. */
export interface ConditionDraft {
  match: 'all' | 'any';
  clauses: ClauseDraft[];
  /** A condition the clauses cannot show (written as JSON Logic); kept as it is. */
  rawCondition: JsonLogic | null;
}

export interface RuleDraft extends ConditionDraft {
  name: string;
  triggerKind: 'event' | 'schedule';
  event: EventType;
  every: 'hourly' | 'daily';
  hour: number;
  actions: RuleAction[];
  dedupDays: number;
  enabled: boolean;
}

export const OPERATOR_KEYS = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
} as const;

export function emptyDraft(): RuleDraft {
  return {
    name: '',
    triggerKind: 'event',
    event: 'record.saved',
    every: 'daily',
    hour: 1,
    match: 'all',
    clauses: [],
    rawCondition: null,
    actions: [{ kind: 'notify', to: [{ kind: 'relation', relation: 'primary_counselor' }], email: false }],
    dedupDays: 0,
    enabled: true,
  };
}

export function draftTrigger(draft: RuleDraft): Trigger {
  if (draft.triggerKind === 'event') return { kind: 'event', event: draft.event };
  return draft.every === 'hourly'
    ? { kind: 'schedule', every: 'hourly' }
    : { kind: 'schedule', every: 'daily', hour: draft.hour };
}

/** The facts a clause may pick for the draft's trigger. */
export function draftFacts(draft: RuleDraft): readonly Fact[] {
  return factsFor(draftTrigger(draft));
}

export function allowsOperational(draft: RuleDraft): boolean {
  return draft.triggerKind === 'event' && EVENTS_WITH_OPERATIONAL.includes(draft.event);
}

function factType(draft: RuleDraft, clause: ClauseDraft): 'number' | 'string' {
  if (clause.fact === OPERATIONAL_FACT)
    return /^-?\d+(\.\d+)?$/.test(clause.value.trim()) ? 'number' : 'string';
  return draftFacts(draft).find((fact) => fact.path === clause.fact)?.type ?? 'string';
}

export function toRuleInput(draft: RuleDraft): RuleInput {
  const condition =
    draft.rawCondition ??
    compileClauses({
      match: draft.match,
      clauses: draft.clauses.map((clause) => ({
        fact: clause.fact === OPERATIONAL_FACT ? `${OPERATIONAL_PREFIX}${clause.field.trim()}` : clause.fact,
        op: clause.op,
        value: factType(draft, clause) === 'number' ? Number(clause.value) : clause.value,
      })),
    });
  return {
    name: draft.name,
    trigger: draftTrigger(draft),
    condition,
    actions: draft.actions,
    dedupDays: draft.dedupDays,
    enabled: draft.enabled,
  };
}

export function fromRule(
  rule: Pick<RuleInput, 'name' | 'trigger' | 'condition' | 'actions' | 'dedupDays' | 'enabled'>,
): RuleDraft {
  const clauses = parseClauses(rule.condition);
  const base = emptyDraft();
  return {
    name: rule.name,
    triggerKind: rule.trigger.kind,
    event: rule.trigger.kind === 'event' ? rule.trigger.event : base.event,
    every: rule.trigger.kind === 'schedule' ? rule.trigger.every : base.every,
    hour: rule.trigger.kind === 'schedule' && rule.trigger.every === 'daily' ? rule.trigger.hour : base.hour,
    match: clauses?.match ?? 'all',
    clauses:
      clauses?.clauses.map((clause) =>
        clause.fact.startsWith(OPERATIONAL_PREFIX)
          ? {
              fact: OPERATIONAL_FACT,
              field: clause.fact.slice(OPERATIONAL_PREFIX.length),
              op: clause.op,
              value: String(clause.value),
            }
          : { fact: clause.fact, field: '', op: clause.op, value: String(clause.value) },
      ) ?? [],
    rawCondition: clauses ? null : rule.condition,
    actions: rule.actions,
    dedupDays: rule.dedupDays,
    enabled: rule.enabled,
  };
}
