import { concatBytes, expectLength, lp, u64, utf8 } from './bytes.js';
import { canonicalJsonBytes } from './canonical-json.js';
import { sign, verifySync } from './ed25519.js';
import { fail } from './errors.js';
import { sha256 } from './hash.js';

/**
 * PROTOCOL §8: the server's append-only audit chain and the checkpoints admins sign over it.
 * h_0 is not given by the protocol; like the case log's head_0 it is bound to its owner:
 * h_0 = SHA-256("tacit/1/audit|" || org id).
 */
export function auditGenesisHead(orgId: string): Uint8Array {
  return sha256(utf8(`tacit/1/audit|${orgId}`));
}

/** h_n = SHA-256(h_{n-1} || canonical JSON of event_n). */
export function nextAuditHead(previousHead: Uint8Array, event: unknown): Uint8Array {
  expectLength(previousHead, 32, 'audit head');
  return sha256(concatBytes(previousHead, canonicalJsonBytes(event)));
}

function checkpointMessage(n: number, head: Uint8Array): Uint8Array {
  return concatBytes(lp('tacit/1/audit-checkpoint'), u64(n), expectLength(head, 32, 'audit head'));
}

export function signAuditCheckpoint(adminSeed: Uint8Array, n: number, head: Uint8Array): Uint8Array {
  return sign(expectLength(adminSeed, 32, 'admin signing seed'), checkpointMessage(n, head));
}

export function verifyAuditCheckpoint(
  adminPk: Uint8Array,
  n: number,
  head: Uint8Array,
  signature: Uint8Array,
): boolean {
  return verifySync(adminPk, checkpointMessage(n, head), signature);
}

export interface AuditCheckpoint {
  n: number;
  head: Uint8Array;
  signature: Uint8Array;
  adminPk: Uint8Array;
}

/**
 * Replays the chain from h_0 and checks every checkpoint against the replayed head, so history
 * behind a signed checkpoint cannot be rewritten. Returns the final head.
 */
export function verifyAuditChain(
  orgId: string,
  events: readonly unknown[],
  checkpoints: readonly AuditCheckpoint[],
): Uint8Array {
  const heads: Uint8Array[] = [auditGenesisHead(orgId)];
  for (const event of events) heads.push(nextAuditHead(heads[heads.length - 1] as Uint8Array, event));
  for (const checkpoint of checkpoints) {
    if (!verifyAuditCheckpoint(checkpoint.adminPk, checkpoint.n, checkpoint.head, checkpoint.signature)) {
      fail('bad-signature', `audit checkpoint ${checkpoint.n} has a bad signature`, checkpoint.n);
    }
    const replayed = heads[checkpoint.n];
    if (!replayed) fail('dropped', `audit events up to ${checkpoint.n} are missing`, checkpoint.n);
    if (!equalBytes(replayed, checkpoint.head)) {
      fail('altered', `audit history before checkpoint ${checkpoint.n} was rewritten`, checkpoint.n);
    }
  }
  return heads[heads.length - 1] as Uint8Array;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
