import { ApiError } from '../../lib/api-client';
import { AppError } from '../../lib/errors';
import type { MessageKey } from '../../lib/i18n';

/** What went wrong with a form request, in words the admin can act on. */
const FORM_ERRORS: Partial<Record<string, MessageKey>> = {
  network: 'error.network',
  forbidden: 'error.forbidden',
  session_expired: 'error.session_expired',
  no_session: 'error.session_expired',
  form_exists: 'forms.error.formExists',
  no_draft: 'forms.error.noDraft',
  already_installed: 'forms.error.alreadyInstalled',
  invalid_request: 'forms.error.invalid',
  conflict: 'forms.error.conflict',
  not_found: 'forms.error.notFound',
  not_certified: 'forms.error.notCertified',
  bad_signature: 'forms.error.badSignature',
};

export function formsErrorKey(error: unknown): MessageKey {
  if (error instanceof AppError && error.code === 'form_untrusted') return 'error.form_untrusted';
  return (error instanceof ApiError && FORM_ERRORS[error.code]) || 'forms.error.unknown';
}
