import type { z } from 'zod';
import {
  type appendRecordRequestSchema,
  STALE_HEAD_HEAD_HEADER,
  STALE_HEAD_SEQ_HEADER,
} from '../core/api/case-records.js';
import { concatBytes, fromBase64Url, fromHex, lp, toHex } from '../crypto/bytes.js';
import { envelopeHash, nextCaseHead, operationalHash } from '../crypto/case-log.js';
import { verifySync } from '../crypto/ed25519.js';
import type { CaseRow, UserRow } from './db/schema.js';
import { ApiError } from './errors.js';

/**
 * PROTOCOL §6 on the server: defense in depth. Readers verify everything themselves; the server
 * refuses what a reader would reject, so a browser bug cannot poison a case file.
 */

export type AppendRecord = z.output<typeof appendRecordRequestSchema>;

/** An entry's time is the author's clock: it may not be far from the server's. */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

export function staleHead(caseRow: Pick<CaseRow, 'logSeq' | 'logHead'>): ApiError {
  return new ApiError(
    409,
    'stale_head',
    `the case log moved on to entry ${caseRow.logSeq}; re-read the case, rebase and retry`,
    { [STALE_HEAD_SEQ_HEADER]: String(caseRow.logSeq), [STALE_HEAD_HEAD_HEADER]: caseRow.logHead },
  );
}

/** Optimistic concurrency: the writer must have built on the current head. */
export function assertAtHead(caseRow: CaseRow, write: Pick<AppendRecord, 'previousHead' | 'entry'>): void {
  if (write.previousHead !== caseRow.logHead || write.entry.seq !== caseRow.logSeq + 1)
    throw staleHead(caseRow);
}

/** Recomputes both hashes and the head, and checks the author's signature over it. */
export function assertEntryMatches(write: AppendRecord, author: UserRow, now: number): void {
  const { entry } = write;
  if (entry.author !== author.id) {
    throw new ApiError(403, 'forbidden', 'a case log entry must name its writer as author');
  }
  if (Math.abs(entry.time - now) > MAX_CLOCK_SKEW_MS) {
    throw new ApiError(400, 'invalid_request', 'the entry time is too far from the server clock');
  }
  if (envelopeHash(fromBase64Url(write.envelope)) !== entry.envelope_hash) {
    throw new ApiError(400, 'hash_mismatch', 'envelope_hash is not the SHA-256 of the uploaded envelope');
  }
  if (operationalHash(write.operational) !== entry.operational_hash) {
    throw new ApiError(
      400,
      'hash_mismatch',
      'operational_hash does not match the uploaded operational fields',
    );
  }
  const head = nextCaseHead(fromHex(write.previousHead), entry);
  if (toHex(head) !== write.head) {
    throw new ApiError(
      400,
      'hash_mismatch',
      'head is not SHA-256(previous head || canonical JSON of the entry)',
    );
  }
  const message = concatBytes(lp('tacit/1/case-head'), head);
  if (!verifySync(fromBase64Url(author.ed25519Pk), message, fromBase64Url(write.sig))) {
    throw new ApiError(400, 'bad_signature', 'the head signature does not verify under your certified key');
  }
}
