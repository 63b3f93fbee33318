import { logicHolds, logicProblem } from '../logic/json-logic.js';
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
  return logicProblem(logic, {
    operators: OPERATORS,
    maxDepth: MAX_DEPTH,
    maxParts: MAX_PARTS,
    wording: {
      tooManyParts: (max) => `more than ${max} parts`,
      tooDeep: (max) => `nests deeper than ${max} levels`,
      unknownValue: 'a value JSON Logic does not know',
    },
  });
}

/** A condition that cannot be evaluated holds for nothing. */
export const conditionHolds = (logic: unknown, data: WorkflowData): boolean => logicHolds(logic, data);
