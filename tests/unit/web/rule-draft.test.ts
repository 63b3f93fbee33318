import { describe, expect, it } from 'vitest';
import { ruleInputSchema } from '../../../core/api/rules';
import { SHIPPED_RULES } from '../../../core/rules/shipped';
import { emptyDraft, fromRule, OPERATIONAL_FACT, toRuleInput } from '../../../web/src/features/rules/draft';

describe('the rule editor’s draft', () => {
  it('shows every shipped rule as rows and saves it back unchanged', () => {
    for (const shipped of SHIPPED_RULES) {
      const rule = { ...shipped.rule, name: shipped.names.en };
      const draft = fromRule(rule);

      expect(draft.rawCondition).toBeNull();
      expect(toRuleInput(draft)).toEqual(rule);
    }
  });

  it('reads a form’s operational field and compares numbers as numbers', () => {
    const draft = {
      ...emptyDraft(),
      name: 'Low score',
      event: 'survey.submitted' as const,
      clauses: [{ fact: OPERATIONAL_FACT, field: 'overall_satisfaction', op: '<' as const, value: '3' }],
    };

    const input = toRuleInput(draft);

    expect(input.condition).toEqual({ '<': [{ var: 'event.operational.overall_satisfaction' }, 3] });
    expect(ruleInputSchema.safeParse(input).success).toBe(true);
  });

  it('keeps a condition written in JSON Logic that rows cannot show', () => {
    const condition = { '!': [{ '==': [{ var: 'case.status' }, 'active'] }] };
    const draft = fromRule({ ...toRuleInput({ ...emptyDraft(), name: 'x' }), condition });

    expect(draft.rawCondition).toEqual(condition);
    expect(toRuleInput(draft).condition).toEqual(condition);
  });

  it('builds a daily schedule at the chosen hour', () => {
    const draft = {
      ...emptyDraft(),
      name: 'Daily',
      triggerKind: 'schedule' as const,
      every: 'daily' as const,
      hour: 9,
    };
    expect(toRuleInput(draft).trigger).toEqual({ kind: 'schedule', every: 'daily', hour: 9 });
  });
});
