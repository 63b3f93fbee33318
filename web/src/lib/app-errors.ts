/**
 * Every failure leaves lib/ as an AppError (lib/errors.ts) whose code the pages translate: server
 * refusals by their error code, crypto failures by theirs, anything else as unknown.
 */

import { isCryptoError } from '../../../crypto/index';
import { ApiError } from './api-client';
import { AppError, type AppErrorCode } from './errors';

const API_ERRORS: Partial<Record<string, AppErrorCode>> = {
  network: 'network',
  // the server failed (a 5xx, with or without our error body): not the person's doing, worth a retry
  internal: 'server_error',
  unavailable: 'server_error',
  invalid_credentials: 'invalid_credentials',
  locked: 'rate_limited',
  invitation_invalid: 'invitation_invalid',
  already_initialized: 'organization_exists',
  forbidden: 'forbidden',
  csrf: 'forbidden',
  no_session: 'session_expired',
  session_expired: 'session_expired',
  not_published: 'not_published',
  already_running: 'already_running',
  name_taken: 'name_taken',
};

const CRYPTO_ERRORS: Partial<Record<string, AppErrorCode>> = {
  // A wrong passphrase cannot reach this point (the server refuses the auth key first), but a
  // wrong recovery code's typo check or a bundle that does not open reads as bad credentials.
  'wrong-key': 'invalid_credentials',
  'bad-checksum': 'recovery_code_invalid',
  malformed: 'recovery_code_invalid',
  'root-changed': 'root_key_changed',
};

/** Every failure leaves this module as an AppError the pages can translate. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ApiError) return new AppError(API_ERRORS[error.code] ?? 'unknown', error.message);
  if (isCryptoError(error)) return new AppError(CRYPTO_ERRORS[error.code] ?? 'integrity', error.message);
  return new AppError('unknown', error instanceof Error ? error.message : String(error));
}

/** Runs `work`, turning whatever it throws into an AppError. */
export async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}
