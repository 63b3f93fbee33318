/**
 * The one door from the web app to the server API and to crypto/: accounts, members, audit and
 * the dev outbox. Pages call only these functions; key material goes in and out as `UserKeys`
 * and is handed straight to the vault (lib/vault.ts).
 *
 * Failures reject with an `AppError` (lib/errors.ts) whose code the UI translates; anything else
 * is shown as an unknown error. The bodies are stubs until they are wired to crypto/ and the API.
 */
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: the stub bodies ignore their inputs until wired.
import type { Role } from './roles';
import type { UserKeys } from './vault';

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
  throw new Error('not wired yet');
}

// ── sessions ─────────────────────────────────────────────────────────────────

export async function fetchBootstrap(): Promise<Bootstrap> {
  throw new Error('not wired yet');
}

/** PROTOCOL §4: parameter look-up, Argon2id, auth key, open the key bundle, check the pinned root fingerprint. */
export async function logIn(email: string, passphrase: string): Promise<SignedIn> {
  throw new Error('not wired yet');
}

export async function logInWithRecoveryCode(email: string, recoveryCode: string): Promise<SignedIn> {
  throw new Error('not wired yet');
}

/** Re-opens the keys of the session's user after a lock, without ending the session. */
export async function unlockKeys(session: Session, passphrase: string): Promise<UserKeys> {
  throw new Error('not wired yet');
}

/** Ends the server session. The caller has already locked the vault. */
export async function logOut(): Promise<void> {
  throw new Error('not wired yet');
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
  throw new Error('not wired yet');
}

/** Makes the member's keys in this browser and registers the public half; certification follows. */
export async function acceptInvitation(input: InvitationAcceptance): Promise<AcceptedInvitation> {
  throw new Error('not wired yet');
}

// ── members (admin) ──────────────────────────────────────────────────────────

export type MemberStatus = 'active' | 'pending_certification' | 'disabled';

export interface Member {
  readonly id: UserId;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly status: MemberStatus;
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
  throw new Error('not wired yet');
}

export async function listOpenInvitations(): Promise<readonly OpenInvitation[]> {
  throw new Error('not wired yet');
}

export async function inviteMember(invitation: NewInvitation): Promise<OpenInvitation> {
  throw new Error('not wired yet');
}

export async function listPendingCertifications(): Promise<readonly PendingCertification[]> {
  throw new Error('not wired yet');
}

/** Signs the member's certificate with the org root seed from `keys` (admins only) and uploads it. */
export async function certifyMember(keys: UserKeys, pending: PendingCertification): Promise<void> {
  throw new Error('not wired yet');
}

// ── audit log (PROTOCOL §8) ──────────────────────────────────────────────────

export interface AuditEvent {
  readonly seq: number;
  readonly time: number;
  /** Null for events the system records on its own (e.g. a failed login for an unknown email). */
  readonly actor: { readonly id: UserId; readonly displayName: string } | null;
  /** A stable event type such as `login`, `login_failed`, `member_invited`, `member_certified`. */
  readonly type: string;
  readonly subject: string | null;
}

export interface AuditPage {
  /** Newest first. */
  readonly events: readonly AuditEvent[];
  /** Pass as `beforeSeq` to get the next, older page; null at the start of the log. */
  readonly nextBeforeSeq: number | null;
}

export type AuditVerification =
  | { readonly intact: true; readonly verifiedThroughSeq: number }
  | { readonly intact: false; readonly brokenAtSeq: number };

export async function listAuditEvents(page: { beforeSeq?: number; limit: number }): Promise<AuditPage> {
  throw new Error('not wired yet');
}

/** Replays the whole chain and the signed checkpoints in the browser. */
export async function verifyAuditChain(): Promise<AuditVerification> {
  throw new Error('not wired yet');
}

// ── dev outbox (local mode only) ─────────────────────────────────────────────

export interface OutboxEmail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly sentAt: number;
}

export async function listOutbox(): Promise<readonly OutboxEmail[]> {
  throw new Error('not wired yet');
}
