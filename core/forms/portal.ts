import { PORTAL_FORM_IDS } from '../api/portal.js';
import { checkOperationalPart, type OperationalProblem } from './record.js';
import { type FormDefinition, type FormField, formRef, isOperational } from './schema.js';
import { BUILT_IN_FORMS } from './templates/index.js';

/** The forms a client may fill through a portal link, by "<id>@<version>". */
const PORTAL_FORMS = new Map<string, FormDefinition>(
  BUILT_IN_FORMS.filter((form) => (PORTAL_FORM_IDS as readonly string[]).includes(form.id)).map((form) => [
    formRef(form),
    form,
  ]),
);

export function portalForm(ref: string): FormDefinition | undefined {
  return PORTAL_FORMS.get(ref);
}

export function portalForms(): FormDefinition[] {
  return [...PORTAL_FORMS.values()];
}

/**
 * An operational score whose items are all required and always shown is always there in a valid
 * submission (a PHQ-9 total): the portal asks for it, though the server cannot recompute it from
 * the secret answers — the counselor's browser does, when it opens the sealed answers.
 */
function alwaysScored(form: FormDefinition, field: FormField): boolean {
  if (field.type !== 'score' || !isOperational(field) || field.showIf !== undefined) return false;
  return field.items.every((id) => {
    const item = form.fields.find((candidate) => candidate.id === id);
    return item?.required === true && item.showIf === undefined;
  });
}

/** The server's check of a portal submission's operational part against its form. */
export function checkPortalOperational(
  form: FormDefinition,
  operational: Record<string, unknown>,
): OperationalProblem[] {
  const problems = checkOperationalPart(form, operational);
  for (const field of form.fields) {
    if (field.type !== 'score' || !isOperational(field)) continue;
    const value = operational[field.id];
    if (value === undefined) {
      if (alwaysScored(form, field)) problems.push({ field: field.id, code: 'required' });
    } else if (
      typeof value === 'number' &&
      field.bands.length > 0 &&
      !field.bands.some((band) => value >= band.min && value <= band.max)
    ) {
      problems.push({ field: field.id, code: 'invalid' });
    }
  }
  return problems;
}
