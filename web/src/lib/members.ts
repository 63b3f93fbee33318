/**
 * The admin's side of accounts: members, invitations and certifying keys (PROTOCOL §4). The
 * certificate is signed in the browser with the org root seed the vault lends.
 */

import {
  createInvitationResponseSchema,
  type InvitationView,
  invitationListSchema,
  userListSchema,
  userViewSchema,
} from '../../../core/api/index';
import { fromBase64Url } from '../../../crypto/index';
import type { KeyFingerprint, UserId } from './account';
import { createApiClient } from './api-client';
import { run } from './app-errors';
import { AppError } from './errors';
import * as protocol from './protocol/index';
import { memberKeyFingerprint } from './protocol/keys';
import type { Role } from './roles';
import type { UserKeys } from './vault';

const api = createApiClient();

function toOpenInvitation(invitation: InvitationView): OpenInvitation {
  return {
    id: invitation.id,
    email: invitation.email,
    roles: invitation.roles,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}

export type MemberStatus = 'active' | 'pending_certification' | 'disabled';

export interface Member {
  readonly id: UserId;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly status: MemberStatus;
  /** The counselor's supervisor (督导), assigned by an admin; rules and workflows follow it. */
  readonly supervisorId: UserId | null;
}

export interface OpenInvitation {
  readonly id: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface NewInvitation {
  readonly email: string;
  readonly roles: readonly Role[];
}

/** A registered key awaiting the org root's certificate (PROTOCOL §4). */
export interface PendingCertification {
  readonly userId: UserId;
  readonly email: string;
  readonly displayName: string;
  /** The exact public keys the admin compares and certifies: the certificate covers these bytes, not a re-fetch. */
  readonly encryptionPublicKey: Uint8Array;
  readonly signingPublicKey: Uint8Array;
  /** Computed in the browser from the two public keys above. */
  readonly keyFingerprint: KeyFingerprint;
  readonly registeredAt: number;
}

export async function listMembers(): Promise<readonly Member[]> {
  return run(async () => {
    const { users } = await api.get('/api/users', userListSchema);
    return users.map((user) => ({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      status: user.status === 'disabled' ? 'disabled' : user.cert ? 'active' : 'pending_certification',
      supervisorId: user.supervisorId,
    }));
  });
}

export async function listOpenInvitations(): Promise<readonly OpenInvitation[]> {
  return run(async () => {
    const { invitations } = await api.get('/api/invitations', invitationListSchema);
    return invitations.filter((invitation) => invitation.status === 'pending').map(toOpenInvitation);
  });
}

export async function inviteMember(invitation: NewInvitation): Promise<OpenInvitation> {
  return run(async () => {
    const created = await api.send('POST', '/api/invitations', invitation, createInvitationResponseSchema);
    return {
      id: created.id,
      email: invitation.email,
      roles: invitation.roles,
      createdAt: Date.now(),
      expiresAt: created.expiresAt,
    };
  });
}

export async function listPendingCertifications(): Promise<readonly PendingCertification[]> {
  return run(async () => {
    const { users } = await api.get('/api/users', userListSchema);
    return users
      .filter((user) => user.cert === null && user.status === 'active')
      .map((user) => {
        const encryptionPublicKey = fromBase64Url(user.x25519Pk);
        const signingPublicKey = fromBase64Url(user.ed25519Pk);
        return {
          userId: user.id,
          email: user.email,
          displayName: user.displayName,
          encryptionPublicKey,
          signingPublicKey,
          keyFingerprint: memberKeyFingerprint(encryptionPublicKey, signingPublicKey),
          registeredAt: user.createdAt,
        };
      });
  });
}

/** Signs the member's certificate with the org root seed from `keys` (admins only) and uploads it. */
export async function certifyMember(keys: UserKeys, pending: PendingCertification): Promise<void> {
  const rootSeed = keys.orgRootSeed;
  if (!rootSeed) throw new AppError('forbidden');
  // Signed before the first await: the vault lends these keys only for this synchronous call.
  const certified = protocol.certifyUser(api, rootSeed, {
    id: pending.userId,
    email: pending.email,
    x25519Pk: pending.encryptionPublicKey,
    ed25519Pk: pending.signingPublicKey,
  });
  await run(() => certified);
}

/** Names (or with null clears) a counselor's supervisor. */
export async function assignSupervisor(counselorId: UserId, supervisorId: UserId | null): Promise<void> {
  await run(() => api.send('PUT', `/api/users/${counselorId}/supervisor`, { supervisorId }, userViewSchema));
}
