import { randomBytes } from './bytes.js';
import { decryptEnvelope, type Envelope, EnvelopeKind, encryptEnvelope } from './envelope.js';
import { fail } from './errors.js';
import { unwrapKey, type WrappedKey, wrapKey } from './grant.js';

/**
 * The staff key (issue 14; crypto/README.md "Protocol addition: the staff key"): one 32-byte
 * symmetric key per epoch for everything written for the whole center (the knowledge base),
 * wrapped to every active certified staff member like a group key (§4, §5) and rotated when a
 * holder leaves, with epoch e's key kept under epoch e+1's (the key-chain construction).
 * Symmetric rather than a group key pair: nobody outside the staff seals anything to it.
 */

export interface StaffGrant {
  org: string;
  epoch: number;
  to: string;
  by: string;
}

function checkEpoch(epoch: number): void {
  if (!Number.isSafeInteger(epoch) || epoch < 0) fail('malformed', 'epoch must be a non-negative integer');
}

export function generateStaffKey(): Uint8Array {
  return randomBytes(32);
}

export function staffGrantInfo(g: StaffGrant): string {
  checkEpoch(g.epoch);
  return `tacit/1/staff-grant|org=${g.org}|epoch=${g.epoch}|to=${g.to}|by=${g.by}`;
}

export function wrapStaffKey(
  grant: StaffGrant,
  key: Uint8Array,
  recipientPk: Uint8Array,
  granterSeed: Uint8Array,
): WrappedKey {
  return wrapKey(staffGrantInfo(grant), key, recipientPk, granterSeed);
}

export function unwrapStaffKey(
  grant: StaffGrant,
  wrapped: WrappedKey,
  recipientSk: Uint8Array,
  granterPk: Uint8Array,
): Promise<Uint8Array> {
  return unwrapKey(staffGrantInfo(grant), wrapped, recipientSk, granterPk);
}

export function staffKeyChainContext(org: string, epoch: number): string {
  checkEpoch(epoch);
  return `tacit/1/staff-key-chain|org=${org}|epoch=${epoch}`;
}

export interface RotatedStaffKey {
  epoch: number;
  key: Uint8Array;
  /** epoch e's key under epoch e+1's */
  chain: Envelope;
}

/** After a holder left: a fresh key for e+1, and e's key under it so the staff keep the history. */
export function rotateStaffKey(org: string, currentEpoch: number, currentKey: Uint8Array): RotatedStaffKey {
  const key = generateStaffKey();
  const chain = encryptEnvelope(
    key,
    EnvelopeKind.keyUnderKey,
    staffKeyChainContext(org, currentEpoch),
    currentKey,
  );
  return { epoch: currentEpoch + 1, key, chain };
}

/** keys[e] for every epoch from the newest down as far as `chains` (e's key under e+1's) reach. */
export function unrollStaffKeys(
  org: string,
  newestEpoch: number,
  newestKey: Uint8Array,
  chains: ReadonlyMap<number, Uint8Array>,
): Map<number, Uint8Array> {
  const keys = new Map<number, Uint8Array>([[newestEpoch, newestKey]]);
  let key = newestKey;
  for (let epoch = newestEpoch - 1; epoch >= 0; epoch--) {
    const chain = chains.get(epoch);
    if (!chain) break;
    key = decryptEnvelope(key, EnvelopeKind.keyUnderKey, staffKeyChainContext(org, epoch), chain);
    keys.set(epoch, key);
  }
  return keys;
}
