import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../crypto/canonical-json.js';
import {
  appendCaseLogEntry,
  type CaseLogEntry,
  caseLogGenesis,
  type PresentedRecord,
  type SignedCaseLogEntry,
  verifyCaseLog,
} from '../../crypto/case-log.js';
import { flipBit, makeOrg, makeUser, randomBytes, type TestUser } from './factories.js';

interface Write {
  author: TestUser;
  record: string;
  rev: number;
}

/** Builds a case log the way writers append it, and the records the server would return. */
function buildCase(writes: Write[]) {
  const caseId = crypto.randomUUID();
  const entries: SignedCaseLogEntry[] = [];
  const records = new Map<string, PresentedRecord>();
  const history: PresentedRecord[] = [];
  const heads: Uint8Array[] = [caseLogGenesis(caseId)];
  for (const [i, write] of writes.entries()) {
    const record: PresentedRecord = {
      record: write.record,
      rev: write.rev,
      envelope: randomBytes(200),
      operational: { service: 'individual', session_date: `2026-11-${String(i + 1).padStart(2, '0')}` },
    };
    const { entry, head, sig } = appendCaseLogEntry({
      previousHead: heads[i] as Uint8Array,
      seq: i + 1,
      author: write.author.id,
      authorSeed: write.author.ed25519Seed,
      record: write.record,
      rev: write.rev,
      form: 'session-note@1',
      envelope: record.envelope,
      operational: record.operational,
      time: 1_780_000_000_000 + i,
    });
    entries.push({ entry, sig });
    heads.push(head);
    records.set(write.record, record);
    history.push(record);
  }
  return { caseId, entries, heads, history, records: [...records.values()] };
}

function scenario() {
  const org = makeOrg();
  const counselor = makeUser(org);
  const supervisor = makeUser(org);
  const built = buildCase([
    { author: counselor, record: 'intake', rev: 1 },
    { author: counselor, record: 'note-1', rev: 1 },
    { author: counselor, record: 'note-2', rev: 1 },
    { author: supervisor, record: 'supervision-1', rev: 1 },
    { author: counselor, record: 'note-1', rev: 2 },
  ]);
  const keys = new Map([
    [counselor.id, counselor.ed25519Pk],
    [supervisor.id, supervisor.ed25519Pk],
  ]);
  const certifiedSigningKey = (id: string) => keys.get(id);
  return { ...built, counselor, supervisor, certifiedSigningKey };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('case log (PROTOCOL §6)', () => {
  it('verifies an intact log and its records, and names the latest revision of each record', async () => {
    const s = scenario();
    const verified = await verifyCaseLog(s);
    expect(verified.seq).toBe(5);
    expect(verified.head).toEqual(s.heads[5]);
    expect(verified.latest.get('note-1')?.rev).toBe(2);
  });

  it('detects a dropped entry', async () => {
    const s = scenario();
    const entries = s.entries.filter((_, i) => i !== 2);
    const logOnly = { caseId: s.caseId, certifiedSigningKey: s.certifiedSigningKey };
    expect(await codeOf(verifyCaseLog({ ...logOnly, entries }))).toBe('dropped');
  });

  it('detects reordered entries', async () => {
    const s = scenario();
    const entries = [
      s.entries[0],
      s.entries[2],
      s.entries[1],
      s.entries[3],
      s.entries[4],
    ] as SignedCaseLogEntry[];
    expect(await codeOf(verifyCaseLog({ ...s, entries }))).toBe('reordered');
  });

  it('detects an injected entry claiming an existing sequence number', async () => {
    const s = scenario();
    const forged = {
      entry: { ...(s.entries[1] as SignedCaseLogEntry).entry, record: 'forged' },
      sig: randomBytes(64),
    };
    const entries = [...s.entries.slice(0, 2), forged, ...s.entries.slice(2)];
    expect(await codeOf(verifyCaseLog({ ...s, entries }))).toBe('injected');
  });

  it('detects an entry the server altered: the author’s signature no longer matches', async () => {
    const s = scenario();
    const entries = s.entries.map((e, i) =>
      i === 1 ? { ...e, entry: { ...e.entry, time: e.entry.time + 1 } } : e,
    );
    const error = await verifyCaseLog({ ...s, entries }).catch((e) => e);
    expect(error).toMatchObject({ code: 'bad-signature', at: 2 });
  });

  it('detects an entry signed by a key the organization did not certify', async () => {
    const s = scenario();
    const certifiedSigningKey = (id: string) =>
      id === s.supervisor.id ? undefined : s.certifiedSigningKey(id);
    const error = await verifyCaseLog({ ...s, certifiedSigningKey }).catch((e) => e);
    expect(error).toMatchObject({ code: 'uncertified', at: 4 });
  });

  it('detects a substituted signing key (the server swapped a user’s public key)', async () => {
    const s = scenario();
    const stranger = makeUser(makeOrg());
    const certifiedSigningKey = (id: string) =>
      id === s.counselor.id ? stranger.ed25519Pk : s.certifiedSigningKey(id);
    expect(await codeOf(verifyCaseLog({ ...s, certifiedSigningKey }))).toBe('bad-signature');
  });

  it('detects a rollback below the highest sequence this browser verified', async () => {
    const s = scenario();
    const lastSeen = { seq: 5, head: s.heads[5] as Uint8Array };
    const rolledBack = s.entries.slice(0, 3);
    const records = s.records.filter((r) => ['intake', 'note-2'].includes(r.record));
    expect(await codeOf(verifyCaseLog({ ...s, entries: rolledBack, records, lastSeen }))).toBe('rollback');
  });

  it('detects a rewritten history (a fork) behind what this browser verified', async () => {
    const s = scenario();
    const other = buildCase([{ author: s.counselor, record: 'intake', rev: 1 }]);
    const lastSeen = { seq: 1, head: other.heads[1] as Uint8Array };
    expect(await codeOf(verifyCaseLog({ ...s, lastSeen }))).toBe('altered');
  });

  it('re-verifies only the entries after the head this browser verified before', async () => {
    const s = scenario();
    const lastSeen = { seq: 3, head: s.heads[3] as Uint8Array };
    const garbled = (i: number) => s.entries.map((e, j) => (j === i ? { ...e, sig: randomBytes(64) } : e));
    // Entry 2's content is bound to the remembered head; its signature was checked back then.
    await expect(verifyCaseLog({ ...s, entries: garbled(1), lastSeen })).resolves.toMatchObject({ seq: 5 });
    expect(await codeOf(verifyCaseLog({ ...s, entries: garbled(3), lastSeen }))).toBe('bad-signature');
  });

  it('detects two records whose ciphertexts were swapped', async () => {
    const s = scenario();
    const [a, b] = s.records as [PresentedRecord, PresentedRecord];
    const records = [{ ...a, envelope: b.envelope }, { ...b, envelope: a.envelope }, ...s.records.slice(2)];
    expect(await codeOf(verifyCaseLog({ ...s, records }))).toBe('altered');
  });

  it('detects operational metadata the server edited', async () => {
    const s = scenario();
    const records = s.records.map((r, i) =>
      i === 0 ? { ...r, operational: { ...r.operational, service: 'couple' } } : r,
    );
    expect(await codeOf(verifyCaseLog({ ...s, records }))).toBe('altered');
  });

  it('detects an old revision replayed as the current one', async () => {
    const s = scenario();
    const oldNote = s.history.find((r) => r.record === 'note-1' && r.rev === 1) as PresentedRecord;
    const records = s.records.map((r) => (r.record === 'note-1' ? oldNote : r));
    expect(await codeOf(verifyCaseLog({ ...s, records }))).toBe('stale-revision');
  });

  it('detects a record the server withheld, and a record that is not in the log', async () => {
    const s = scenario();
    expect(await codeOf(verifyCaseLog({ ...s, records: s.records.slice(1) }))).toBe('dropped');
    const extra: PresentedRecord = { record: 'invented', rev: 1, envelope: randomBytes(10), operational: {} };
    expect(await codeOf(verifyCaseLog({ ...s, records: [...s.records, extra] }))).toBe('injected');
  });

  it('rejects every single-bit flip in an entry’s canonical JSON or its signature', async () => {
    const s = scenario();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        fc.nat(),
        async (index, inSignature, n) => {
          const target = s.entries[index] as SignedCaseLogEntry;
          let damaged: SignedCaseLogEntry;
          if (inSignature) {
            damaged = { ...target, sig: flipBit(target.sig, n % 512) };
          } else {
            const bytes = new TextEncoder().encode(canonicalJson(target.entry));
            let parsed: CaseLogEntry;
            try {
              parsed = JSON.parse(new TextDecoder().decode(flipBit(bytes, n % (bytes.length * 8))));
            } catch {
              return; // no longer JSON: rejected before verification
            }
            damaged = { ...target, entry: parsed };
          }
          const entries = s.entries.map((e, i) => (i === index ? damaged : e));
          await expect(verifyCaseLog({ ...s, entries })).rejects.toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
