import { logicHolds, logicProblem } from '../logic/json-logic.js';
import type { EventType } from './events.js';
import { isKnownVar } from './events.js';

/**
 * A rule's condition is JSON Logic over operational facts (DESIGN §3). The editor builds it from
 * clauses; anything stored is checked here: known operators only, known facts only, bounded size.
 */

export type JsonLogic = null | boolean | number | string | JsonLogic[] | { [operator: string]: JsonLogic };

export const CLAUSE_OPERATORS = ['==', '!=', '<', '<=', '>', '>='] as const;
export type ClauseOperator = (typeof CLAUSE_OPERATORS)[number];

export interface Clause {
  fact: string;
  op: ClauseOperator;
  value: number | string;
}

export interface ClauseSet {
  match: 'all' | 'any';
  clauses: Clause[];
}

const OPERATORS = new Set<string>([
  'and',
  'or',
  '!',
  '!!',
  '==',
  '!=',
  '===',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'var',
]);
const MAX_DEPTH = 8;
const MAX_NODES = 200;

type Trigger = { kind: 'event'; event: EventType } | { kind: 'schedule' };

/** The first thing wrong with a condition, in words an admin can act on; null when it is fine. */
export function conditionProblem(logic: unknown, trigger: Trigger): string | null {
  return logicProblem(logic, {
    operators: OPERATORS,
    maxDepth: MAX_DEPTH,
    maxParts: MAX_NODES,
    checkVar: (argument) => {
      const path = Array.isArray(argument) ? argument[0] : argument;
      if (typeof path !== 'string') return '"var" takes the name of a fact';
      return isKnownVar(trigger, path) ? null : `unknown fact "${path}" for this trigger`;
    },
    wording: {
      tooManyParts: (max) => `the condition has more than ${max} parts`,
      tooDeep: (max) => `the condition nests deeper than ${max} levels`,
      unknownValue: 'the condition holds a value JSON Logic does not know',
    },
  });
}

/** Evaluates a (checked) condition; one that cannot be evaluated matches nothing. */
export const holds = (logic: JsonLogic, facts: object): boolean => logicHolds(logic, facts);

export function compileClauses(set: ClauseSet): JsonLogic {
  const parts = set.clauses.map(
    (clause): JsonLogic => ({ [clause.op]: [{ var: clause.fact }, clause.value] }),
  );
  if (parts.length === 0) return true;
  if (parts.length === 1) return parts[0] as JsonLogic;
  return { [set.match === 'all' ? 'and' : 'or']: parts };
}

function parseClause(node: JsonLogic): Clause | null {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
  const [entry, ...rest] = Object.entries(node);
  if (!entry || rest.length > 0) return null;
  const [op, argument] = entry;
  if (!(CLAUSE_OPERATORS as readonly string[]).includes(op) || !Array.isArray(argument)) return null;
  const [left, value, ...more] = argument;
  if (more.length > 0 || (typeof value !== 'number' && typeof value !== 'string')) return null;
  if (left === null || typeof left !== 'object' || Array.isArray(left)) return null;
  const fact = left.var;
  if (typeof fact !== 'string' || Object.keys(left).length !== 1) return null;
  return { fact, op: op as ClauseOperator, value };
}

/** The editor's clauses for a condition it built; null when it was written some other way. */
export function parseClauses(logic: JsonLogic): ClauseSet | null {
  if (logic === true) return { match: 'all', clauses: [] };
  const single = parseClause(logic);
  if (single) return { match: 'all', clauses: [single] };
  if (logic === null || typeof logic !== 'object' || Array.isArray(logic)) return null;
  const group = 'and' in logic ? logic.and : 'or' in logic ? logic.or : undefined;
  if (!Array.isArray(group) || Object.keys(logic).length !== 1) return null;
  const clauses = group.map(parseClause);
  if (clauses.some((clause) => clause === null)) return null;
  return { match: 'and' in logic ? 'all' : 'any', clauses: clauses as Clause[] };
}
