import { describe, expect, it } from 'vitest';
import { logicHolds, logicProblem } from '../../../core/logic/json-logic.js';
import { conditionProblem } from '../../../core/rules/conditions.js';
import { conditionShapeProblem } from '../../../core/workflows/logic.js';

const nested = (levels: number): unknown => (levels === 0 ? true : { '!': [nested(levels - 1)] });
const wide = (parts: number) => ({ and: Array.from({ length: parts }, () => true) });
const schedule = { kind: 'schedule' } as const;

const check = {
  operators: new Set(['==', '!', 'var']),
  maxDepth: 4,
  maxParts: 10,
  wording: {
    tooManyParts: (max: number) => `>${max}`,
    tooDeep: (max: number) => `deep>${max}`,
    unknownValue: '?',
  },
};

describe('the JSON Logic walker shared by rules and workflows', () => {
  it('allows only the caller’s operators', () => {
    expect(logicProblem({ '==': [{ var: 'a' }, 1] }, check)).toBeNull();
    expect(logicProblem({ '<': [1, 2] }, check)).toBe('unknown operator "<"');
  });

  it('hands each var to the caller’s check, and walks it otherwise', () => {
    const vars: unknown[] = [];
    const checkVar = (argument: unknown) => {
      vars.push(argument);
      return argument === 'secret' ? 'no' : null;
    };
    expect(logicProblem({ '==': [{ var: 'secret' }, 1] }, { ...check, checkVar })).toBe('no');
    expect(logicProblem({ '==': [{ var: ['a', 1] }, 1] }, { ...check, checkVar })).toBeNull();
    expect(vars).toEqual(['secret', ['a', 1]]);
    expect(logicProblem({ var: [{ '<': [1, 2] }] }, check)).toBe('unknown operator "<"');
  });

  it('bounds depth and size and refuses numbers that are not finite, in the caller’s words', () => {
    expect(logicProblem(nested(2), check)).toBeNull();
    expect(logicProblem(nested(3), check)).toBe('deep>4');
    expect(logicProblem({ '==': Array.from({ length: 12 }, () => 1) }, check)).toBe('>10');
    expect(logicProblem({ '==': [1, Number.POSITIVE_INFINITY] }, check)).toBe('numbers must be finite');
    expect(logicProblem({ '==': [1, 2], var: 'a' }, check)).toBe(
      'each operation is an object with exactly one operator',
    );
  });

  it('keeps each engine’s own wording', () => {
    expect(conditionProblem(nested(12), schedule)).toBe('the condition nests deeper than 8 levels');
    expect(conditionShapeProblem(nested(12))).toBe('nests deeper than 8 levels');
    expect(conditionProblem(wide(250), schedule)).toBe('the condition has more than 200 parts');
    expect(conditionShapeProblem(wide(250))).toBe('more than 200 parts');
    expect(conditionShapeProblem({ missing: ['decision'] })).toBeNull();
    expect(conditionProblem({ missing: ['decision'] }, schedule)).toBe('unknown operator "missing"');
  });

  it('evaluates, and holds for nothing where evaluation fails', () => {
    expect(logicHolds({ '==': [{ var: 'a' }, 1] }, { a: 1 })).toBe(true);
    expect(logicHolds({ '==': [{ var: 'a' }, 1] }, { a: 2 })).toBe(false);
    expect(logicHolds({ nope: [1] }, {})).toBe(false);
  });
});
