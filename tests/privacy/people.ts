import {
  createInvitationResponseSchema,
  outboxSchema,
  type Role,
  sessionViewSchema,
} from '../../core/api/index.js';
import { fromBase64Url, type UserKeys } from '../../crypto/index.js';
import { nodeApiClient } from '../../scripts/demo/node-api.js';
import type { ApiClient } from '../../web/src/lib/api-client.js';
import { type CaseContext, memoryCaseCheckpoints } from '../../web/src/lib/protocol/cases/index.js';
import {
  certifyUser,
  joinOrganization,
  type RootPinStore,
  signInWithPassphrase,
} from '../../web/src/lib/protocol/index.js';

/** People of the privacy center, through the browser's own protocol code (global setup and files). */

export async function contextOf(api: ApiClient, keys: UserKeys): Promise<CaseContext> {
  const view = await api.get('/api/auth/session', sessionViewSchema);
  return {
    api,
    orgId: view.org.id,
    rootPk: fromBase64Url(view.org.rootPk),
    recoveryPk: fromBase64Url(view.org.recoveryPk),
    me: { id: view.user.id, keys },
    checkpoints: memoryCaseCheckpoints(),
  };
}

/**
 * The admin invites `email` with `roles`; they join with `passphrase`, are certified and sign in.
 * Returns their context and the recovery code they were shown (a secret, so a canary too).
 */
export async function bringIn(
  baseURL: string,
  pins: RootPinStore,
  admin: { api: ApiClient; rootSeed: Uint8Array },
  person: { email: string; roles: Role[]; passphrase: string },
): Promise<{ context: CaseContext; recoveryCode: string }> {
  const { email, roles, passphrase } = person;
  await admin.api.send('POST', '/api/invitations', { email, roles }, createInvitationResponseSchema);
  const { emails } = await admin.api.get('/api/dev/outbox', outboxSchema);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(emails.find((e) => e.to === email)?.body ?? '')?.[1] ?? '';
  const joined = await joinOrganization(nodeApiClient(baseURL), pins, {
    token,
    displayName: roles[0] ?? 'x',
    passphrase,
  });
  await certifyUser(admin.api, admin.rootSeed, {
    id: joined.user.id,
    email,
    x25519Pk: fromBase64Url(joined.user.x25519Pk),
    ed25519Pk: fromBase64Url(joined.user.ed25519Pk),
  });
  return { context: await signIn(baseURL, pins, email, passphrase), recoveryCode: joined.recoveryCode };
}

export async function signIn(
  baseURL: string,
  pins: RootPinStore,
  email: string,
  passphrase: string,
): Promise<CaseContext> {
  const api = nodeApiClient(baseURL);
  const signedIn = await signInWithPassphrase(api, pins, email, passphrase);
  return contextOf(api, signedIn.keys);
}
