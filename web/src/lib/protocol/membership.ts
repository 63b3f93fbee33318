import {
  invitationLookupResponseSchema,
  sessionViewSchema,
  type UserView,
  userViewSchema,
} from '../../../../core/api/index';
import { fromBase64Url, signCert, toBase64Url, wipeUserKeys } from '../../../../crypto/index';
import type { ApiClient } from '../api-client';
import { memberKeyFingerprint } from './keys';
import { makeNewAccount } from './new-account';
import { pinRoot, type RootPinStore } from './pins';

/** Joining an organization: the invitee's browser makes its keys; an admin's browser certifies them. */

export function lookUpInvitation(api: ApiClient, token: string) {
  return api.send('POST', '/api/invitations/lookup', { token }, invitationLookupResponseSchema);
}

export interface JoinedOrganization {
  user: UserView;
  keyFingerprint: string;
  recoveryCode: string;
}

export async function joinOrganization(
  api: ApiClient,
  pins: RootPinStore,
  input: { token: string; displayName: string; passphrase: string },
): Promise<JoinedOrganization> {
  const { account, keys, recoveryCode } = await makeNewAccount(input.displayName, input.passphrase);
  try {
    const view = await api.send(
      'POST',
      '/api/invitations/accept',
      { token: input.token, user: account },
      sessionViewSchema,
    );
    pinRoot(pins, view.org.id, fromBase64Url(view.org.rootPk));
    return {
      user: view.user,
      keyFingerprint: memberKeyFingerprint(keys.x25519Pk, keys.ed25519Pk),
      recoveryCode,
    };
  } finally {
    wipeUserKeys(keys);
  }
}

/**
 * Signs the certificate over exactly the keys the admin looked at (and compared by fingerprint),
 * not over whatever the server might return on a second fetch.
 */
export function certifyUser(
  api: ApiClient,
  orgRootSeed: Uint8Array,
  user: { id: string; email: string; x25519Pk: Uint8Array; ed25519Pk: Uint8Array },
  issuedAtMs = Date.now(),
) {
  const sig = signCert(orgRootSeed, {
    userId: user.id,
    email: user.email,
    x25519Pk: user.x25519Pk,
    ed25519Pk: user.ed25519Pk,
    issuedAtMs,
  });
  return api.send(
    'POST',
    `/api/users/${user.id}/certificate`,
    { issuedAtMs, sig: toBase64Url(sig) },
    userViewSchema,
  );
}
