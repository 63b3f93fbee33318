import { randomBytes } from './bytes.js';
import { decryptEnvelope, type Envelope, EnvelopeKind, encryptEnvelope } from './envelope.js';
import { generateKeyPair, type X25519KeyPair, x25519PublicKey } from './hpke.js';

/** PROTOCOL §5 "Revocation rotates" and the case inbox key of §4. */

export function generateSymmetricKey(): Uint8Array {
  return randomBytes(32);
}

export function keyChainContext(caseId: string, epoch: number): string {
  return `tacit/1/key-chain|case=${caseId}|epoch=${epoch}`;
}

/** Epoch e's key stored under epoch e+1's key, so holders of e+1 read history. */
export function sealPreviousEpochKey(
  caseId: string,
  previousEpoch: number,
  previousKey: Uint8Array,
  nextKey: Uint8Array,
): Envelope {
  return encryptEnvelope(
    nextKey,
    EnvelopeKind.keyUnderKey,
    keyChainContext(caseId, previousEpoch),
    previousKey,
  );
}

export function openPreviousEpochKey(
  caseId: string,
  previousEpoch: number,
  envelope: Uint8Array,
  nextKey: Uint8Array,
): Uint8Array {
  return decryptEnvelope(nextKey, EnvelopeKind.keyUnderKey, keyChainContext(caseId, previousEpoch), envelope);
}

export interface RotatedCaseKey {
  epoch: number;
  key: Uint8Array;
  /** epoch e's key under the new key */
  chain: Envelope;
}

export function rotateCaseKey(caseId: string, currentEpoch: number, currentKey: Uint8Array): RotatedCaseKey {
  const key = generateSymmetricKey();
  return { epoch: currentEpoch + 1, key, chain: sealPreviousEpochKey(caseId, currentEpoch, currentKey, key) };
}

/**
 * Walks the chain back from the newest key: keys[e] for every epoch down to 0.
 * `chains[e]` is epoch e's key sealed under epoch e+1's.
 */
export function unrollEpochKeys(
  caseId: string,
  newestEpoch: number,
  newestKey: Uint8Array,
  chains: ReadonlyMap<number, Uint8Array>,
): Map<number, Uint8Array> {
  const keys = new Map<number, Uint8Array>([[newestEpoch, newestKey]]);
  let key = newestKey;
  for (let epoch = newestEpoch - 1; epoch >= 0; epoch--) {
    const chain = chains.get(epoch);
    if (!chain) break;
    key = openPreviousEpochKey(caseId, epoch, chain, key);
    keys.set(epoch, key);
  }
  return keys;
}

/** Context of the case inbox private key under the case key (our name; §4 leaves it open). */
export function caseInboxContext(caseId: string, epoch: number): string {
  return `tacit/1/case-inbox|case=${caseId}|epoch=${epoch}`;
}

export function createCaseInboxKey(caseId: string, epoch: number, caseKey: Uint8Array) {
  const pair = generateKeyPair();
  const sealed = encryptEnvelope(
    caseKey,
    EnvelopeKind.keyUnderKey,
    caseInboxContext(caseId, epoch),
    pair.secretKey,
  );
  return { publicKey: pair.publicKey, secretKey: pair.secretKey, sealed };
}

export function openCaseInboxKey(
  caseId: string,
  epoch: number,
  sealed: Uint8Array,
  caseKey: Uint8Array,
): X25519KeyPair {
  const secretKey = decryptEnvelope(
    caseKey,
    EnvelopeKind.keyUnderKey,
    caseInboxContext(caseId, epoch),
    sealed,
  );
  return { secretKey, publicKey: x25519PublicKey(secretKey) };
}
