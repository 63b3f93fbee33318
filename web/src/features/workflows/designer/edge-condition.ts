import { compileClauses, type Fact, type JsonLogic, parseClauses } from '../../../../../core/rules/index';
import { type ConditionDraft, OPERATIONAL_FACT } from '../../rules/draft';

/**
 * An edge's condition in the rules editor's rows. A process's data is flat and operational: an
 * approval's `decision`, plus whatever fields the process was started with (a leave's id, a case
 * status), which an admin names in a free field.
 */
export const WORKFLOW_FACTS: readonly Fact[] = [
  { path: 'decision', type: 'string', values: ['approved', 'rejected'] },
];

const isNumber = (text: string) => /^-?\d+(\.\d+)?$/.test(text.trim());

/** The rows for an edge's condition; no condition is no rows (the default way out). */
export function edgeConditionDraft(when: unknown): ConditionDraft {
  if (when === undefined) return { match: 'all', clauses: [], rawCondition: null };
  const set = parseClauses(when as JsonLogic);
  if (!set) return { match: 'all', clauses: [], rawCondition: when as JsonLogic };
  return {
    match: set.match,
    clauses: set.clauses.map((clause) =>
      WORKFLOW_FACTS.some((fact) => fact.path === clause.fact)
        ? { fact: clause.fact, field: '', op: clause.op, value: String(clause.value) }
        : { fact: OPERATIONAL_FACT, field: clause.fact, op: clause.op, value: String(clause.value) },
    ),
    rawCondition: null,
  };
}

/** The JSON Logic the rows stand for; undefined when there are none (the edge always holds). */
export function edgeConditionLogic(draft: ConditionDraft): JsonLogic | undefined {
  if (draft.rawCondition !== null) return draft.rawCondition;
  if (draft.clauses.length === 0) return undefined;
  return compileClauses({
    match: draft.match,
    clauses: draft.clauses.map((clause) => {
      const known = WORKFLOW_FACTS.find((fact) => fact.path === clause.fact);
      const fact = known ? known.path : clause.field.trim();
      const numeric = known ? known.type === 'number' : isNumber(clause.value);
      return { fact, op: clause.op, value: numeric ? Number(clause.value) : clause.value };
    }),
  });
}

/** A short text for the canvas: `decision = approved`, or null for a default edge. */
export function edgeConditionSummary(when: unknown, labelOf: (fact: string) => string): string | null {
  if (when === undefined) return null;
  const set = parseClauses(when as JsonLogic);
  if (!set) return '…';
  const joiner = set.match === 'all' ? ' & ' : ' | ';
  return set.clauses
    .map((clause) => `${labelOf(clause.fact)} ${clause.op === '==' ? '=' : clause.op} ${clause.value}`)
    .join(joiner);
}
