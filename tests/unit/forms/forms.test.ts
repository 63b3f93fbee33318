import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkOperationalPart,
  type FormDefinitionInput,
  formDefinitionSchema,
  referencedFields,
  riskFlags,
  splitRecord,
  validateValues,
  visibleFields,
} from '../../../core/forms/index.js';
import { intakeForm, sessionNoteForm } from '../../../core/forms/templates/index.js';

const t = (text: string) => ({ 'zh-CN': text, en: text });

function form(fields: FormDefinitionInput['fields'], extra: Partial<FormDefinitionInput> = {}) {
  return formDefinitionSchema.parse({ id: 'test-form', version: 1, title: t('Test'), fields, ...extra });
}

const survey = form([
  { id: 'visit_date', type: 'date', label: t('date'), required: true, sensitivity: 'operational' },
  {
    id: 'rating',
    type: 'likert',
    label: t('rating'),
    sensitivity: 'operational',
    options: [1, 2, 3, 4, 5].map((value) => ({ value, label: t(String(value)) })),
  },
  { id: 'wants_callback', type: 'checkbox', label: t('callback'), sensitivity: 'operational' },
  {
    id: 'phone_time',
    type: 'text',
    label: t('when'),
    showIf: { '==': [{ var: 'wants_callback' }, true] },
    requiredIf: { '==': [{ var: 'wants_callback' }, true] },
  },
  { id: 'comment', type: 'longText', label: t('comment'), maxLength: 20 },
  {
    id: 'q1',
    type: 'likert',
    label: t('q1'),
    options: [0, 1, 2, 3].map((value) => ({ value, label: t(String(value)) })),
  },
  {
    id: 'q2',
    type: 'likert',
    label: t('q2'),
    options: [0, 1, 2, 3].map((value) => ({ value, label: t(String(value)) })),
  },
  {
    id: 'total',
    type: 'score',
    label: t('total'),
    items: ['q1', 'q2'],
    method: 'sum',
    sensitivity: 'operational',
    bands: [
      { min: 0, max: 3, label: t('low') },
      { min: 4, max: 6, label: t('high'), flag: 'risk' },
    ],
  },
]);

describe('form definitions', () => {
  it('makes every field secret unless it says otherwise', () => {
    const parsed = form([{ id: 'note', type: 'longText', label: t('note') }]);
    expect(parsed.fields[0]?.sensitivity).toBe('secret');
  });

  it('refuses free text marked operational', () => {
    for (const type of ['text', 'longText', 'signature', 'file'] as const) {
      const result = formDefinitionSchema.safeParse({
        id: 'f',
        version: 1,
        title: t('f'),
        fields: [{ id: 'x', type, label: t('x'), sensitivity: 'operational' }],
      });
      expect(result.success, type).toBe(false);
    }
  });

  it('refuses a field id used twice and a score over a text field', () => {
    expect(() =>
      form([
        { id: 'a', type: 'checkbox', label: t('a') },
        { id: 'a', type: 'checkbox', label: t('a') },
      ]),
    ).toThrow();
    expect(() =>
      form([
        { id: 'a', type: 'text', label: t('a') },
        { id: 's', type: 'score', label: t('s'), items: ['a'], method: 'sum' },
      ]),
    ).toThrow();
  });

  it('parses the built-in intake and session-note forms', () => {
    expect(intakeForm.fields.filter((f) => f.sensitivity === 'operational').map((f) => f.id)).toEqual([
      'intake_date',
      'referral_source',
      'service_type',
      'planned_sessions',
    ]);
    expect(sessionNoteForm.fields.some((f) => f.type === 'longText' && f.sensitivity !== 'secret')).toBe(
      false,
    );
  });
});

describe('conditions', () => {
  it('shows a field only when its show-if holds, and requires it only then', () => {
    expect(visibleFields(survey, { wants_callback: false }).map((f) => f.id)).not.toContain('phone_time');
    expect(visibleFields(survey, { wants_callback: true }).map((f) => f.id)).toContain('phone_time');
    const base = { visit_date: '2026-11-25' };
    expect(validateValues(survey, { ...base, wants_callback: false })).toEqual([]);
    expect(validateValues(survey, { ...base, wants_callback: true })).toEqual([
      { field: 'phone_time', code: 'required' },
    ]);
  });

  it('names the fields a condition reads', () => {
    expect([
      ...referencedFields({
        and: [{ '==': [{ var: 'a' }, 1] }, { in: [{ var: ['b', 0] }, [1]] }, { missing: ['c'] }],
      }),
    ]).toEqual(['a', 'b', 'c']);
  });
});

describe('validation as you type', () => {
  it('checks each type against its own limits', () => {
    const numbers = form([
      { id: 'n', type: 'number', label: t('n'), min: 1, max: 10, integer: true },
      { id: 'd', type: 'date', label: t('d'), min: '2026-01-01', max: '2026-12-31' },
      {
        id: 'c',
        type: 'singleChoice',
        label: t('c'),
        options: [
          { value: 'a', label: t('a') },
          { value: 'b', label: t('b') },
        ],
      },
      {
        id: 'm',
        type: 'multipleChoice',
        label: t('m'),
        maxSelected: 1,
        options: [
          { value: 'a', label: t('a') },
          { value: 'b', label: t('b') },
        ],
      },
      { id: 'p', type: 'text', label: t('p'), pattern: '\\d{11}' },
    ]);
    const codes = (values: Record<string, unknown>) =>
      validateValues(numbers, values).map((e) => `${e.field}:${e.code}`);
    expect(codes({ n: 11 })).toEqual(['n:max']);
    expect(codes({ n: 2.5 })).toEqual(['n:integer']);
    expect(codes({ n: '3' })).toEqual(['n:type']);
    expect(codes({ d: '2025-12-31' })).toEqual(['d:min']);
    expect(codes({ d: '2026-02-30' })).toEqual(['d:type']);
    expect(codes({ c: 'z' })).toEqual(['c:option']);
    expect(codes({ m: ['a', 'b'] })).toEqual(['m:maxSelected']);
    expect(codes({ p: '1380000' })).toEqual(['p:pattern']);
    expect(codes({ n: 5, d: '2026-06-01', c: 'a', m: ['b'], p: '13800000000' })).toEqual([]);
  });

  it('reports a broken cross-field rule with its own message', () => {
    const dated = form(
      [
        { id: 'start', type: 'date', label: t('start') },
        { id: 'end', type: 'date', label: t('end') },
      ],
      { rules: [{ logic: { '<=': [{ var: 'start' }, { var: 'end' }] }, message: t('end after start') }] },
    );
    expect(validateValues(dated, { start: '2026-02-01', end: '2026-01-01' })).toEqual([
      { field: null, code: 'rule', message: t('end after start') },
    ]);
    expect(validateValues(dated, { start: '2026-01-01', end: '2026-02-01' })).toEqual([]);
  });
});

describe('splitting a record into its secret and operational parts', () => {
  it('drops hidden fields, computes scores and keeps free text in the secret part', () => {
    const { secret, operational } = splitRecord(survey, {
      visit_date: '2026-11-25',
      rating: 4,
      wants_callback: false,
      phone_time: 'after 6pm — left over from before the box was unticked',
      comment: '很好',
      q1: 2,
      q2: 3,
    });
    expect(operational).toEqual({ visit_date: '2026-11-25', rating: 4, wants_callback: false, total: 5 });
    expect(secret).toEqual({ comment: '很好', q1: 2, q2: 3 });
  });

  it('never puts a hidden or a secret field into the operational part (property)', () => {
    const values = fc.record(
      {
        visit_date: fc.constantFrom('2026-01-01', '2026-11-25'),
        rating: fc.integer({ min: 1, max: 5 }),
        wants_callback: fc.boolean(),
        phone_time: fc.string(),
        comment: fc.string(),
        q1: fc.integer({ min: 0, max: 3 }),
        q2: fc.integer({ min: 0, max: 3 }),
      },
      { requiredKeys: ['visit_date'] },
    );
    fc.assert(
      fc.property(values, (filled) => {
        const { secret, operational } = splitRecord(survey, filled);
        const visible = new Set(visibleFields(survey, filled).map((f) => f.id));
        for (const id of [...Object.keys(secret), ...Object.keys(operational)])
          expect(visible.has(id)).toBe(true);
        for (const id of Object.keys(operational)) {
          expect(survey.fields.find((f) => f.id === id)?.sensitivity).toBe('operational');
        }
        expect(checkOperationalPart(survey, operational)).toEqual([]);
      }),
    );
  });

  it('raises risk flags from score bands and item rules', () => {
    expect(riskFlags(survey, { q1: 3, q2: 3 })).toEqual([t('high')]);
    expect(riskFlags(survey, { q1: 0, q2: 1 })).toEqual([]);
    expect(riskFlags(intakeForm, { suicidal_ideation: 'plan' }).map((f) => f.en)).toEqual([
      'Active suicidal ideation reported at intake',
    ]);
  });
});

describe('the server’s check of the operational part', () => {
  const good = { visit_date: '2026-11-25', rating: 4, total: 5 };

  it('accepts what the browser would send', () => {
    expect(checkOperationalPart(survey, good)).toEqual([]);
  });

  it('rejects unknown fields, secret fields, invalid values and missing required ones', () => {
    const codes = (operational: Record<string, unknown>) =>
      checkOperationalPart(survey, operational).map((p) => `${p.field}:${p.code}`);
    expect(codes({ ...good, diagnosis: 'x' })).toEqual(['diagnosis:unknown_field']);
    expect(codes({ ...good, comment: 'smuggled plaintext' })).toEqual(['comment:not_operational']);
    expect(codes({ ...good, rating: 9 })).toEqual(['rating:invalid']);
    expect(codes({ ...good, visit_date: 'yesterday' })).toEqual(['visit_date:invalid']);
    expect(codes({ rating: 4 })).toEqual(['visit_date:required']);
  });

  it('checks a score it can recompute and trusts the browser for one over secret items', () => {
    const operationalItems = form([
      { id: 'a', type: 'number', label: t('a'), sensitivity: 'operational' },
      { id: 'b', type: 'number', label: t('b'), sensitivity: 'operational' },
      {
        id: 'sum',
        type: 'score',
        label: t('sum'),
        items: ['a', 'b'],
        method: 'sum',
        sensitivity: 'operational',
      },
    ]);
    expect(checkOperationalPart(operationalItems, { a: 1, b: 2, sum: 3 })).toEqual([]);
    expect(checkOperationalPart(operationalItems, { a: 1, b: 2, sum: 4 })).toEqual([
      { field: 'sum', code: 'score_mismatch' },
    ]);
    expect(checkOperationalPart(survey, { ...good, total: 6 })).toEqual([]);
  });
});
