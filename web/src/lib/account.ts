/**
 * Accounts for the pages: first run, sessions, passphrases and accepting an invitation (members,
 * the audit chain and the dev outbox have modules of their own). Key material goes in and out as
 * `UserKeys` and is handed straight to the vault (lib/vault.ts).
 *
 * Failures reject with an `AppError` (lib/errors.ts) whose code the UI translates; anything else
 * is shown as an unknown error. The ceremonies themselves live in lib/protocol/ (DOM-free, so the
 * demo script runs them too); this module adapts them to the pages and the vault.
 */

import {
  okResponseSchema,
  type SessionView,
  sessionViewSchema,
  setupStatusSchema,
} from '../../../core/api/index';
import {
  concatBytes,
  decodeKeyBundle,
  fromBase64Url,
  keyFingerprint,
  wipeUserKeys,
} from '../../../crypto/index';
import { ApiError, createApiClient } from './api-client';
import { run } from './app-errors';
import { AppError } from './errors';
import * as protocol from './protocol/index';
import type { OpenedKeys } from './protocol/keys';
import { localStorageRootPins } from './protocol/pins';
import type { Role } from './roles';
import type { UserKeys } from './vault';

const api = createApiClient();
const pins = () => localStorageRootPins(localStorage);

function toSession(view: SessionView): Session {
  return {
    organization: {
      id: view.org.id,
      name: view.org.name,
      rootFingerprint: keyFingerprint(fromBase64Url(view.org.rootPk)),
    },
    user: {
      id: view.user.id,
      email: view.user.email,
      displayName: view.user.displayName,
      roles: view.user.roles,
    },
    idleTimeoutMs: view.org.settings.sessionIdleMinutes * 60_000,
    expiresAt: view.session.absoluteExpiresAt,
  };
}

/** The vault's shape; the protocol's copies are zeroed once the vault has taken its own. */
function toVaultKeys(keys: OpenedKeys): UserKeys {
  return { encryptionSecretKey: keys.x25519Sk, signingSeed: keys.ed25519Seed, orgRootSeed: keys.orgRootSeed };
}

/** A lowercase UUID (PROTOCOL §2). */
export type UserId = string;

/** 5 groups of 8 lowercase hex digits, space-separated: the first 20 bytes of SHA-256 of a public key (PROTOCOL §4). */
export type KeyFingerprint = string;

export interface Organization {
  readonly id: string;
  readonly name: string;
  /** Fingerprint of the org root public key the browser pinned at first login. */
  readonly rootFingerprint: KeyFingerprint;
}

export interface SessionUser {
  readonly id: UserId;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

/** A live server session (HttpOnly cookie). Holding one does not mean the vault is unlocked. */
export interface Session {
  readonly organization: Organization;
  readonly user: SessionUser;
  /** The server's idle timeout; the vault locks after the same time without input. */
  readonly idleTimeoutMs: number;
  /** Absolute end of the session, ms since epoch. */
  readonly expiresAt: number;
}

/** What the app needs to know on load, before anyone types anything. */
export interface Bootstrap {
  readonly organizationExists: boolean;
  /** The current session if the cookie is still valid; its keys are not in memory after a reload. */
  readonly session: Session | null;
}

export interface SignedIn {
  readonly session: Session;
  /** Ownership passes to the vault: `vault.unlock(keys)` zeroes these arrays. */
  readonly keys: UserKeys;
  /** Present only after a recovery-code login: the person must set a new passphrase next. */
  readonly recoveryProof?: RecoveryProof;
}

/**
 * What a recovery-code login can show the server again to set a new passphrase (the old one is
 * what was lost). Held in memory only, until the change is done or the vault locks; never stored.
 */
export interface RecoveryProof {
  readonly recoveryAuthKey: Uint8Array;
}

// ── first run ────────────────────────────────────────────────────────────────

export interface NewOrganization {
  readonly organizationName: string;
  readonly admin: { readonly displayName: string; readonly email: string; readonly passphrase: string };
  /** Shamir M of N for the org recovery key (PROTOCOL §4); 2 ≤ threshold ≤ total. */
  readonly recovery: { readonly threshold: number; readonly total: number };
}

/** One printed Shamir share of the org recovery key. */
export interface RecoveryShare {
  /** 1-based. */
  readonly index: number;
  readonly threshold: number;
  readonly total: number;
  /** The share as people copy it: grouped, unambiguous characters. */
  readonly text: string;
}

export interface CreatedOrganization extends SignedIn {
  readonly recoveryShares: readonly RecoveryShare[];
  /** The admin's personal recovery code (128 random bits), shown once. */
  readonly recoveryCode: string;
}

/** Creates the org root key, the admin's keys and the org recovery key in this browser; stores only public and wrapped material. */
export async function createOrganization(input: NewOrganization): Promise<CreatedOrganization> {
  return run(async () => {
    const created = await protocol.createOrganization(api, pins(), {
      name: input.organizationName,
      admin: input.admin,
      recovery: input.recovery,
    });
    return {
      session: toSession(created.view),
      keys: toVaultKeys(created.keys),
      recoveryShares: created.recoveryShares,
      recoveryCode: created.recoveryCode,
    };
  });
}

// ── sessions ─────────────────────────────────────────────────────────────────

export async function fetchBootstrap(): Promise<Bootstrap> {
  return run(async () => {
    const { initialized } = await api.get('/api/setup/status', setupStatusSchema);
    if (!initialized) return { organizationExists: false, session: null };
    try {
      return {
        organizationExists: true,
        session: toSession(await api.get('/api/auth/session', sessionViewSchema)),
      };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        return { organizationExists: true, session: null };
      throw error;
    }
  });
}

/** PROTOCOL §4: parameter look-up, Argon2id, auth key, open the key bundle, check the pinned root fingerprint. */
export async function logIn(email: string, passphrase: string): Promise<SignedIn> {
  return run(async () => {
    const signedIn = await protocol.signInWithPassphrase(api, pins(), email, passphrase);
    return { session: toSession(signedIn.view), keys: toVaultKeys(signedIn.keys) };
  });
}

export async function logInWithRecoveryCode(email: string, recoveryCode: string): Promise<SignedIn> {
  return run(async () => {
    const signedIn = await protocol.signInWithRecoveryCode(api, pins(), email, recoveryCode);
    return {
      session: toSession(signedIn.view),
      keys: toVaultKeys(signedIn.keys),
      recoveryProof: { recoveryAuthKey: signedIn.recoveryAuthKey },
    };
  });
}

/** Re-opens the keys of the session's user after a lock, without ending the session. */
export async function unlockKeys(session: Session, passphrase: string): Promise<UserKeys> {
  return run(async () => {
    const reopened = await protocol.reopenKeys(api, pins(), passphrase);
    if (reopened.view.user.id !== session.user.id) throw new AppError('session_expired');
    return toVaultKeys(reopened.keys);
  });
}

export interface PassphraseChange {
  /** The current passphrase, or the proof kept from a recovery-code login. */
  readonly current: { readonly passphrase: string } | { readonly recoveryProof: RecoveryProof };
  readonly newPassphrase: string;
  /** Also issue a new personal recovery code (always so after a recovery-code login). */
  readonly rotateRecoveryCode: boolean;
}

export interface ChangedPassphrase {
  /** The new personal recovery code, shown once; null when it was not rotated. */
  readonly recoveryCode: string | null;
}

/**
 * PROTOCOL §4: re-seals the same keys under the new passphrase. Call inside `vault.withKeys`: the
 * key bytes (and the recovery proof) are copied before the first await, since Argon2id takes a
 * second, and the copies wiped when done; a wrong current passphrase rejects 'invalid_credentials'.
 */
export function changePassphrase(keys: UserKeys, change: PassphraseChange): Promise<ChangedPassphrase> {
  const accountKeys = decodeKeyBundle(concatBytes(keys.encryptionSecretKey, keys.signingSeed));
  const current =
    'passphrase' in change.current
      ? { passphrase: change.current.passphrase }
      : { recoveryAuthKey: change.current.recoveryProof.recoveryAuthKey.slice() };
  return run(async () => {
    try {
      return await protocol.changePassphrase(api, {
        current,
        newPassphrase: change.newPassphrase,
        keys: accountKeys,
        rotateRecoveryCode: change.rotateRecoveryCode,
      });
    } finally {
      wipeUserKeys(accountKeys);
      if ('recoveryAuthKey' in current) current.recoveryAuthKey.fill(0);
    }
  });
}

/** Ends the server session. The caller has already locked the vault. */
export async function logOut(): Promise<void> {
  await run(() => api.send('POST', '/api/auth/logout', {}, okResponseSchema));
}

// ── invitations ──────────────────────────────────────────────────────────────

export interface InvitationDetails {
  readonly organizationName: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly expiresAt: number;
}

export interface InvitationAcceptance {
  /** The one-time token from the invite link's `#token=` fragment. */
  readonly token: string;
  readonly displayName: string;
  readonly passphrase: string;
}

export interface AcceptedInvitation {
  readonly email: string;
  /** Fingerprint of the new member's public keys, compared with the admin out of band before certification. */
  readonly keyFingerprint: KeyFingerprint;
  /** The member's personal recovery code, shown once. */
  readonly recoveryCode: string;
}

export async function fetchInvitation(token: string): Promise<InvitationDetails> {
  return run(async () => {
    const invitation = await protocol.lookUpInvitation(api, token);
    return {
      organizationName: invitation.orgName,
      email: invitation.email,
      roles: invitation.roles,
      expiresAt: 0,
    };
  });
}

/** Makes the member's keys in this browser and registers the public half; certification follows. */
export async function acceptInvitation(input: InvitationAcceptance): Promise<AcceptedInvitation> {
  return run(async () => {
    const joined = await protocol.joinOrganization(api, pins(), input);
    return {
      email: joined.user.email,
      keyFingerprint: joined.keyFingerprint,
      recoveryCode: joined.recoveryCode,
    };
  });
}
