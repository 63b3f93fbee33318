import { concatBytes, expectLength, lp, u64, utf8 } from './bytes.js';
import { sign, verify, verifySync } from './ed25519.js';
import { fail } from './errors.js';
import { type HpkeSealed, openBase, sealBase } from './hpke.js';

/**
 * PROTOCOL §4 group keys: who made a group key pair signs its public key, so a browser that
 * wraps a contact-card key to the front desk knows a certified person made that key, not the server.
 * Our extension (like the root grant): `tacit/1/group-key`.
 */

export interface GroupKeyFields {
  org: string;
  groupId: string;
  epoch: number;
  x25519Pk: Uint8Array;
  /** the user who made (or rotated to) this key pair */
  by: string;
}

export function groupKeyMessage(fields: GroupKeyFields): Uint8Array {
  if (!Number.isSafeInteger(fields.epoch) || fields.epoch < 0) {
    fail('malformed', 'epoch must be a non-negative integer');
  }
  return concatBytes(
    lp('tacit/1/group-key'),
    lp(utf8(fields.org)),
    lp(utf8(fields.groupId)),
    u64(fields.epoch),
    expectLength(fields.x25519Pk, 32, 'X25519 public key'),
    lp(utf8(fields.by)),
  );
}

export function signGroupKey(makerSeed: Uint8Array, fields: GroupKeyFields): Uint8Array {
  return sign(makerSeed, groupKeyMessage(fields));
}

/** Synchronous, for the server. */
export function verifyGroupKeySync(makerPk: Uint8Array, fields: GroupKeyFields, sig: Uint8Array): boolean {
  return verifySync(makerPk, groupKeyMessage(fields), sig);
}

/** A substituted group key (or one signed by someone else) is 'bad-signature'. */
export async function requireGroupKey(
  makerPk: Uint8Array,
  fields: GroupKeyFields,
  sig: Uint8Array,
): Promise<Uint8Array> {
  if (!(await verify(makerPk, groupKeyMessage(fields), sig))) {
    fail('bad-signature', 'the group public key is not signed by the certified key of who made it');
  }
  return fields.x25519Pk;
}

/**
 * The key chain of a group: at each rotation the epoch-e private key is HPKE-sealed to the e+1
 * public key, so members can still open what was sealed to an earlier key (booking requests),
 * while someone who left, holding only epoch e, learns nothing of e+1.
 * info = `tacit/1/group-key-chain|org=…|group=…|epoch=<e>`.
 */
export function groupKeyChainInfo(org: string, groupId: string, epoch: number): Uint8Array {
  if (!Number.isSafeInteger(epoch) || epoch < 0) fail('malformed', 'epoch must be a non-negative integer');
  return utf8(`tacit/1/group-key-chain|org=${org}|group=${groupId}|epoch=${epoch}`);
}

export function sealEarlierGroupKey(
  nextPk: Uint8Array,
  binding: { org: string; groupId: string; epoch: number },
  earlierSk: Uint8Array,
): HpkeSealed {
  return sealBase(
    nextPk,
    groupKeyChainInfo(binding.org, binding.groupId, binding.epoch),
    new Uint8Array(0),
    expectLength(earlierSk, 32, 'X25519 secret key'),
  );
}

/** Opens epoch e's private key with e+1's; a chain entry moved to another group or epoch fails. */
export function openEarlierGroupKey(
  nextSk: Uint8Array,
  binding: { org: string; groupId: string; epoch: number },
  sealed: HpkeSealed,
): Uint8Array {
  const earlierSk = openBase(
    sealed.enc,
    nextSk,
    groupKeyChainInfo(binding.org, binding.groupId, binding.epoch),
    new Uint8Array(0),
    sealed.ct,
  );
  if (earlierSk.length !== 32) fail('malformed', 'an earlier group key has the wrong size');
  return earlierSk;
}
