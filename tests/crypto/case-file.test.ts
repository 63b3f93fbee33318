import { describe, expect, it } from 'vitest';
import { openCaseFile } from '../../crypto/case-file.js';
import { appendCaseLogEntry, caseLogGenesis, type SignedCaseLogEntry } from '../../crypto/case-log.js';
import { encryptRecord, type RecordBinding } from '../../crypto/record.js';
import { makeOrg, makeUser, randomBytes } from './factories.js';

function writeCase(notes: string[]) {
  const org = makeOrg();
  const counselor = makeUser(org);
  const caseId = crypto.randomUUID();
  const caseKey = randomBytes(32);
  const entries: SignedCaseLogEntry[] = [];
  const records = [];
  let head = caseLogGenesis(caseId);
  for (const [i, note] of notes.entries()) {
    const binding: RecordBinding = {
      org: org.id,
      caseId,
      recordId: crypto.randomUUID(),
      rev: 1,
      form: 'session-note@1',
      author: counselor.id,
    };
    const envelope = encryptRecord(caseKey, binding, { note });
    const operational = { session: i + 1 };
    const appended = appendCaseLogEntry({
      previousHead: head,
      seq: i + 1,
      author: counselor.id,
      authorSeed: counselor.ed25519Seed,
      record: binding.recordId,
      rev: 1,
      form: binding.form,
      envelope,
      operational,
      time: 1_780_000_000_000 + i,
    });
    head = appended.head;
    entries.push({ entry: appended.entry, sig: appended.sig });
    records.push({ record: binding.recordId, rev: 1, envelope, operational, epoch: 0 });
  }
  return {
    org: org.id,
    caseId,
    entries,
    records,
    certifiedSigningKey: (id: string) => (id === counselor.id ? counselor.ed25519Pk : undefined),
    keyForEpoch: (epoch: number) => (epoch === 0 ? caseKey : undefined),
  };
}

describe('opening a case file', () => {
  it('verifies the log and decrypts every note', async () => {
    const input = writeCase(['第一次会谈', 'second session', '']);
    const opened = await openCaseFile(input);
    expect(opened.log.seq).toBe(3);
    expect(opened.records.map((r) => r.fields.note)).toEqual(['第一次会谈', 'second session', '']);
  });

  it('returns nothing decrypted when the log does not verify', async () => {
    const input = writeCase(['a', 'b']);
    const entries = input.entries.map((e, i) => (i === 0 ? { ...e, sig: randomBytes(64) } : e));
    await expect(openCaseFile({ ...input, entries })).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it('reports the log’s verdict rather than a decryption failure for a swapped ciphertext', async () => {
    const input = writeCase(['a', 'b']);
    const [first, second] = input.records as [(typeof input.records)[0], (typeof input.records)[0]];
    const records = [
      { ...first, envelope: second.envelope },
      { ...second, envelope: first.envelope },
    ];
    await expect(openCaseFile({ ...input, records })).rejects.toMatchObject({ code: 'altered' });
  });

  it('says so when it lacks the key of a record’s epoch', async () => {
    const input = writeCase(['a']);
    await expect(openCaseFile({ ...input, keyForEpoch: () => undefined })).rejects.toMatchObject({
      code: 'wrong-key',
    });
  });
});
