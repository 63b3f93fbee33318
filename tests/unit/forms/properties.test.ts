import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkOperationalPart,
  compileConditions,
  type FormDefinitionInput,
  formDefinitionSchema,
  holds,
  readConditions,
  type SimpleCondition,
  splitRecord,
  validateValues,
} from '../../../core/forms/index.js';
import { BUILT_IN_FORMS } from '../../../core/forms/templates/index.js';

/** Properties of definitions, conditions and records over generated forms and values. */

const t = (text: string) => ({ 'zh-CN': text, en: text });
const ids = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

/** One field the designer could make, of a type that may be operational, with a valid value. */
const operationalCapable = fc.oneof(
  fc.record({
    field: fc.constant({ type: 'number' as const, min: 0, max: 10, integer: true }),
    value: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    field: fc.constant({
      type: 'singleChoice' as const,
      options: [
        { value: 'x', label: t('x') },
        { value: 'y', label: t('y') },
      ],
    }),
    value: fc.constantFrom('x', 'y'),
  }),
  fc.record({ field: fc.constant({ type: 'checkbox' as const }), value: fc.boolean() }),
  fc.record({
    field: fc.constant({ type: 'date' as const }),
    value: fc.constantFrom('2026-01-31', '2026-11-25', '2024-02-29'),
  }),
  fc.record({
    field: fc.constant({
      type: 'likert' as const,
      options: [1, 2, 3].map((value) => ({ value, label: t(String(value)) })),
    }),
    value: fc.integer({ min: 1, max: 3 }),
  }),
);

const generatedForm = fc
  .array(
    fc.record({
      spec: operationalCapable,
      sensitivity: fc.constantFrom('secret' as const, 'operational' as const),
      required: fc.boolean(),
      /** shown only when the first field is checked / not the case */
      hiddenUnless: fc.option(fc.boolean(), { nil: undefined }),
      filled: fc.boolean(),
    }),
    { minLength: 2, maxLength: ids.length },
  )
  .map((specs) => {
    const fields = specs.map((spec, index) => ({
      id: ids[index] as string,
      label: t(`field ${index}`),
      sensitivity: spec.sensitivity,
      required: spec.required,
      ...spec.spec.field,
      ...(index > 0 && spec.hiddenUnless !== undefined
        ? { showIf: { '==': [{ var: 'a' }, spec.spec.value === spec.hiddenUnless ? spec.spec.value : 0] } }
        : {}),
    }));
    const values: Record<string, unknown> = {};
    specs.forEach((spec, index) => {
      if (spec.filled || spec.required) values[ids[index] as string] = spec.spec.value;
    });
    const form = formDefinitionSchema.parse({ id: 'generated', version: 1, title: t('G'), fields });
    return { form, values };
  });

describe('definitions (property)', () => {
  it('never lets free text, a signature or a file be operational', () => {
    const type = fc.constantFrom('text', 'longText', 'signature', 'file', 'section');
    fc.assert(
      fc.property(type, (fieldType) => {
        const attempt: FormDefinitionInput = {
          id: 'leaky',
          version: 1,
          title: t('L'),
          fields: [{ id: 'x', type: fieldType, label: t('x'), sensitivity: 'operational' } as never],
        };
        expect(formDefinitionSchema.safeParse(attempt).success).toBe(false);
      }),
    );
  });

  it('parses every shipped template and keeps its free text secret', () => {
    for (const form of BUILT_IN_FORMS) {
      expect(formDefinitionSchema.parse(form)).toEqual(form);
      for (const field of form.fields)
        if (['text', 'longText', 'signature', 'file'].includes(field.type))
          expect(field.sensitivity, `${form.id}.${field.id}`).toBe('secret');
    }
  });
});

describe('records (property)', () => {
  it('sends the server only operational, visible values, which its check accepts', () => {
    fc.assert(
      fc.property(generatedForm, ({ form, values }) => {
        if (validateValues(form, values).length > 0) return; // the renderer would not let it be saved
        const { secret, operational } = splitRecord(form, values);
        for (const [id, stored] of [...Object.entries(secret), ...Object.entries(operational)]) {
          const field = form.fields.find((candidate) => candidate.id === id);
          expect(field && (field.showIf === undefined || holds(field.showIf, values))).toBe(true);
          expect(stored).toEqual(values[id]);
          expect(id in operational).toBe(field?.sensitivity === 'operational');
        }
        expect(checkOperationalPart(form, operational)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('designer conditions (property)', () => {
  const condition: fc.Arbitrary<SimpleCondition> = fc.oneof(
    fc.record({
      field: fc.constantFrom(...ids),
      operator: fc.constantFrom(
        'equals' as const,
        'notEquals' as const,
        'greaterThan' as const,
        'lessThan' as const,
        'atLeast' as const,
        'atMost' as const,
        'includes' as const,
      ),
      value: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('x', 'y', '2026-01-01')),
    }),
    fc.record({
      field: fc.constantFrom(...ids),
      operator: fc.constantFrom(
        'equals' as const,
        'notEquals' as const,
        'greaterThan' as const,
        'lessThan' as const,
      ),
      otherField: fc.constantFrom(...ids),
    }),
    fc.record({
      field: fc.constantFrom(...ids),
      operator: fc.constantFrom(
        'isChecked' as const,
        'isNotChecked' as const,
        'isFilled' as const,
        'isEmpty' as const,
      ),
    }),
  );
  const conditionSet = fc.record({
    join: fc.constantFrom('all' as const, 'any' as const),
    conditions: fc.array(condition, { minLength: 1, maxLength: 4 }),
  });
  const values = fc.dictionary(
    fc.constantFrom(...ids),
    fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.boolean(),
      fc.constantFrom('x', 'y', '2026-01-01', '2027-06-30'),
      fc.subarray(['x', 'y']),
      fc.constant(null),
    ),
  );

  /** What each operator means, said directly. */
  function means(condition: SimpleCondition, filled: Record<string, unknown>): boolean {
    const value = filled[condition.field] ?? null;
    const wanted =
      condition.otherField === undefined ? condition.value : (filled[condition.otherField] ?? null);
    const comparable = (typeof value === typeof wanted && value !== null) as boolean;
    switch (condition.operator) {
      case 'isChecked':
        return value === true;
      case 'isNotChecked':
        return value !== true;
      case 'isFilled':
        return value !== null && value !== '';
      case 'isEmpty':
        return value === null || value === '';
      case 'equals':
        return value === wanted;
      case 'notEquals':
        return value !== wanted;
      case 'includes':
        return Array.isArray(value)
          ? value.includes(wanted)
          : typeof value === 'string' && value.includes(String(wanted));
      default:
        if (!comparable) return holds(compileConditions({ join: 'all', conditions: [condition] }), filled);
        return {
          greaterThan: (value as number) > (wanted as number),
          lessThan: (value as number) < (wanted as number),
          atLeast: (value as number) >= (wanted as number),
          atMost: (value as number) <= (wanted as number),
        }[condition.operator];
    }
  }

  it('reads back exactly what it compiled', () => {
    fc.assert(
      fc.property(conditionSet, (set) => {
        const read = readConditions(compileConditions(set));
        expect(read?.conditions).toEqual(set.conditions);
        if (set.conditions.length > 1) expect(read?.join).toBe(set.join);
      }),
    );
  });

  it('compiles to logic that holds exactly when the conditions say', () => {
    fc.assert(
      fc.property(conditionSet, values, (set, filled) => {
        const each = set.conditions.map((one) => means(one, filled));
        const expected = set.join === 'all' ? each.every(Boolean) : each.some(Boolean);
        expect(holds(compileConditions(set), filled)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('reads no condition as "always" and hand-written logic as not simple', () => {
    expect(readConditions(undefined)).toEqual({ join: 'all', conditions: [] });
    expect(compileConditions({ join: 'all', conditions: [] })).toBeUndefined();
    expect(readConditions({ if: [{ var: 'a' }, true, false] })).toBeNull();
    expect(readConditions({ and: [{ '==': [{ var: 'a' }, 1] }, { '+': [1, 2] }] })).toBeNull();
  });
});
