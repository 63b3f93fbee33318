import { concatBytes, constantTimeEqual, expectLength, lp, toHex, utf8 } from './bytes.js';
import { canonicalJsonBytes, type JsonValue } from './canonical-json.js';
import { prepareSignatureCheck, sign } from './ed25519.js';
import { fail } from './errors.js';
import { sha256 } from './hash.js';

/** PROTOCOL §6: the hash-chained, signed log of every write to a case. */

export interface CaseLogEntry {
  author: string;
  envelope_hash: string;
  /** "<form id>@<version>" */
  form: string;
  operational_hash: string;
  record: string;
  rev: number;
  seq: number;
  time: number;
}

export interface SignedCaseLogEntry {
  entry: CaseLogEntry;
  sig: Uint8Array;
}

export function caseLogGenesis(caseId: string): Uint8Array {
  return sha256(utf8(`tacit/1/case|${caseId}`));
}

export function nextCaseHead(previousHead: Uint8Array, entry: CaseLogEntry): Uint8Array {
  return sha256(
    concatBytes(expectLength(previousHead, 32, 'case head'), canonicalJsonBytes(checkEntry(entry))),
  );
}

function headSignatureMessage(head: Uint8Array): Uint8Array {
  return concatBytes(lp('tacit/1/case-head'), head);
}

export function signCaseHead(authorSeed: Uint8Array, head: Uint8Array): Uint8Array {
  return sign(authorSeed, headSignatureMessage(head));
}

export function envelopeHash(envelope: Uint8Array): string {
  return toHex(sha256(envelope));
}

export function operationalHash(operational: { [field: string]: JsonValue }): string {
  return toHex(sha256(canonicalJsonBytes(operational)));
}

const HEX64 = /^[0-9a-f]{64}$/;
const ENTRY_KEYS = ['author', 'envelope_hash', 'form', 'operational_hash', 'record', 'rev', 'seq', 'time'];

function checkEntry(entry: CaseLogEntry): CaseLogEntry {
  const keys = Object.keys(entry).sort();
  const ok =
    keys.length === ENTRY_KEYS.length &&
    keys.every((key, i) => key === ENTRY_KEYS[i]) &&
    typeof entry.author === 'string' &&
    typeof entry.form === 'string' &&
    typeof entry.record === 'string' &&
    HEX64.test(entry.envelope_hash) &&
    HEX64.test(entry.operational_hash) &&
    [entry.rev, entry.seq, entry.time].every((n) => Number.isSafeInteger(n) && n >= 0);
  if (!ok) fail('malformed', 'a case log entry does not have the shape of PROTOCOL §6', entry.seq);
  return entry;
}

export interface NewRecordWrite {
  previousHead: Uint8Array;
  seq: number;
  author: string;
  authorSeed: Uint8Array;
  record: string;
  rev: number;
  form: string;
  envelope: Uint8Array;
  operational: { [field: string]: JsonValue };
  time: number;
}

/** The entry, head and signature a writer appends (the server accepts it only at head_{n-1}). */
export function appendCaseLogEntry(write: NewRecordWrite) {
  const entry: CaseLogEntry = {
    author: write.author,
    envelope_hash: envelopeHash(write.envelope),
    form: write.form,
    operational_hash: operationalHash(write.operational),
    record: write.record,
    rev: write.rev,
    seq: write.seq,
    time: write.time,
  };
  const head = nextCaseHead(write.previousHead, entry);
  return { entry, head, sig: signCaseHead(write.authorSeed, head) };
}

export interface PresentedRecord {
  record: string;
  rev: number;
  envelope: Uint8Array;
  operational: { [field: string]: JsonValue };
}

export interface CaseLogVerification {
  caseId: string;
  entries: readonly SignedCaseLogEntry[];
  /** The author's Ed25519 key if it holds a valid cert under the pinned root, else undefined. */
  certifiedSigningKey: (authorId: string) => Uint8Array | undefined;
  /** The records the server returned; checked against the latest revision the log names. */
  records?: readonly PresentedRecord[];
  /** The highest seq (and its head) this browser verified before. */
  lastSeen?: { seq: number; head: Uint8Array };
}

export interface VerifiedCaseLog {
  seq: number;
  head: Uint8Array;
  /** record id → its latest entry */
  latest: Map<string, CaseLogEntry>;
}

function checkSequence(entries: readonly SignedCaseLogEntry[]): void {
  const seen = new Set<number>();
  for (const { entry } of entries) {
    if (seen.has(entry.seq)) fail('injected', `a second entry claims sequence ${entry.seq}`, entry.seq);
    seen.add(entry.seq);
  }
  for (let n = 1; n <= entries.length; n++) {
    if (!seen.has(n)) fail('dropped', `entry ${n} of the case log is missing`, n);
  }
  entries.forEach(({ entry }, i) => {
    if (entry.seq !== i + 1) fail('reordered', `entry ${entry.seq} is out of order`, entry.seq);
  });
}

/**
 * Verifies the whole log and says exactly what is wrong: dropped, reordered, injected, altered,
 * bad-signature, uncertified, rollback, stale-revision.
 */
export async function verifyCaseLog(input: CaseLogVerification): Promise<VerifiedCaseLog> {
  return (await startCaseLogVerification(input)).verdict;
}

/**
 * The same, in two steps: it resolves once every check has been handed off (native signature
 * checks run off the main thread), so the caller can decrypt meanwhile and await `verdict` after.
 */
export async function startCaseLogVerification(
  input: CaseLogVerification,
): Promise<{ verdict: Promise<VerifiedCaseLog> }> {
  const { entries, lastSeen } = input;
  checkSequence(entries);
  if (lastSeen && entries.length < lastSeen.seq) {
    fail(
      'rollback',
      `the case log ends at ${entries.length}, this browser saw ${lastSeen.seq}`,
      entries.length,
    );
  }

  const heads: Uint8Array[] = [caseLogGenesis(input.caseId)];
  const signingKeys: Uint8Array[] = [];
  for (const { entry } of entries) {
    const key = input.certifiedSigningKey(entry.author);
    if (!key) {
      fail(
        'uncertified',
        `entry ${entry.seq} is signed by a key the organization did not certify`,
        entry.seq,
      );
    }
    signingKeys.push(key);
    heads.push(nextCaseHead(heads[heads.length - 1] as Uint8Array, entry));
  }
  if (lastSeen && !constantTimeEqual(heads[lastSeen.seq] as Uint8Array, lastSeen.head)) {
    fail(
      'altered',
      `the case history up to ${lastSeen.seq} differs from what this browser verified`,
      lastSeen.seq,
    );
  }
  // Entries up to a head this browser verified before are bound to it by the hash chain: their
  // signatures were checked then.
  const alreadyVerified = lastSeen?.seq ?? 0;
  const check = await prepareSignatureCheck(signingKeys.slice(alreadyVerified));
  const signatures = Promise.all(
    entries.map(({ sig }, i) =>
      i < alreadyVerified
        ? true
        : check(signingKeys[i] as Uint8Array, headSignatureMessage(heads[i + 1] as Uint8Array), sig),
    ),
  );
  const latest = new Map<string, CaseLogEntry>();
  const byRevision = new Map<string, CaseLogEntry>();
  for (const { entry } of entries) {
    byRevision.set(`${entry.record}@${entry.rev}`, entry);
    const current = latest.get(entry.record);
    if (!current || entry.rev > current.rev) latest.set(entry.record, entry);
  }
  let recordProblem: unknown;
  try {
    checkRecords(input.records ?? [], input.records !== undefined, latest, byRevision);
  } catch (error) {
    recordProblem = error;
  }

  const verdict = (async () => {
    // A bad signature is reported before any record problem: it is the more fundamental finding.
    const firstInvalid = (await signatures).indexOf(false);
    if (firstInvalid >= 0) {
      fail('bad-signature', `entry ${firstInvalid + 1} of the case log does not verify`, firstInvalid + 1);
    }
    if (recordProblem) throw recordProblem;
    return { seq: entries.length, head: heads[heads.length - 1] as Uint8Array, latest };
  })();
  return { verdict };
}

function checkRecords(
  records: readonly PresentedRecord[],
  complete: boolean,
  latest: Map<string, CaseLogEntry>,
  byRevision: Map<string, CaseLogEntry>,
): void {
  const presented = new Set<string>();
  for (const record of records) {
    const entry = byRevision.get(`${record.record}@${record.rev}`);
    if (!entry) fail('injected', `record ${record.record} revision ${record.rev} is not in the case log`);
    if ((latest.get(record.record) as CaseLogEntry).rev !== record.rev) {
      fail('stale-revision', `record ${record.record} is shown at an old revision ${record.rev}`, entry.seq);
    }
    if (operationalHash(record.operational) !== entry.operational_hash) {
      fail('altered', `the operational data of record ${record.record} was changed`, entry.seq);
    }
    presented.add(record.record);
  }
  if (complete) {
    for (const [recordId, entry] of latest) {
      if (!presented.has(recordId)) {
        fail('dropped', `record ${recordId} is in the case log but was not returned`, entry.seq);
      }
    }
  }
  for (const record of records) {
    const entry = byRevision.get(`${record.record}@${record.rev}`) as CaseLogEntry;
    if (envelopeHash(record.envelope) !== entry.envelope_hash) {
      fail(
        'altered',
        `the ciphertext of record ${record.record} is not the one its author signed`,
        entry.seq,
      );
    }
  }
}
