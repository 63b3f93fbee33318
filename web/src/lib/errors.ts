import type { MessageKey } from './i18n/messages';

/** Failure reasons the UI can explain to a person; anything else is shown as `unknown`. */
export const APP_ERROR_CODES = [
  'network',
  'server_error',
  'invalid_credentials',
  'rate_limited',
  'invitation_invalid',
  'organization_exists',
  'forbidden',
  'session_expired',
  'root_key_changed',
  'recovery_code_invalid',
  'integrity',
  // case files (issue 4)
  'no_case_access',
  'grant_expired',
  'grant_revoked',
  'write_required',
  'already_requested',
  'already_holder',
  'request_not_pending',
  'case_conflict',
  'case_archived',
  'key_unavailable',
  // managing a case
  'invalid_transition',
  'transfer_target_holds_access',
  'recipient_uncertified',
  // attachments in case records
  'attachment_too_large',
  'attachment_incomplete',
  'attachment_tampered',
  // a case log that fails verification (PROTOCOL §6): each failure has its own sentence
  'integrity_dropped',
  'integrity_reordered',
  'integrity_injected',
  'integrity_altered',
  'integrity_bad_signature',
  'integrity_uncertified',
  'integrity_rollback',
  'integrity_stale_revision',
  // the recovery ceremony (PROTOCOL §4)
  'recovery_share_invalid',
  'recovery_shares_insufficient',
  'recovery_shares_inconsistent',
  // data rights (issue 11)
  'case_not_closed',
  'self_approval',
  'backup_mismatch',
  // integrations (issue 10)
  'invalid_request',
  'refund_exceeds_payment',
  'booking_closed',
  'stale_group_key',
  'captcha_failed',
  'slot_unavailable',
  'no_front_desk_key',
  // forms (issue 5): a center-designed version not signed by a certified admin as served
  'form_untrusted',
  // case conferences (issue 14)
  'conference_not_found',
  'conference_removed',
  'conference_expired',
  'conference_conflict',
  'already_participant',
  // workflows started by hand on a case (issue 6)
  'not_published',
  'already_running',
  // supervision theme tags (issue 14)
  'name_taken',
  // the knowledge base (issue 14)
  'no_staff_key',
  'knowledge_not_found',
  'knowledge_conflict',
  'category_name_taken',
  'unknown',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** An error as a value with a code (STYLE §6): thrown by the lib/ modules, translated by the UI. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
  ) {
    super(message);
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && (APP_ERROR_CODES as readonly string[]).includes(value);
}

export function errorMessageKey(error: unknown): MessageKey {
  const code: AppErrorCode = error instanceof AppError ? error.code : 'unknown';
  return `error.${code}`;
}
