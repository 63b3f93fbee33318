import {
  type CaseLogEntry,
  decryptRecord,
  fail,
  fromBase64Url,
  type OpenedRecord,
  recordContext,
  type SecretFields,
  startCaseLogVerification,
  type VerifiedCaseLog,
} from '../../../../../crypto/index';

/**
 * Opening a case file's records, as crypto's `openCaseFile` does, with one saving: a record this
 * browser decrypted in an earlier visit of this session is not decrypted again when the server
 * sends the same ciphertext under the same binding. The log and every record are still verified in
 * full on every visit (the envelope's hash against the signed entry), and nothing is returned unless
 * all of it checks out. The memory lives in this tab only, is never persisted, and is dropped at lock
 * (`forgetOpenedRecords`).
 */

interface Remembered {
  /** the envelope exactly as the server sent it (base64url) */
  readonly envelope: string;
  /** the record context (PROTOCOL §3): org, case, record, rev, form, author */
  readonly context: string;
  readonly epoch: number;
  readonly fields: SecretFields;
}

/** person (org|user) → "case|record@rev" → what that record decrypted to */
let memory: { owner: string; records: Map<string, Remembered> } | null = null;

/** Drops every remembered plaintext (on lock, on sign-out). */
export function forgetOpenedRecords(): void {
  memory = null;
}

export interface RecordToOpen {
  record: string;
  rev: number;
  /** base64url, as sent */
  envelope: string;
  operational: OpenedRecord['operational'];
  epoch: number;
}

export async function openCaseRecords(input: {
  org: string;
  me: string;
  caseId: string;
  entries: Parameters<typeof startCaseLogVerification>[0]['entries'];
  certifiedSigningKey: (authorId: string) => Uint8Array | undefined;
  records: readonly RecordToOpen[];
  keyForEpoch: (epoch: number) => Uint8Array | undefined;
  lastSeen?: { seq: number; head: Uint8Array };
}): Promise<{ log: VerifiedCaseLog; records: OpenedRecord[] }> {
  const owner = `${input.org}|${input.me}`;
  if (memory?.owner !== owner) memory = { owner, records: new Map() };
  const mine = memory;
  const remembered = mine.records;
  const envelopes = input.records.map((record) => fromBase64Url(record.envelope));
  const { verdict } = await startCaseLogVerification({
    caseId: input.caseId,
    entries: input.entries,
    certifiedSigningKey: input.certifiedSigningKey,
    records: input.records.map((record, i) => ({
      record: record.record,
      rev: record.rev,
      envelope: envelopes[i] as Uint8Array,
      operational: record.operational,
    })),
    ...(input.lastSeen ? { lastSeen: input.lastSeen } : {}),
  });
  const entries = new Map<string, CaseLogEntry>(
    input.entries.map(({ entry }) => [`${entry.record}@${entry.rev}`, entry]),
  );
  const fresh: [string, Remembered][] = [];
  let opened: OpenedRecord[];
  try {
    opened = input.records.map((record, i) => {
      const revision = `${record.record}@${record.rev}`;
      const entry = entries.get(revision);
      if (!entry) return fail('injected', `record ${record.record} is not in the case log`);
      const binding = {
        org: input.org,
        caseId: input.caseId,
        recordId: record.record,
        rev: record.rev,
        form: entry.form,
        author: entry.author,
      };
      const context = recordContext(binding);
      const key = `${input.caseId}|${revision}`;
      const known = remembered.get(key);
      if (
        known &&
        known.envelope === record.envelope &&
        known.context === context &&
        known.epoch === record.epoch
      ) {
        return { binding, epoch: record.epoch, fields: known.fields, operational: record.operational };
      }
      const epochKey = input.keyForEpoch(record.epoch);
      if (!epochKey) return fail('wrong-key', `no key for epoch ${record.epoch} of this case`);
      const fields = decryptRecord(epochKey, binding, envelopes[i] as Uint8Array);
      fresh.push([key, { envelope: record.envelope, context, epoch: record.epoch, fields }]);
      return { binding, epoch: record.epoch, fields, operational: record.operational };
    });
  } catch (error) {
    // The log's own verdict says more than a record that fails to open.
    await verdict;
    throw error;
  }
  const log = await verdict;
  // Remembered only once the whole file has verified, and only for the person who opened it.
  // (a lock during the checks dropped `mine`: nothing goes back into a newer memory)
  if (memory === mine) for (const [key, value] of fresh) mine.records.set(key, value);
  return { log, records: opened };
}
