/**
 * The conditions the designer builds without code: "field <operator> value", all or any of
 * them, compiled to JSON Logic (what definitions store and `holds` evaluates) and read back from
 * it. Logic the designer did not write (a template's, or hand-made) reads back as null and is
 * kept as it is.
 */

export const SIMPLE_OPERATORS = [
  'equals',
  'notEquals',
  'greaterThan',
  'lessThan',
  'atLeast',
  'atMost',
  'includes',
  'isChecked',
  'isNotChecked',
  'isFilled',
  'isEmpty',
] as const;
export type SimpleOperator = (typeof SIMPLE_OPERATORS)[number];

/** Operators that compare with a value; the others look at the field alone. */
export const OPERATORS_WITH_VALUE: readonly SimpleOperator[] = [
  'equals',
  'notEquals',
  'greaterThan',
  'lessThan',
  'atLeast',
  'atMost',
  'includes',
];

export interface SimpleCondition {
  field: string;
  operator: SimpleOperator;
  /** choice codes and dates are strings, numbers and Likert points are numbers */
  value?: string | number;
  /** compare with another field's value instead (cross-field rules: "ends after it starts") */
  otherField?: string;
}

export interface SimpleConditionSet {
  join: 'all' | 'any';
  conditions: SimpleCondition[];
}

const COMPARISONS = {
  equals: '===',
  notEquals: '!==',
  greaterThan: '>',
  lessThan: '<',
  atLeast: '>=',
  atMost: '<=',
} as const satisfies Partial<Record<SimpleOperator, string>>;

type Logic = Record<string, unknown>;

function compileOne(condition: SimpleCondition): Logic {
  const read = { var: condition.field };
  switch (condition.operator) {
    case 'isChecked':
      return { '===': [read, true] };
    case 'isNotChecked':
      return { '!==': [read, true] };
    // `missing`, not truthiness: a 0 or an unticked box is an answer
    case 'isFilled':
      return { '!': [{ missing: [condition.field] }] };
    case 'isEmpty':
      return { missing: [condition.field] };
    case 'includes':
      return { in: [condition.value ?? '', read] };
    default:
      return {
        [COMPARISONS[condition.operator]]: [
          read,
          condition.otherField === undefined ? (condition.value ?? null) : { var: condition.otherField },
        ],
      };
  }
}

/** JSON Logic for the set; undefined for no condition (the field always shows / never is required). */
export function compileConditions(set: SimpleConditionSet): Logic | undefined {
  const compiled = set.conditions.map(compileOne);
  if (compiled.length === 0) return undefined;
  if (compiled.length === 1) return compiled[0];
  return { [set.join === 'all' ? 'and' : 'or']: compiled };
}

const fieldOf = (node: unknown): string | null => {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  const name = (node as Logic).var;
  return typeof name === 'string' && Object.keys(node).length === 1 ? name : null;
};

const isValue = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

function readOne(logic: unknown): SimpleCondition | null {
  if (typeof logic !== 'object' || logic === null || Array.isArray(logic)) return null;
  const entries = Object.entries(logic);
  if (entries.length !== 1) return null;
  const [written, args] = entries[0] as [string, unknown];
  // strict comparisons compile, loose ones (as templates write them) read the same way
  const operator = written === '==' ? '===' : written === '!=' ? '!==' : written;
  if (!Array.isArray(args)) return null;
  if (operator === 'missing' && args.length === 1 && typeof args[0] === 'string')
    return { field: args[0], operator: 'isEmpty' };
  if (operator === '!' && args.length === 1) {
    const inner = readOne(args[0]);
    return inner?.operator === 'isEmpty' ? { field: inner.field, operator: 'isFilled' } : null;
  }
  if (args.length !== 2) return null;
  if (operator === 'in') {
    const field = fieldOf(args[1]);
    return field && isValue(args[0]) ? { field, operator: 'includes', value: args[0] } : null;
  }
  const field = fieldOf(args[0]);
  if (!field) return null;
  if (args[1] === true && (operator === '===' || operator === '!=='))
    return { field, operator: operator === '===' ? 'isChecked' : 'isNotChecked' };
  const simple = (Object.keys(COMPARISONS) as (keyof typeof COMPARISONS)[]).find(
    (name) => COMPARISONS[name] === operator,
  );
  if (!simple) return null;
  const otherField = fieldOf(args[1]);
  if (otherField) return { field, operator: simple, otherField };
  return isValue(args[1]) ? { field, operator: simple, value: args[1] } : null;
}

/** The designer's view of stored logic, or null when it is more than the designer writes. */
export function readConditions(logic: unknown): SimpleConditionSet | null {
  if (logic === undefined) return { join: 'all', conditions: [] };
  if (typeof logic === 'object' && logic !== null && !Array.isArray(logic)) {
    const keys = Object.keys(logic);
    const join = keys[0] === 'and' ? 'all' : keys[0] === 'or' ? 'any' : null;
    const parts = join && keys.length === 1 ? (logic as Logic)[keys[0] as string] : undefined;
    if (join && Array.isArray(parts) && parts.length >= 2) {
      const conditions = parts.map(readOne);
      return conditions.every((condition) => condition !== null)
        ? { join, conditions: conditions as SimpleCondition[] }
        : null;
    }
  }
  const single = readOne(logic);
  return single ? { join: 'all', conditions: [single] } : null;
}
