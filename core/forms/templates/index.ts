import type { FormDefinition } from '../schema.js';
import { closingSummaryForm } from './closing-summary.js';
import { consentScanForm } from './consent-scan.js';
import { gad7Form } from './gad7.js';
import { informedConsentForm } from './informed-consent.js';
import { intakeForm } from './intake.js';
import { phq9Form } from './phq9.js';
import { satisfactionForm } from './satisfaction.js';
import { sessionNoteForm } from './session-note.js';
import { supervisionReportForm } from './supervision-report.js';

/**
 * The forms Tacit ships. The server knows every one of them (a record may name any), every
 * browser renders them, and an admin installs one into the center's catalog in one click.
 * Append new templates here; ids and versions never change once shipped.
 */
export const BUILT_IN_FORMS: readonly FormDefinition[] = [
  intakeForm,
  sessionNoteForm,
  consentScanForm,
  informedConsentForm,
  supervisionReportForm,
  phq9Form,
  gad7Form,
  satisfactionForm,
  closingSummaryForm,
];

/** Counselors pick from these before an admin has installed or designed anything. */
export const OFFERED_BY_DEFAULT: readonly string[] = ['session-note', 'intake', 'consent-scan'];

export function builtInForm(id: string, version?: number): FormDefinition | undefined {
  return BUILT_IN_FORMS.find((form) => form.id === id && (version === undefined || form.version === version));
}

export {
  closingSummaryForm,
  consentScanForm,
  gad7Form,
  informedConsentForm,
  intakeForm,
  phq9Form,
  satisfactionForm,
  sessionNoteForm,
  supervisionReportForm,
};
