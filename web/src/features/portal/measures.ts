import {
  computeScore,
  type FormDefinition,
  type FormField,
  type LocalizedText,
  riskFlags,
} from '../../../../core/forms/index';
import { gad7Form, phq9Form } from '../../../../core/forms/templates/index';
import type { CaseRecord } from '../../lib/cases';

/** Measurement-based care: the scored scales a case charts, read from its decrypted records. */

type ScoreField = Extract<FormField, { type: 'score' }>;

export interface Measure {
  form: FormDefinition;
  score: ScoreField;
  /** the highest total the scale can reach */
  max: number;
}

function measureOf(form: FormDefinition, scoreId: string): Measure {
  const score = form.fields.find(
    (field): field is ScoreField => field.id === scoreId && field.type === 'score',
  );
  if (!score) throw new Error(`${form.id} has no score ${scoreId}`);
  return { form, score, max: Math.max(...score.bands.map((band) => band.max)) };
}

export const MEASURES: readonly Measure[] = [
  measureOf(phq9Form, 'phq9_total'),
  measureOf(gad7Form, 'gad7_total'),
];

export interface MeasurePoint {
  recordId: string;
  /** YYYY-MM-DD: the date the scale was completed */
  date: string;
  value: number;
  band: LocalizedText | null;
  /** the form's risk flags this completion raised (a PHQ-9 item 9 above 0) */
  risks: LocalizedText[];
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The totals of one scale over time, oldest first; a record without a total is left out. */
export function measurePoints(measure: Measure, records: readonly CaseRecord[]): MeasurePoint[] {
  return records
    .filter((record) => record.formRef.startsWith(`${measure.form.id}@`))
    .flatMap((record) => {
      const value = record.values[measure.score.id];
      if (typeof value !== 'number') return [];
      const completed = record.values.completed_on;
      const date = typeof completed === 'string' ? completed : isoDate(record.writtenAt);
      const band = measure.score.bands.find((candidate) => value >= candidate.min && value <= candidate.max);
      const risks = riskFlags(measure.form, record.values);
      return [{ recordId: record.recordId, date, value, band: band?.label ?? null, risks }];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The score and band of filled-in answers (a submission not yet filed). */
export function scoreOfValues(form: FormDefinition, values: Record<string, unknown>) {
  const field = form.fields.find((candidate): candidate is ScoreField => candidate.type === 'score');
  return field ? computeScore(field, values) : null;
}
