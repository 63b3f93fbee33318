import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPortalOperational,
  computeScore,
  type FormDefinition,
  type FormField,
  portalForm,
  riskFlags,
  splitRecord,
  validateValues,
} from '../../../core/forms/index.js';
import { gad7Form, phq9Form, satisfactionForm } from '../../../core/forms/templates/index.js';

/** The severity tables as published (Kroenke et al. 2001; Spitzer et al. 2006). */
const PHQ9_TABLE = [
  { min: 0, max: 4, severity: 'Minimal' },
  { min: 5, max: 9, severity: 'Mild' },
  { min: 10, max: 14, severity: 'Moderate' },
  { min: 15, max: 19, severity: 'Moderately severe' },
  { min: 20, max: 27, severity: 'Severe' },
];
const GAD7_TABLE = [
  { min: 0, max: 4, severity: 'Minimal' },
  { min: 5, max: 9, severity: 'Mild' },
  { min: 10, max: 14, severity: 'Moderate' },
  { min: 15, max: 21, severity: 'Severe' },
];

type Score = Extract<FormField, { type: 'score' }>;
const scoreOf = (form: FormDefinition, id: string) => form.fields.find((field) => field.id === id) as Score;

const published = (table: typeof PHQ9_TABLE, total: number) =>
  table.find((row) => total >= row.min && total <= row.max)?.severity;

/** Answers 0–3 to `count` items. */
const answers = (count: number) =>
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: count, maxLength: count });

function filled(prefix: string, items: number[]) {
  return Object.fromEntries(items.map((value, index) => [`${prefix}_${index + 1}`, value]));
}

describe('PHQ-9 scoring', () => {
  it('has the nine items, each scored 0 (not at all) to 3 (nearly every day)', () => {
    const items = phq9Form.fields.filter((field) => field.type === 'likert');
    expect(items).toHaveLength(9);
    for (const item of items) {
      expect(item.type === 'likert' && item.options.map((option) => option.value)).toEqual([0, 1, 2, 3]);
      expect(item.required).toBe(true);
      expect(item.sensitivity).toBe('secret');
    }
    expect(items[8]?.label.en).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
  });

  it('bands every total from 0 to 27 as the published table does', () => {
    const total = scoreOf(phq9Form, 'phq9_total');
    for (let sum = 0; sum <= 27; sum++) {
      const band = total.bands.find((candidate) => sum >= candidate.min && sum <= candidate.max);
      expect(band?.label.en, `total ${sum}`).toBe(published(PHQ9_TABLE, sum));
    }
    expect(total.bands.every((band) => band.label['zh-CN'].length > 0)).toBe(true);
  });

  it('adds up the nine answers into the total and its band', () => {
    fc.assert(
      fc.property(answers(9), (items) => {
        const sum = items.reduce((a, b) => a + b, 0);
        const score = computeScore(scoreOf(phq9Form, 'phq9_total'), filled('phq9', items));
        expect(score?.value).toBe(sum);
        expect(score?.band?.en).toBe(published(PHQ9_TABLE, sum));
      }),
    );
  });

  it('raises a risk flag whenever item 9 is above 0, whatever the total, and only then', () => {
    fc.assert(
      fc.property(answers(9), (items) => {
        const flags = riskFlags(phq9Form, filled('phq9', items));
        expect(flags.length > 0).toBe((items[8] ?? 0) > 0);
      }),
    );
    const onlyItem9 = filled('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(riskFlags(phq9Form, onlyItem9)[0]?.en).toContain('Item 9');
  });

  it('keeps every answer secret and sends only the date and total', () => {
    const values = { completed_on: '2026-05-04', ...filled('phq9', [3, 3, 2, 2, 1, 1, 0, 0, 1]) };
    const { secret, operational } = splitRecord(phq9Form, values);
    expect(operational).toEqual({ completed_on: '2026-05-04', phq9_total: 13 });
    expect(Object.keys(secret).sort()).toEqual(Object.keys(filled('phq9', Array(9).fill(0))).sort());
    expect(validateValues(phq9Form, values)).toEqual([]);
    expect(validateValues(phq9Form, { ...values, phq9_9: undefined })).toEqual([
      { field: 'phq9_9', code: 'required' },
    ]);
  });
});

describe('GAD-7 scoring', () => {
  it('bands every total from 0 to 21 as the published table does', () => {
    const total = scoreOf(gad7Form, 'gad7_total');
    for (let sum = 0; sum <= 21; sum++) {
      const band = total.bands.find((candidate) => sum >= candidate.min && sum <= candidate.max);
      expect(band?.label.en, `total ${sum}`).toBe(published(GAD7_TABLE, sum));
    }
  });

  it('adds up the seven answers into the total and its band, with no risk flag', () => {
    expect(gad7Form.fields.filter((field) => field.type === 'likert')).toHaveLength(7);
    fc.assert(
      fc.property(answers(7), (items) => {
        const sum = items.reduce((a, b) => a + b, 0);
        const values = filled('gad7', items);
        const score = computeScore(scoreOf(gad7Form, 'gad7_total'), values);
        expect(score?.value).toBe(sum);
        expect(score?.band?.en).toBe(published(GAD7_TABLE, sum));
        expect(riskFlags(gad7Form, values)).toEqual([]);
      }),
    );
  });
});

describe('the satisfaction survey', () => {
  it('sends the 1–5 score and the recommendation, and keeps the comments and counselor rating secret', () => {
    const { secret, operational } = splitRecord(satisfactionForm, {
      overall_satisfaction: 2,
      counselor_helpful: 4,
      would_recommend: 'unsure',
      comments: 'The waiting room was cold.',
    });
    expect(operational).toEqual({ overall_satisfaction: 2, would_recommend: 'unsure' });
    expect(secret).toEqual({ counselor_helpful: 4, comments: 'The waiting room was cold.' });
  });
});

describe('portal submissions: the operational part the server checks', () => {
  it('knows the portal forms by reference and nothing else', () => {
    expect(portalForm('phq-9@1')).toBe(phq9Form);
    expect(portalForm('gad-7@1')).toBe(gad7Form);
    expect(portalForm('satisfaction-survey@1')).toBe(satisfactionForm);
    expect(portalForm('session-note@1')).toBeUndefined();
    expect(portalForm('phq-9@2')).toBeUndefined();
  });

  it('accepts exactly what a filled form splits into', () => {
    fc.assert(
      fc.property(answers(9), (items) => {
        const { operational } = splitRecord(phq9Form, {
          completed_on: '2026-05-04',
          ...filled('phq9', items),
        });
        expect(checkPortalOperational(phq9Form, operational)).toEqual([]);
      }),
    );
  });

  it('asks for the total, inside the published range, and refuses secret answers in the clear', () => {
    const codes = (operational: Record<string, unknown>) =>
      checkPortalOperational(phq9Form, operational).map((problem) => `${problem.field}:${problem.code}`);
    expect(codes({ completed_on: '2026-05-04' })).toEqual(['phq9_total:required']);
    expect(codes({ completed_on: '2026-05-04', phq9_total: 28 })).toEqual(['phq9_total:invalid']);
    expect(codes({ completed_on: '2026-05-04', phq9_total: 3, phq9_9: 1 })).toEqual([
      'phq9_9:not_operational',
    ]);
    expect(codes({ phq9_total: 3 })).toEqual(['completed_on:required']);
  });
});
