import { intakeForm } from './intake.js';
import { sessionNoteForm } from './session-note.js';

/** Forms that exist before an admin designs any: the case file's intake and session note. */
export const BUILT_IN_FORMS = [intakeForm, sessionNoteForm] as const;
export { intakeForm, sessionNoteForm };
