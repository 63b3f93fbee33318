import { type FormValues, holds, isRequired, isVisible } from './conditions.js';
import type { FormDefinition, FormField, LocalizedText } from './schema.js';
import { hasFieldShape, isEmpty } from './values.js';

/** Field-by-field validation the renderer shows as you type, and the record checks before saving. */

export type FieldErrorCode =
  | 'required'
  | 'type'
  | 'min'
  | 'max'
  | 'integer'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'option'
  | 'minSelected'
  | 'maxSelected'
  | 'rule';

export interface FieldError {
  /** null for a rule across fields */
  field: string | null;
  code: FieldErrorCode;
  /** the limit that was crossed, for the message */
  limit?: number | string;
  /** a cross-field rule's own message */
  message?: LocalizedText;
}

/** Checks one visible field's value against its own constraints (not required-ness). */
export function checkFieldValue(field: FormField, value: unknown): FieldError | null {
  const error = (code: FieldErrorCode, limit?: number | string): FieldError =>
    limit === undefined ? { field: field.id, code } : { field: field.id, code, limit };
  if (!hasFieldShape(field, value)) return error('type');
  switch (field.type) {
    case 'text':
    case 'longText': {
      const text = value as string;
      if (field.minLength !== undefined && text.length < field.minLength)
        return error('minLength', field.minLength);
      if (text.length > field.maxLength) return error('maxLength', field.maxLength);
      if (field.type === 'text' && field.pattern && !safePatternTest(field.pattern, text))
        return error('pattern');
      return null;
    }
    case 'number': {
      const number = value as number;
      if (field.integer && !Number.isInteger(number)) return error('integer');
      if (field.min !== undefined && number < field.min) return error('min', field.min);
      if (field.max !== undefined && number > field.max) return error('max', field.max);
      return null;
    }
    case 'date': {
      const date = value as string;
      if (field.min !== undefined && date < field.min) return error('min', field.min);
      if (field.max !== undefined && date > field.max) return error('max', field.max);
      return null;
    }
    case 'singleChoice':
    case 'dropdown':
      return field.options.some((option) => option.value === value) ? null : error('option');
    case 'multipleChoice': {
      const chosen = value as string[];
      if (new Set(chosen).size !== chosen.length) return error('option');
      if (!chosen.every((item) => field.options.some((option) => option.value === item)))
        return error('option');
      if (field.minSelected !== undefined && chosen.length < field.minSelected)
        return error('minSelected', field.minSelected);
      if (field.maxSelected !== undefined && chosen.length > field.maxSelected)
        return error('maxSelected', field.maxSelected);
      return null;
    }
    case 'likert':
      return field.options.some((option) => option.value === value) ? null : error('option');
    default:
      return null;
  }
}

function safePatternTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(text);
  } catch {
    return true; // a broken pattern in a definition must not block the counselor
  }
}

/** Everything wrong with these values for this form, as the person filling it would see it. */
export function validateValues(form: FormDefinition, values: FormValues): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of form.fields) {
    if (field.type === 'section' || field.type === 'score' || !isVisible(field, values)) continue;
    const value = values[field.id];
    if (isEmpty(value)) {
      if (isRequired(field, values)) errors.push({ field: field.id, code: 'required' });
      continue;
    }
    const error = checkFieldValue(field, value);
    if (error) errors.push(error);
  }
  for (const rule of form.rules) {
    if (!holds(rule.logic, values)) errors.push({ field: null, code: 'rule', message: rule.message });
  }
  return errors;
}
