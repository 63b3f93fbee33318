/**
 * Case files for the pages (issue 4): adapts the ceremonies of lib/protocol/cases to the vault
 * and the signed-in session, as lib/account.ts does for accounts. Every ceremony takes the keys
 * the vault lends (`vault.withKeys`), copies what it needs before its first await and wipes the
 * copies when done; case keys live only while one ceremony runs. Decrypted content goes to the
 * page's memory and nowhere else; the only thing stored is each case's verified log head (public).
 *
 * Failures reject with an AppError whose code the UI translates, with a sentence of its own for
 * each way a case log can fail verification (PROTOCOL §6).
 */

import { sessionViewSchema } from '../../../../core/api/index';
import {
  concatBytes,
  decodeKeyBundle,
  fromBase64Url,
  isCryptoError,
  wipeUserKeys,
} from '../../../../crypto/index';
import { ApiError, createApiClient } from '../api-client';
import { toAppError } from '../app-errors';
import { AppError, type AppErrorCode } from '../errors';
import * as protocol from '../protocol/cases/index';
import { localStorageRootPins, pinRoot } from '../protocol/pins';
import type { UserKeys } from '../vault';

export const api = createApiClient();

const CASE_API_ERRORS: Partial<Record<string, AppErrorCode>> = {
  not_found: 'no_case_access',
  grant_expired: 'grant_expired',
  grant_revoked: 'grant_revoked',
  write_required: 'write_required',
  already_requested: 'already_requested',
  already_holder: 'already_holder',
  request_not_pending: 'request_not_pending',
  stale_head: 'case_conflict',
  stale_epoch: 'case_conflict',
  conflict: 'case_conflict',
  rotation_required: 'case_conflict',
  holders_mismatch: 'case_conflict',
  invalid_transition: 'invalid_transition',
  case_archived: 'case_archived',
  payload_too_large: 'attachment_too_large',
  incomplete: 'attachment_incomplete',
};

const CASE_CRYPTO_ERRORS: Partial<Record<string, AppErrorCode>> = {
  dropped: 'integrity_dropped',
  reordered: 'integrity_reordered',
  injected: 'integrity_injected',
  altered: 'integrity_altered',
  'bad-signature': 'integrity_bad_signature',
  uncertified: 'integrity_uncertified',
  rollback: 'integrity_rollback',
  'stale-revision': 'integrity_stale_revision',
  expired: 'grant_expired',
  'root-changed': 'root_key_changed',
  tampered: 'attachment_tampered',
};

function toCaseError(error: unknown): AppError {
  if (error instanceof ApiError && CASE_API_ERRORS[error.code])
    return new AppError(CASE_API_ERRORS[error.code] as AppErrorCode, error.message);
  if (isCryptoError(error) && CASE_CRYPTO_ERRORS[error.code])
    return new AppError(CASE_CRYPTO_ERRORS[error.code] as AppErrorCode, error.message);
  return toAppError(error);
}

/** Runs a request or ceremony and rejects only with an AppError the UI can translate. */
export async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toCaseError(error);
  }
}

/**
 * Copies the lent keys synchronously (the vault may lock, and zero its own, during an await),
 * builds the case context from the session and the pinned root, and wipes the copies afterwards.
 */
export function withCaseContext<T>(
  keys: UserKeys,
  use: (context: protocol.CaseContext) => Promise<T>,
): Promise<T> {
  const bundle = concatBytes(keys.encryptionSecretKey, keys.signingSeed);
  const accountKeys = decodeKeyBundle(bundle);
  bundle.fill(0);
  return run(async () => {
    try {
      const view = await api.get('/api/auth/session', sessionViewSchema);
      const rootPk = fromBase64Url(view.org.rootPk);
      pinRoot(localStorageRootPins(localStorage), view.org.id, rootPk);
      return await use({
        api,
        orgId: view.org.id,
        rootPk,
        recoveryPk: fromBase64Url(view.org.recoveryPk),
        me: { id: view.user.id, keys: accountKeys },
        checkpoints: protocol.localStorageCaseCheckpoints(localStorage),
      });
    } finally {
      wipeUserKeys(accountKeys);
    }
  });
}

/** Opens a case, runs `use`, and forgets the case keys whatever happens. */
export async function withOpenCase<T>(
  context: protocol.CaseContext,
  caseId: string,
  use: (opened: protocol.OpenedCase) => Promise<T>,
  query = '',
): Promise<T> {
  const opened = await protocol.openCase(context, caseId, query);
  try {
    return await use(opened);
  } finally {
    protocol.closeCase(opened);
  }
}
