import {
  authParamsResponseSchema,
  loginResponseSchema,
  recoveryLoginResponseSchema,
  type SessionView,
  sessionViewSchema,
  userListSchema,
} from '../../../../core/api/index';
import {
  derivePassphraseKeys,
  deriveRecoveryKeys,
  fail,
  fromBase64Url,
  openKeyBundle,
  openRecoveryBundle,
  parseRecoveryCode,
  toBase64Url,
  type UserKeys,
  wipe,
} from '../../../../crypto/index';
import type { ApiClient } from '../api-client';
import { certifiedSigningKey, completeOpenedKeys, type OpenedKeys } from './keys';
import { pinRoot, type RootPinStore } from './pins';

/** PROTOCOL §4 login: parameter look-up, Argon2id, auth key to the server, bundle opened here. */

export interface SignedInSession {
  view: SessionView;
  keys: OpenedKeys;
}

function kdfOf(view: { kdf: { m: number; t: number; p: number } }) {
  return { m: view.kdf.m, t: view.kdf.t, p: view.kdf.p };
}

/** Another admin's certified signing key, for opening a root-seed wrap they made. */
function directorySigningKey(api: ApiClient, rootPk: Uint8Array) {
  return async (userId: string) => {
    const { users } = await api.get('/api/users/directory', userListSchema);
    const user = users.find((candidate) => candidate.id === userId);
    const key = user && certifiedSigningKey(rootPk, user);
    return key ?? fail('uncertified', 'the admin who wrapped the root key is not certified');
  };
}

async function finishSignIn(
  api: ApiClient,
  pins: RootPinStore,
  view: SessionView,
  open: () => UserKeys,
): Promise<SignedInSession> {
  const rootPk = fromBase64Url(view.org.rootPk);
  pinRoot(pins, view.org.id, rootPk);
  const keys = await open();
  return { view, keys: await completeOpenedKeys(view, keys, rootPk, directorySigningKey(api, rootPk)) };
}

export async function signInWithPassphrase(
  api: ApiClient,
  pins: RootPinStore,
  email: string,
  passphrase: string,
): Promise<SignedInSession> {
  const params = await api.send('POST', '/api/auth/params', { email }, authParamsResponseSchema);
  const derived = await derivePassphraseKeys(passphrase, fromBase64Url(params.salt), kdfOf({ kdf: params }));
  try {
    const view = await api.send(
      'POST',
      '/api/auth/login',
      { email, authKey: toBase64Url(derived.auth) },
      loginResponseSchema,
    );
    return await finishSignIn(api, pins, view, () =>
      openKeyBundle(derived.kek, view.user.id, kdfOf(view), fromBase64Url(view.keyBundle)),
    );
  } finally {
    wipe(derived.master, derived.auth, derived.kek);
  }
}

export async function signInWithRecoveryCode(
  api: ApiClient,
  pins: RootPinStore,
  email: string,
  recoveryCode: string,
): Promise<SignedInSession & { recoveryAuthKey: Uint8Array }> {
  const code = parseRecoveryCode(recoveryCode);
  const { auth, kek } = deriveRecoveryKeys(code);
  try {
    const view = await api.send(
      'POST',
      '/api/auth/recovery-login',
      { email, recoveryAuthKey: toBase64Url(auth) },
      recoveryLoginResponseSchema,
    );
    const signedIn = await finishSignIn(api, pins, view, () =>
      openRecoveryBundle(code, view.user.id, fromBase64Url(view.recoveryBundle)),
    );
    return { ...signedIn, recoveryAuthKey: auth.slice() };
  } finally {
    wipe(code, auth, kek);
  }
}

/** After a lock: the session is still live; open the bundle again with the passphrase. */
export async function reopenKeys(
  api: ApiClient,
  pins: RootPinStore,
  passphrase: string,
): Promise<SignedInSession> {
  const view = await api.get('/api/auth/session', sessionViewSchema);
  const derived = await derivePassphraseKeys(passphrase, fromBase64Url(view.kdf.salt), kdfOf(view));
  try {
    return await finishSignIn(api, pins, view, () =>
      openKeyBundle(derived.kek, view.user.id, kdfOf(view), fromBase64Url(view.keyBundle)),
    );
  } finally {
    wipe(derived.master, derived.auth, derived.kek);
  }
}
