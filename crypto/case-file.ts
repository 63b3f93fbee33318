import {
  type CaseLogEntry,
  type CaseLogVerification,
  type PresentedRecord,
  startCaseLogVerification,
  type VerifiedCaseLog,
} from './case-log.js';
import { fail } from './errors.js';
import { decryptRecord, type RecordBinding, type SecretFields } from './record.js';

/**
 * Opening a case file: verify the whole log (PROTOCOL §6) and decrypt the latest revision of every
 * record. Each record's context is rebuilt from its log entry (author, form), not from what the
 * server says beside it. Decryption overlaps the native signature checks; nothing decrypted is
 * returned unless the whole log verifies.
 */

export interface CaseFileRecord extends PresentedRecord {
  /** the case key epoch the record was written under */
  epoch: number;
}

export interface OpenedRecord {
  binding: RecordBinding;
  epoch: number;
  fields: SecretFields;
  operational: PresentedRecord['operational'];
}

export interface OpenCaseFileInput extends Omit<CaseLogVerification, 'records'> {
  org: string;
  records: readonly CaseFileRecord[];
  keyForEpoch: (epoch: number) => Uint8Array | undefined;
}

export async function openCaseFile(
  input: OpenCaseFileInput,
): Promise<{ log: VerifiedCaseLog; records: OpenedRecord[] }> {
  const { verdict } = await startCaseLogVerification(input);
  const entries = new Map<string, CaseLogEntry>(
    input.entries.map(({ entry }) => [`${entry.record}@${entry.rev}`, entry]),
  );
  let opened: OpenedRecord[];
  try {
    opened = input.records.map((record) => {
      const entry = entries.get(`${record.record}@${record.rev}`);
      if (!entry) return fail('injected', `record ${record.record} is not in the case log`);
      const key = input.keyForEpoch(record.epoch);
      if (!key) return fail('wrong-key', `no key for epoch ${record.epoch} of this case`);
      const binding: RecordBinding = {
        org: input.org,
        caseId: input.caseId,
        recordId: record.record,
        rev: record.rev,
        form: entry.form,
        author: entry.author,
      };
      return {
        binding,
        epoch: record.epoch,
        fields: decryptRecord(key, binding, record.envelope),
        operational: record.operational,
      };
    });
  } catch (error) {
    // The log's own verdict says more than a record that fails to open.
    await verdict;
    throw error;
  }
  return { log: await verdict, records: opened };
}
