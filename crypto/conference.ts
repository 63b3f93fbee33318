import { concatBytes, lp, randomBytes, utf8 } from './bytes.js';
import { sign, verify } from './ed25519.js';
import { decryptEnvelope, type Envelope, EnvelopeKind, encryptEnvelope } from './envelope.js';
import { fail } from './errors.js';
import { sha256 } from './hash.js';

/**
 * Case conferences (会诊, issue 14; crypto/README.md "Protocol additions"). A conference key of
 * 32 random bytes per epoch, wrapped to each participant by `wrapConferenceKey` (grant.ts);
 * messages sealed under the epoch key and signed by their author, so neither the server nor another
 * participant can move a message to another conference, epoch or author; on a removal epoch e's key
 * is stored under epoch e+1's key, as for case keys.
 */

export interface ConferenceMessageMeta {
  org: string;
  conferenceId: string;
  messageId: string;
  epoch: number;
  /** user id of the author */
  author: string;
}

export interface SealedConferenceMessage {
  envelope: Envelope;
  sig: Uint8Array;
}

export function generateConferenceKey(): Uint8Array {
  return randomBytes(32);
}

function checkEpoch(epoch: number): void {
  if (!Number.isSafeInteger(epoch) || epoch < 0) fail('malformed', 'epoch must be a non-negative integer');
}

export function conferenceMessageContext(m: ConferenceMessageMeta): string {
  checkEpoch(m.epoch);
  return `tacit/1/conference-message|org=${m.org}|conference=${m.conferenceId}|message=${m.messageId}|epoch=${m.epoch}|author=${m.author}`;
}

/** Ed25519(author, lp("tacit/1/conference-message-sig") || lp(context) || SHA-256(envelope)). */
export function conferenceMessageSignatureMessage(context: string, envelope: Uint8Array): Uint8Array {
  return concatBytes(lp('tacit/1/conference-message-sig'), lp(utf8(context)), sha256(envelope));
}

export function sealConferenceMessage(
  epochKey: Uint8Array,
  meta: ConferenceMessageMeta,
  plaintext: Uint8Array,
  authorSeed: Uint8Array,
): SealedConferenceMessage {
  const context = conferenceMessageContext(meta);
  const envelope = encryptEnvelope(epochKey, EnvelopeKind.recordBody, context, plaintext);
  return { envelope, sig: sign(authorSeed, conferenceMessageSignatureMessage(context, envelope)) };
}

/** The author's signature first (who wrote it, where), then the envelope (what was written). */
export async function openConferenceMessage(
  epochKey: Uint8Array,
  meta: ConferenceMessageMeta,
  sealed: { envelope: Uint8Array; sig: Uint8Array },
  authorPk: Uint8Array,
): Promise<Uint8Array> {
  const context = conferenceMessageContext(meta);
  if (!(await verify(authorPk, conferenceMessageSignatureMessage(context, sealed.envelope), sealed.sig))) {
    fail('bad-signature', 'the message signature does not match its conference, epoch or author');
  }
  return decryptEnvelope(epochKey, EnvelopeKind.recordBody, context, sealed.envelope);
}

export function conferenceKeyChainContext(org: string, conferenceId: string, epoch: number): string {
  checkEpoch(epoch);
  return `tacit/1/conference-key-chain|org=${org}|conference=${conferenceId}|epoch=${epoch}`;
}

export interface RotatedConferenceKey {
  epoch: number;
  key: Uint8Array;
  /** epoch e's key under epoch e+1's */
  chain: Envelope;
}

/** On a removal: a fresh key for e+1, and e's key under it so the remaining keep the history. */
export function rotateConferenceKey(
  org: string,
  conferenceId: string,
  currentEpoch: number,
  currentKey: Uint8Array,
): RotatedConferenceKey {
  const key = generateConferenceKey();
  const chain = encryptEnvelope(
    key,
    EnvelopeKind.keyUnderKey,
    conferenceKeyChainContext(org, conferenceId, currentEpoch),
    currentKey,
  );
  return { epoch: currentEpoch + 1, key, chain };
}

export function openPreviousConferenceKey(
  org: string,
  conferenceId: string,
  previousEpoch: number,
  chain: Uint8Array,
  nextKey: Uint8Array,
): Uint8Array {
  return decryptEnvelope(
    nextKey,
    EnvelopeKind.keyUnderKey,
    conferenceKeyChainContext(org, conferenceId, previousEpoch),
    chain,
  );
}

/** keys[e] for every epoch from the newest down as far as `chains` (e's key under e+1's) reach. */
export function unrollConferenceKeys(
  org: string,
  conferenceId: string,
  newestEpoch: number,
  newestKey: Uint8Array,
  chains: ReadonlyMap<number, Uint8Array>,
): Map<number, Uint8Array> {
  const keys = new Map<number, Uint8Array>([[newestEpoch, newestKey]]);
  let key = newestKey;
  for (let epoch = newestEpoch - 1; epoch >= 0; epoch--) {
    const chain = chains.get(epoch);
    if (!chain) break;
    key = openPreviousConferenceKey(org, conferenceId, epoch, chain, key);
    keys.set(epoch, key);
  }
  return keys;
}
