/**
 * The recovery ceremony for the pages (issue 4, PROTOCOL §4): adapts
 * protocol/cases/recovery.ts to the vault and the session, as lib/cases.ts does for case files.
 * The shares stay in the page's memory; the org recovery key exists only inside the ceremony.
 */

import { sessionViewSchema, userListSchema } from '../../../core/api/index';
import { isCryptoError, parseRecoveryShare, wipe } from '../../../crypto/index';
import { createApiClient } from './api-client';
import { toAppError } from './app-errors';
import { type Person, withCaseContext } from './cases';
import { AppError, type AppErrorCode } from './errors';
import * as protocol from './protocol/cases/index';
import type { UserKeys } from './vault';

const api = createApiClient();

const RECOVERY_CRYPTO_ERRORS: Partial<Record<string, AppErrorCode>> = {
  'bad-checksum': 'recovery_share_invalid',
  malformed: 'recovery_share_invalid',
  'insufficient-shares': 'recovery_shares_insufficient',
  'inconsistent-shares': 'recovery_shares_inconsistent',
};

function toRecoveryError(error: unknown): AppError {
  if (isCryptoError(error) && RECOVERY_CRYPTO_ERRORS[error.code])
    return new AppError(RECOVERY_CRYPTO_ERRORS[error.code] as AppErrorCode, error.message);
  return toAppError(error);
}

export interface RecoveryCeremonySetup {
  /** M: how many shares the organization's split needs */
  readonly threshold: number;
  /** active counselors whose keys the org root has certified (only they can receive a case key) */
  readonly counselors: readonly Person[];
}

export async function loadRecoveryCeremony(): Promise<RecoveryCeremonySetup> {
  try {
    const [view, directory] = await Promise.all([
      api.get('/api/auth/session', sessionViewSchema),
      api.get('/api/users/directory', userListSchema),
    ]);
    return {
      threshold: view.org.recoveryThreshold,
      counselors: directory.users
        .filter((user) => user.roles.includes('counselor') && user.status === 'active' && user.cert)
        .map((user) => ({ id: user.id, displayName: user.displayName })),
    };
  } catch (error) {
    throw toRecoveryError(error);
  }
}

/** Checks one typed share's format and typo checksum; null when it reads, else the code to explain. */
export function checkRecoveryShare(text: string): AppErrorCode | null {
  try {
    wipe(parseRecoveryShare(text.trim()).value);
    return null;
  } catch (error) {
    return toRecoveryError(error).code;
  }
}

export interface RecoveryCeremony {
  readonly shares: readonly string[];
  readonly departedCounselorId: string;
  readonly newCounselorId: string;
}

/** Opens each of the departed counselor's cases with the recovery key and wraps it to the new counselor. */
export function reassignDepartedCounselorCases(
  keys: UserKeys,
  ceremony: RecoveryCeremony,
  onProgress?: (done: number, total: number) => void,
): Promise<{ reassigned: number }> {
  return withCaseContext(keys, async (context) => {
    try {
      return await protocol.recoverCounselorCases(
        context,
        {
          shares: ceremony.shares.map((share) => share.trim()),
          departedCounselorId: ceremony.departedCounselorId,
          newCounselorId: ceremony.newCounselorId,
        },
        onProgress,
      );
    } catch (error) {
      throw toRecoveryError(error);
    }
  });
}
