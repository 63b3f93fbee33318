import { type FormValues, holds, isVisible, referencedFields } from './conditions.js';
import { type FormDefinition, type FormField, isOperational, type LocalizedText } from './schema.js';
import { checkFieldValue } from './validate.js';
import { isEmpty } from './values.js';

/**
 * From what was filled to what is stored (DESIGN §2): hidden fields are dropped, scores computed,
 * and the values split into the secret part (encrypted in the browser, PROTOCOL §3) and the
 * operational part (sent for the server to validate and compute on).
 */

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type RecordPart = { [field: string]: JsonValue };

export interface ScoreResult {
  field: string;
  value: number;
  band: LocalizedText | null;
  risk: boolean;
}

export function computeScore(
  field: Extract<FormField, { type: 'score' }>,
  values: FormValues,
): ScoreResult | null {
  const items = field.items.map((id) => values[id]);
  if (items.some((item) => typeof item !== 'number')) return null; // not every item answered
  const sum = (items as number[]).reduce((total, item) => total + item, 0);
  const value = field.method === 'sum' ? sum : Math.round((sum / items.length) * 100) / 100;
  const band = field.bands.find((candidate) => value >= candidate.min && value <= candidate.max);
  return { field: field.id, value, band: band?.label ?? null, risk: band?.flag === 'risk' };
}

/** The values with every score filled in. */
export function withScores(form: FormDefinition, values: FormValues): FormValues {
  const result = { ...values };
  for (const field of form.fields) {
    if (field.type !== 'score') continue;
    const score = computeScore(field, result);
    if (score) result[field.id] = score.value;
    else delete result[field.id];
  }
  return result;
}

/** Risk flags raised by this record: score bands flagged `risk` and the form's own item rules. */
export function riskFlags(form: FormDefinition, values: FormValues): LocalizedText[] {
  const scored = withScores(form, values);
  const flags: LocalizedText[] = [];
  for (const field of form.fields) {
    if (field.type !== 'score' || !isVisible(field, scored)) continue;
    const score = computeScore(field, scored);
    if (score?.risk && score.band) flags.push(score.band);
  }
  for (const flag of form.riskFlags) if (holds(flag.logic, scored)) flags.push(flag.message);
  return flags;
}

export function splitRecord(
  form: FormDefinition,
  values: FormValues,
): { secret: RecordPart; operational: RecordPart } {
  const scored = withScores(form, values);
  const secret: RecordPart = {};
  const operational: RecordPart = {};
  for (const field of form.fields) {
    const value = scored[field.id];
    if (field.type === 'section' || isEmpty(value) || !isVisible(field, scored)) continue;
    (isOperational(field) ? operational : secret)[field.id] = value as JsonValue;
  }
  return { secret, operational };
}

/** The two parts back into one set of values, for showing or correcting a record. */
export function joinRecord(secret: RecordPart, operational: RecordPart): FormValues {
  return { ...secret, ...operational };
}

export interface OperationalProblem {
  field: string;
  code: 'unknown_field' | 'not_operational' | 'invalid' | 'required' | 'score_mismatch';
}

/**
 * The server's check of the operational part against the published definition: only operational
 * fields, each a valid value, scores that add up, and the required ones present — where the
 * server can tell (a condition that reads a secret field is the browser's to judge).
 */
export function checkOperationalPart(
  form: FormDefinition,
  operational: Record<string, unknown>,
): OperationalProblem[] {
  const problems: OperationalProblem[] = [];
  const fields = new Map(form.fields.map((field) => [field.id, field]));
  const operationalIds = new Set(form.fields.filter(isOperational).map((field) => field.id));
  for (const [id, value] of Object.entries(operational)) {
    const field = fields.get(id);
    if (!field) problems.push({ field: id, code: 'unknown_field' });
    else if (!isOperational(field)) problems.push({ field: id, code: 'not_operational' });
    else if (isEmpty(value) || checkFieldValue(field, value)) problems.push({ field: id, code: 'invalid' });
  }
  const decidable = (logic: unknown) => [...referencedFields(logic)].every((id) => operationalIds.has(id));
  for (const field of form.fields) {
    if (!isOperational(field) || field.id in operational) continue;
    if (field.showIf !== undefined && (!decidable(field.showIf) || !isVisible(field, operational))) continue;
    const required =
      field.required ||
      (field.requiredIf !== undefined && decidable(field.requiredIf) && holds(field.requiredIf, operational));
    if (required && field.type !== 'score') problems.push({ field: field.id, code: 'required' });
  }
  for (const field of form.fields) {
    if (field.type !== 'score' || !isOperational(field) || !(field.id in operational)) continue;
    if (!field.items.every((item) => operationalIds.has(item))) continue; // items are secret: cannot recompute
    const score = computeScore(field, operational);
    if (!score || score.value !== operational[field.id])
      problems.push({ field: field.id, code: 'score_mismatch' });
  }
  return problems;
}
