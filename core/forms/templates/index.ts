import { consentScanForm } from './consent-scan.js';
import { intakeForm } from './intake.js';
import { sessionNoteForm } from './session-note.js';

/** Forms that exist before an admin designs any: the case file's intake, session note and consent scan. */
export const BUILT_IN_FORMS = [intakeForm, sessionNoteForm, consentScanForm] as const;
export { consentScanForm, intakeForm, sessionNoteForm };
