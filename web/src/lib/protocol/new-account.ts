import type { NewAccount } from '../../../../core/api/index';
import {
  createPassphraseCredentials,
  createRecoveryCredentials,
  generateUserKeys,
  toBase64Url,
  type UserKeys,
} from '../../../../crypto/index';

/**
 * A new person's account as their own browser makes it (PROTOCOL §4): fresh keys, the bundle
 * sealed under the passphrase, a second copy under a recovery code. The server gets the `account`
 * payload only; `recoveryCode` is shown once.
 */
export async function makeNewAccount(displayName: string, passphrase: string) {
  const id = crypto.randomUUID();
  const keys: UserKeys = generateUserKeys();
  const login = await createPassphraseCredentials(passphrase, id, keys);
  const recovery = createRecoveryCredentials(id, keys);
  const account: NewAccount = {
    id,
    displayName: displayName.trim(),
    kdf: { salt: toBase64Url(login.salt), m: login.params.m, t: login.params.t, p: 1 },
    authKey: toBase64Url(login.auth),
    keyBundle: toBase64Url(login.keyBundle),
    recoveryBundle: toBase64Url(recovery.recoveryBundle),
    recoveryAuthKey: toBase64Url(recovery.auth),
    x25519Pk: toBase64Url(keys.x25519Pk),
    ed25519Pk: toBase64Url(keys.ed25519Pk),
  };
  login.auth.fill(0);
  recovery.auth.fill(0);
  return { account, keys, recoveryCode: recovery.code };
}
