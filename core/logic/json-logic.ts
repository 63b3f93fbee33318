import jsonLogic from 'json-logic-js';

/**
 * The one walker over stored JSON Logic (rule conditions, issue 8; workflow edges, issue 6):
 * operators from the caller's allowed set only, finite numbers, bounded depth and size, and each
 * `var` offered to the caller's check. Callers keep their own wording for size and depth.
 */
export interface LogicCheck {
  operators: ReadonlySet<string>;
  maxDepth: number;
  maxParts: number;
  /** The problem with a `var`'s argument, or null; without it, the argument is walked like any. */
  checkVar?: (argument: unknown) => string | null;
  wording: {
    tooManyParts: (max: number) => string;
    tooDeep: (max: number) => string;
    unknownValue: string;
  };
}

/** The first thing wrong with `logic`, in words an admin can act on; null when it is fine. */
export function logicProblem(logic: unknown, rules: LogicCheck): string | null {
  let parts = 0;
  const check = (node: unknown, depth: number): string | null => {
    parts += 1;
    if (parts > rules.maxParts) return rules.wording.tooManyParts(rules.maxParts);
    if (depth > rules.maxDepth) return rules.wording.tooDeep(rules.maxDepth);
    if (node === null || typeof node === 'boolean' || typeof node === 'string') return null;
    if (typeof node === 'number') return Number.isFinite(node) ? null : 'numbers must be finite';
    if (Array.isArray(node)) {
      for (const item of node) {
        const problem = check(item, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    if (typeof node !== 'object') return rules.wording.unknownValue;
    const entries = Object.entries(node);
    const [entry] = entries;
    if (!entry || entries.length !== 1) return 'each operation is an object with exactly one operator';
    const [operator, argument] = entry;
    if (!rules.operators.has(operator)) return `unknown operator "${operator}"`;
    if (operator === 'var' && rules.checkVar) return rules.checkVar(argument);
    return check(argument, depth + 1);
  };
  return check(logic, 0);
}

/** Evaluates checked logic over `data`; logic that cannot be evaluated holds for nothing. */
export function logicHolds(logic: unknown, data: object): boolean {
  try {
    return jsonLogic.truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, data));
  } catch {
    return false;
  }
}
