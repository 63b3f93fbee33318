import { z } from './zod.js';

/** The one error shape of every API response (STYLE: errors are values with codes). */
export const ERROR_CODES = [
  'bad_request',
  'malformed_json',
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
  'not_found',
  'method_not_allowed',
  'csrf',
  'no_session',
  'session_expired',
  'forbidden',
  'invalid_credentials',
  'locked',
  'not_configured',
  'not_initialized',
  'already_initialized',
  'email_taken',
  'already_invited',
  'invitation_invalid',
  'invitation_not_pending',
  'user_not_found',
  'bad_certificate',
  'not_certified',
  'not_admin',
  'last_admin',
  'bad_checkpoint',
  'bad_signature',
  'hash_mismatch',
  'grant_expired',
  'grant_revoked',
  'write_required',
  'stale_head',
  'unknown_form',
  'operational_mismatch',
  'incomplete',
  'stale_epoch',
  'bad_revision',
  'case_archived',
  'invalid_transition',
  'recovery_wrap_missing',
  'holders_mismatch',
  'rotation_required',
  'already_granted',
  'grant_not_approved',
  'cannot_revoke',
  'bad_recipient',
  'already_holder',
  'already_requested',
  'request_not_pending',
  'self_approval',
  'conflict',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** Every state-changing request carries this header; a cross-site form cannot set it. */
export const CSRF_HEADER = 'X-Tacit-Request';
