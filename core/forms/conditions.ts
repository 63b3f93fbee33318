import jsonLogic from 'json-logic-js';
import type { FormDefinition, FormField } from './schema.js';

/** Show-if, required-if and cross-field rules: JSON Logic over the form's values. */

export type FormValues = Record<string, unknown>;

export function holds(logic: unknown, values: FormValues): boolean {
  if (logic === undefined) return true;
  try {
    return jsonLogic.truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, values));
  } catch {
    // A condition that cannot be evaluated (an unknown operator) hides nothing and requires nothing.
    return false;
  }
}

/** A field is shown unless its show-if condition is false; hidden fields are never stored. */
export function isVisible(field: FormField, values: FormValues): boolean {
  return field.showIf === undefined || holds(field.showIf, values);
}

export function isRequired(field: FormField, values: FormValues): boolean {
  return field.required || (field.requiredIf !== undefined && holds(field.requiredIf, values));
}

export function visibleFields(form: FormDefinition, values: FormValues): FormField[] {
  return form.fields.filter((field) => isVisible(field, values));
}

/** The field ids a condition reads (`{"var": "id"}`, `{"var": ["id", default]}`, `{"missing": [...]}`). */
export function referencedFields(logic: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [operator, argument] of Object.entries(node)) {
      if (operator === 'var') {
        const name = Array.isArray(argument) ? argument[0] : argument;
        if (typeof name === 'string' && name !== '') found.add(name.split('.')[0] as string);
      } else if (operator === 'missing' || operator === 'missing_some') {
        const names = operator === 'missing_some' && Array.isArray(argument) ? argument[1] : argument;
        if (Array.isArray(names)) for (const name of names) if (typeof name === 'string') found.add(name);
      }
      walk(argument);
    }
  };
  walk(logic);
  return found;
}
