import { concatBytes, expectLength, lp, utf8 } from './bytes.js';
import { sign, verify } from './ed25519.js';
import { fail } from './errors.js';
import { sha256 } from './hash.js';
import { openBase, sealBase } from './hpke.js';

/**
 * PROTOCOL §5: a key HPKE-wrapped to one recipient, with its metadata bound into `info` and signed
 * by the granter. The recipient rebuilds `info` from the metadata the server returns, so an
 * extended expiry or upgraded permission breaks both the signature and the open.
 */

export type Permission = 'read' | 'write';

export interface WrappedKey {
  enc: Uint8Array;
  ct: Uint8Array;
  sig: Uint8Array;
}

export interface CaseGrant {
  org: string;
  caseId: string;
  epoch: number;
  to: string;
  perm: Permission;
  /** ms since epoch; 0 = no expiry */
  expiresAtMs: number;
  by: string;
}

export interface ContactGrant extends Omit<CaseGrant, 'caseId'> {
  clientId: string;
}

export interface GroupGrant {
  org: string;
  groupId: string;
  epoch: number;
  to: string;
  by: string;
}

/** A case conference key (issue 14): always to a user; expiry as for a case grant, no permission. */
export interface ConferenceGrant {
  org: string;
  conferenceId: string;
  epoch: number;
  to: string;
  /** ms since epoch; 0 = no expiry */
  expiresAtMs: number;
  by: string;
}

/** The org root signing seed, wrapped to each admin. Not named by the protocol: our extension. */
export interface RootGrant {
  org: string;
  to: string;
  by: string;
}

function checkCommon(epoch: number, perm?: Permission, expiresAtMs?: number): void {
  if (!Number.isSafeInteger(epoch) || epoch < 0) fail('malformed', 'epoch must be a non-negative integer');
  if (perm !== undefined && perm !== 'read' && perm !== 'write')
    fail('malformed', 'permission is read or write');
  if (expiresAtMs !== undefined && (!Number.isSafeInteger(expiresAtMs) || expiresAtMs < 0)) {
    fail('malformed', 'expiry must be ms since epoch, or 0');
  }
}

export function caseGrantInfo(g: CaseGrant): string {
  checkCommon(g.epoch, g.perm, g.expiresAtMs);
  return `tacit/1/grant|org=${g.org}|case=${g.caseId}|epoch=${g.epoch}|to=${g.to}|perm=${g.perm}|expires=${g.expiresAtMs}|by=${g.by}`;
}

export function contactGrantInfo(g: ContactGrant): string {
  checkCommon(g.epoch, g.perm, g.expiresAtMs);
  return `tacit/1/contact-grant|org=${g.org}|client=${g.clientId}|epoch=${g.epoch}|to=${g.to}|perm=${g.perm}|expires=${g.expiresAtMs}|by=${g.by}`;
}

export function groupGrantInfo(g: GroupGrant): string {
  checkCommon(g.epoch);
  return `tacit/1/group-grant|org=${g.org}|group=${g.groupId}|epoch=${g.epoch}|to=${g.to}|by=${g.by}`;
}

export function conferenceGrantInfo(g: ConferenceGrant): string {
  checkCommon(g.epoch, undefined, g.expiresAtMs);
  return `tacit/1/conference-grant|org=${g.org}|conference=${g.conferenceId}|epoch=${g.epoch}|to=${g.to}|expires=${g.expiresAtMs}|by=${g.by}`;
}

export function rootGrantInfo(g: RootGrant): string {
  return `tacit/1/root-grant|org=${g.org}|to=${g.to}|by=${g.by}`;
}

function grantSignatureMessage(info: string, enc: Uint8Array, ct: Uint8Array): Uint8Array {
  return concatBytes(lp('tacit/1/grant-sig'), lp(utf8(info)), enc, sha256(ct));
}

/** `ikmE` only for test vectors; otherwise the ephemeral key is random. */
export function wrapKey(
  info: string,
  key: Uint8Array,
  recipientPk: Uint8Array,
  granterSeed: Uint8Array,
  ikmE?: Uint8Array,
): WrappedKey {
  const { enc, ct } = sealBase(
    expectLength(recipientPk, 32, 'recipient public key'),
    utf8(info),
    new Uint8Array(0),
    expectLength(key, 32, 'wrapped key'),
    ikmE,
  );
  return { enc, ct, sig: sign(granterSeed, grantSignatureMessage(info, enc, ct)) };
}

/** Signature first (who granted it), then the HPKE open (what was granted, to whom, until when). */
export async function unwrapKey(
  info: string,
  wrapped: WrappedKey,
  recipientSk: Uint8Array,
  granterPk: Uint8Array,
): Promise<Uint8Array> {
  if (wrapped.enc.length !== 32 || wrapped.ct.length !== 48)
    fail('malformed', 'a wrapped key has the wrong size');
  if (!(await verify(granterPk, grantSignatureMessage(info, wrapped.enc, wrapped.ct), wrapped.sig))) {
    fail('bad-signature', 'the grant signature does not match its metadata or granter');
  }
  return openBase(wrapped.enc, recipientSk, utf8(info), new Uint8Array(0), wrapped.ct);
}

export function wrapCaseKey(
  grant: CaseGrant,
  caseKey: Uint8Array,
  recipientPk: Uint8Array,
  granterSeed: Uint8Array,
) {
  return wrapKey(caseGrantInfo(grant), caseKey, recipientPk, granterSeed);
}

/** Refuses an expired grant even if the server still hands it out. */
async function unwrapUnexpired(
  info: string,
  expiresAtMs: number,
  wrapped: WrappedKey,
  recipientSk: Uint8Array,
  granterPk: Uint8Array,
  nowMs: number,
): Promise<Uint8Array> {
  const key = await unwrapKey(info, wrapped, recipientSk, granterPk);
  if (expiresAtMs !== 0 && nowMs >= expiresAtMs) {
    key.fill(0);
    fail('expired', 'this access grant has expired');
  }
  return key;
}

export function unwrapCaseKey(
  grant: CaseGrant,
  wrapped: WrappedKey,
  recipientSk: Uint8Array,
  granterPk: Uint8Array,
  nowMs: number,
): Promise<Uint8Array> {
  return unwrapUnexpired(caseGrantInfo(grant), grant.expiresAtMs, wrapped, recipientSk, granterPk, nowMs);
}

export function wrapContactKey(
  grant: ContactGrant,
  key: Uint8Array,
  recipientPk: Uint8Array,
  granterSeed: Uint8Array,
) {
  return wrapKey(contactGrantInfo(grant), key, recipientPk, granterSeed);
}

export function unwrapContactKey(
  grant: ContactGrant,
  wrapped: WrappedKey,
  recipientSk: Uint8Array,
  granterPk: Uint8Array,
  nowMs: number,
): Promise<Uint8Array> {
  return unwrapUnexpired(contactGrantInfo(grant), grant.expiresAtMs, wrapped, recipientSk, granterPk, nowMs);
}

export function wrapGroupKey(
  grant: GroupGrant,
  groupSk: Uint8Array,
  recipientPk: Uint8Array,
  granterSeed: Uint8Array,
) {
  return wrapKey(groupGrantInfo(grant), groupSk, recipientPk, granterSeed);
}

export function unwrapGroupKey(
  grant: GroupGrant,
  wrapped: WrappedKey,
  recipientSk: Uint8Array,
  granterPk: Uint8Array,
) {
  return unwrapKey(groupGrantInfo(grant), wrapped, recipientSk, granterPk);
}

export function wrapConferenceKey(
  grant: ConferenceGrant,
  key: Uint8Array,
  recipientPk: Uint8Array,
  granterSeed: Uint8Array,
) {
  return wrapKey(conferenceGrantInfo(grant), key, recipientPk, granterSeed);
}

export function unwrapConferenceKey(
  grant: ConferenceGrant,
  wrapped: WrappedKey,
  recipientSk: Uint8Array,
  granterPk: Uint8Array,
  nowMs: number,
): Promise<Uint8Array> {
  return unwrapUnexpired(
    conferenceGrantInfo(grant),
    grant.expiresAtMs,
    wrapped,
    recipientSk,
    granterPk,
    nowMs,
  );
}

export function wrapRootSeed(
  grant: RootGrant,
  rootSeed: Uint8Array,
  recipientPk: Uint8Array,
  granterSeed: Uint8Array,
) {
  return wrapKey(rootGrantInfo(grant), rootSeed, recipientPk, granterSeed);
}

export function unwrapRootSeed(
  grant: RootGrant,
  wrapped: WrappedKey,
  recipientSk: Uint8Array,
  granterPk: Uint8Array,
) {
  return unwrapKey(rootGrantInfo(grant), wrapped, recipientSk, granterPk);
}
