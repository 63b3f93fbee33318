import { checkOperationalPart, type FormDefinition, formRef } from '../core/forms/index.js';
import { BUILT_IN_FORMS } from '../core/forms/templates/index.js';
import { ApiError } from './errors.js';

/**
 * The server validates a record's operational part against the published form it names (DESIGN
 * §3): only that form's operational fields, valid values, required ones present. Until admins can
 * publish their own forms, the known forms are the built-in intake and session note.
 */
const PUBLISHED = new Map<string, FormDefinition>(BUILT_IN_FORMS.map((form) => [formRef(form), form]));

export function assertOperationalMatchesForm(ref: string, operational: Record<string, unknown>): void {
  const form = PUBLISHED.get(ref);
  if (!form) throw new ApiError(400, 'unknown_form', `no published form ${ref}`);
  const problems = checkOperationalPart(form, operational);
  if (problems.length > 0) {
    const list = problems.map((problem) => `${problem.field}: ${problem.code}`).join(', ');
    throw new ApiError(
      400,
      'operational_mismatch',
      `the operational fields do not match form ${ref} (${list})`,
    );
  }
}
