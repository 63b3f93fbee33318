import jsonLogic from 'json-logic-js';
import type { WorkflowData } from './model.js';

/** JSON Logic on an edge: the operators an admin may use over an instance's operational data. */
const OPERATORS = new Set([
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
  'missing',
  'if',
]);
const MAX_DEPTH = 8;
const MAX_PARTS = 200;

export function conditionShapeProblem(logic: unknown): string | null {
  let parts = 0;
  const check = (node: unknown, depth: number): string | null => {
    parts += 1;
    if (parts > MAX_PARTS) return `more than ${MAX_PARTS} parts`;
    if (depth > MAX_DEPTH) return `nests deeper than ${MAX_DEPTH} levels`;
    if (node === null || ['boolean', 'string'].includes(typeof node)) return null;
    if (typeof node === 'number') return Number.isFinite(node) ? null : 'numbers must be finite';
    if (Array.isArray(node)) {
      for (const item of node) {
        const problem = check(item, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    if (typeof node !== 'object') return 'a value JSON Logic does not know';
    const entries = Object.entries(node);
    const [entry] = entries;
    if (!entry || entries.length !== 1) return 'each operation is an object with exactly one operator';
    const [operator, argument] = entry;
    if (!OPERATORS.has(operator)) return `unknown operator "${operator}"`;
    return check(argument, depth + 1);
  };
  return check(logic, 0);
}

/** A condition that cannot be evaluated holds for nothing. */
export function conditionHolds(logic: unknown, data: WorkflowData): boolean {
  try {
    return jsonLogic.truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, data));
  } catch {
    return false;
  }
}
