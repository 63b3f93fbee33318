import { describe, expect, it } from 'vitest';
import {
  compileClauses,
  conditionProblem,
  holds,
  isDuplicate,
  MAX_ATTEMPTS,
  parseClauses,
  retryDelayMs,
  ruleInputSchema,
  SHIPPED_RULES,
} from '../../../core/rules/index.js';

const DAY = 24 * 60 * 60 * 1000;
const schedule = { kind: 'schedule' } as const;
const onSurvey = { kind: 'event', event: 'survey.submitted' } as const;

const caseFacts = (overrides: object = {}) => ({
  case: { status: 'active', daysSinceLastRecord: 31, sessionsSoFar: 4, ...overrides },
});

describe('conditions', () => {
  it('matches an active case without a record for 30 days, and not one written to last week', () => {
    const noRecord = SHIPPED_RULES.find((rule) => rule.template === 'no-record-30-days');
    const condition = noRecord?.rule.condition ?? false;

    expect(holds(condition, caseFacts())).toBe(true);
    expect(holds(condition, caseFacts({ daysSinceLastRecord: 7 }))).toBe(false);
    expect(holds(condition, caseFacts({ status: 'closing' }))).toBe(false);
  });

  it('reads operational fields of a submitted survey', () => {
    const low = { '<': [{ var: 'event.operational.satisfaction' }, 3] };

    expect(holds(low, { event: { operational: { satisfaction: 2 } } })).toBe(true);
    expect(holds(low, { event: { operational: { satisfaction: 4 } } })).toBe(false);
  });

  it('matches nothing when a fact is missing rather than guessing', () => {
    expect(holds({ '>=': [{ var: 'case.daysSinceLastRecord' }, 30] }, { case: null })).toBe(false);
  });

  it('accepts known operators over known facts', () => {
    expect(
      conditionProblem({ and: [{ '>': [{ var: 'case.sessionsSoFar' }, 5] }, true] }, schedule),
    ).toBeNull();
    expect(conditionProblem({ '<': [{ var: 'event.operational.satisfaction' }, 3] }, onSurvey)).toBeNull();
  });

  it('names an unknown operator', () => {
    expect(conditionProblem({ eval: ['1'] }, schedule)).toBe('unknown operator "eval"');
  });

  it('names a fact the trigger does not have', () => {
    expect(conditionProblem({ '<': [{ var: 'event.operational.satisfaction' }, 3] }, schedule)).toBe(
      'unknown fact "event.operational.satisfaction" for this trigger',
    );
    expect(conditionProblem({ '==': [{ var: 'case.notes' }, 'x'] }, onSurvey)).toBe(
      'unknown fact "case.notes" for this trigger',
    );
  });

  it('refuses an object with two operators and a condition nested too deep', () => {
    expect(conditionProblem({ '<': [1, 2], '>': [1, 2] }, schedule)).toMatch(/exactly one operator/);
    let deep: unknown = true;
    for (let level = 0; level < 12; level++) deep = { '!': [deep] };
    expect(conditionProblem(deep, schedule)).toMatch(/nests deeper/);
  });

  it('compiles the editor clauses and reads them back', () => {
    const set = {
      match: 'any' as const,
      clauses: [
        { fact: 'case.status', op: '==' as const, value: 'active' },
        { fact: 'case.sessionsSoFar', op: '>=' as const, value: 6 },
      ],
    };
    const logic = compileClauses(set);

    expect(logic).toEqual({
      or: [{ '==': [{ var: 'case.status' }, 'active'] }, { '>=': [{ var: 'case.sessionsSoFar' }, 6] }],
    });
    expect(parseClauses(logic)).toEqual(set);
    expect(parseClauses(compileClauses({ match: 'all', clauses: [] }))).toEqual({
      match: 'all',
      clauses: [],
    });
  });

  it('does not pretend to read a condition the editor did not build', () => {
    expect(parseClauses({ '!': [{ var: 'case.status' }] })).toBeNull();
  });
});

describe('de-duplication and retries', () => {
  const now = 100 * DAY;

  it('holds back the same rule for the same subject within the window', () => {
    expect(isDuplicate(now - 6 * DAY, 7, now)).toBe(true);
    expect(isDuplicate(now - 7 * DAY, 7, now)).toBe(false);
    expect(isDuplicate(null, 7, now)).toBe(false);
  });

  it('fires every time with a window of 0 days', () => {
    expect(isDuplicate(now - 1, 0, now)).toBe(false);
  });

  it('backs off 1, 2, 4 … minutes up to an hour, for a bounded number of attempts', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(60 * 60_000);
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);
  });
});

describe('the rule model', () => {
  it('accepts every shipped rule', () => {
    for (const shipped of SHIPPED_RULES) {
      expect(ruleInputSchema.safeParse({ ...shipped.rule, name: shipped.names.en }).success).toBe(true);
    }
  });

  it('refuses a malformed condition with the path and the reason', () => {
    const shipped = SHIPPED_RULES[0];
    const result = ruleInputSchema.safeParse({ ...shipped?.rule, name: 'x', condition: { foo: [1] } });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['condition'], message: 'unknown operator "foo"' });
  });

  it('refuses a daily schedule without its hour and a rule without actions', () => {
    const valid = {
      name: 'x',
      condition: true,
      dedupDays: 0,
      trigger: { kind: 'schedule', every: 'daily', hour: 9 },
      actions: [{ kind: 'start_workflow', workflow: 'closing' }],
    };

    expect(ruleInputSchema.safeParse(valid).success).toBe(true);
    expect(
      ruleInputSchema.safeParse({ ...valid, trigger: { kind: 'schedule', every: 'daily' } }).success,
    ).toBe(false);
    expect(ruleInputSchema.safeParse({ ...valid, actions: [] }).success).toBe(false);
  });
});
