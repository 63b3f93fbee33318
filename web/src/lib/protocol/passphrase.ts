import { okResponseSchema, type SessionView, sessionViewSchema } from '../../../../core/api/index';
import {
  constantTimeEqual,
  createPassphraseCredentials,
  createRecoveryCredentials,
  derivePassphraseKeys,
  fail,
  fromBase64Url,
  KDF_DEFAULT,
  type KdfParams,
  type RecoveryCredentials,
  toBase64Url,
  type UserKeys,
  wipe,
} from '../../../../crypto/index';
import type { ApiClient } from '../api-client';

/**
 * PROTOCOL §4 passphrase change: the same user keys re-sealed under a new passphrase (fresh salt,
 * auth key and bundle), the server convinced by the current credential first.
 */

/** How the session proves it still belongs to the account's holder. */
export type CurrentCredential =
  | { readonly passphrase: string }
  /** Right after a recovery-code login, when the passphrase is what was lost. */
  | { readonly recoveryAuthKey: Uint8Array };

export interface PassphraseChange {
  readonly current: CurrentCredential;
  readonly newPassphrase: string;
  /** The account's open keys; the caller owns them and wipes them afterwards. */
  readonly keys: UserKeys;
  /** Also issue a new recovery code; after a recovery login the old one has just been used. */
  readonly rotateRecoveryCode: boolean;
}

export interface ChangedPassphrase {
  /** The new recovery code, to be shown once; null when it was not rotated. */
  readonly recoveryCode: string | null;
}

/** Never lower the parameters on a change: a newer default raises them, an older one does not undo a raise. */
function strongerKdf(current: KdfParams, floor: KdfParams): KdfParams {
  return { m: Math.max(current.m, floor.m), t: Math.max(current.t, floor.t), p: 1 };
}

/** Sealing other keys than the account's would lock its holder out for good: refuse first. */
function requireAccountKeys(view: SessionView, keys: UserKeys): void {
  if (
    !constantTimeEqual(fromBase64Url(view.user.x25519Pk), keys.x25519Pk) ||
    !constantTimeEqual(fromBase64Url(view.user.ed25519Pk), keys.ed25519Pk)
  ) {
    fail('tampered', 'the keys to re-seal are not the ones this account holds');
  }
}

async function currentProof(view: SessionView, current: CurrentCredential) {
  if ('recoveryAuthKey' in current) return { currentRecoveryAuthKey: toBase64Url(current.recoveryAuthKey) };
  const derived = await derivePassphraseKeys(current.passphrase, fromBase64Url(view.kdf.salt), {
    m: view.kdf.m,
    t: view.kdf.t,
    p: view.kdf.p,
  });
  const proof = { currentAuthKey: toBase64Url(derived.auth) };
  wipe(derived.master, derived.auth, derived.kek);
  return proof;
}

export async function changePassphrase(api: ApiClient, change: PassphraseChange): Promise<ChangedPassphrase> {
  const view = await api.get('/api/auth/session', sessionViewSchema);
  requireAccountKeys(view, change.keys);
  const proof = await currentProof(view, change.current);
  const params = strongerKdf({ m: view.kdf.m, t: view.kdf.t, p: view.kdf.p }, KDF_DEFAULT);
  const login = await createPassphraseCredentials(change.newPassphrase, view.user.id, change.keys, params);
  let recovery: RecoveryCredentials | null = null;
  try {
    recovery = change.rotateRecoveryCode ? createRecoveryCredentials(view.user.id, change.keys) : null;
    await api.send(
      'POST',
      '/api/auth/passphrase',
      {
        ...proof,
        kdf: { salt: toBase64Url(login.salt), ...login.params },
        authKey: toBase64Url(login.auth),
        keyBundle: toBase64Url(login.keyBundle),
        ...(recovery && {
          recovery: {
            recoveryBundle: toBase64Url(recovery.recoveryBundle),
            recoveryAuthKey: toBase64Url(recovery.auth),
          },
        }),
      },
      okResponseSchema,
    );
    return { recoveryCode: recovery?.code ?? null };
  } finally {
    wipe(login.auth, recovery?.auth);
  }
}
