import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '../../crypto/bytes.js';
import { openCaseFile } from '../../crypto/case-file.js';
import {
  appendCaseLogEntry,
  caseLogGenesis,
  nextCaseHead,
  type SignedCaseLogEntry,
  verifyCaseLog,
} from '../../crypto/case-log.js';
import { signingPublicKey } from '../../crypto/ed25519.js';
import { decryptEnvelope, EnvelopeKind, encryptEnvelope } from '../../crypto/envelope.js';
import { type CaseGrant, unwrapCaseKey, wrapCaseKey } from '../../crypto/grant.js';
import {
  createPassphraseCredentials,
  type KdfParams,
  unlockWithPassphrase,
} from '../../crypto/passphrase.js';
import { decryptRecord, encryptRecord, type RecordBinding } from '../../crypto/record.js';
import { generateUserKeys } from '../../crypto/user-keys.js';

/** Crypto benchmarks that run unchanged in Node and in Chromium. */

export interface BenchResult {
  bench: string;
  value: number;
  unit: string;
  target: number | null;
  /** The machine's 1-minute load average when the figure was taken (`npm run bench` fills it in). */
  load?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Median ms per call of fn. Calls are timed in batches of at least ~5 ms, because browsers
 * coarsen performance.now() (Chromium: 0.1 ms) and a single small call would read as 0.
 */
async function timeIt(fn: () => unknown, minRuns: number, minMs = 300): Promise<number> {
  let batch = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    if (performance.now() - t >= 5) break;
    batch *= 2;
  }
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    samples.push((performance.now() - t) / batch);
  }
  return median(samples);
}

/**
 * Envelope sealing and opening against raw noble XChaCha20-Poly1305 on the same bytes. The two are
 * timed in alternating rounds and the ratio is the median of the rounds' ratios, so a busy moment
 * on the machine hits both sides alike.
 */
export async function benchEnvelopeThroughput(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const key = randomBytes(32);
  const context = 'tacit/1/record|org=bench|case=bench|record=bench|rev=1|form=bench@1|author=bench';
  for (const [label, size] of [
    ['1KB', 1024],
    ['64KB', 64 * 1024],
    ['1MB', 1024 * 1024],
  ] as const) {
    const plaintext = randomBytes(size);
    const nonce = randomBytes(24);
    const envelope = encryptEnvelope(key, EnvelopeKind.recordBody, context, plaintext);
    const raw = xchacha20poly1305(key, nonce).encrypt(plaintext);
    const sides = {
      seal: [
        () => encryptEnvelope(key, EnvelopeKind.recordBody, context, plaintext),
        () => xchacha20poly1305(key, randomBytes(24)).encrypt(plaintext),
      ],
      open: [
        () => decryptEnvelope(key, EnvelopeKind.recordBody, context, envelope),
        () => xchacha20poly1305(key, nonce).decrypt(raw),
      ],
    } as const;
    for (const [operation, [ours, baseline]] of Object.entries(sides)) {
      const ratios: number[] = [];
      const oursMs: number[] = [];
      for (let round = 0; round < 7; round++) {
        const oursTime = await timeIt(ours, 3, 40);
        const baselineTime = await timeIt(baseline, 3, 40);
        oursMs.push(oursTime);
        ratios.push(baselineTime / oursTime);
      }
      results.push({
        bench: `envelope-${operation}-${label}`,
        value: round(size / 1024 / 1024 / (median(oursMs) / 1000)),
        unit: 'MB/s',
        target: null,
      });
      results.push({
        bench: `envelope-${operation}-vs-raw-${label}`,
        value: round(median(ratios), 3),
        unit: 'ratio',
        target: size >= 64 * 1024 ? 0.9 : null,
      });
    }
  }
  return results;
}

/** A case of `notes` notes of 2 KB, as the server would return it to the grantee. */
export function makeCase(notes: number) {
  const org = crypto.randomUUID();
  const caseId = crypto.randomUUID();
  const counselor = { id: crypto.randomUUID(), ...generateUserKeys() };
  const supervisor = { id: crypto.randomUUID(), ...generateUserKeys() };
  const caseKey = randomBytes(32);
  const grant: CaseGrant = {
    org,
    caseId,
    epoch: 0,
    to: supervisor.id,
    perm: 'read',
    expiresAtMs: Date.now() + 86_400_000,
    by: counselor.id,
  };
  const wrapped = wrapCaseKey(grant, caseKey, supervisor.x25519Pk, counselor.ed25519Seed);
  const entries: SignedCaseLogEntry[] = [];
  const records: { binding: RecordBinding; envelope: Uint8Array; operational: { session: number } }[] = [];
  let head = caseLogGenesis(caseId);
  const text = '来访者描述了本周的睡眠与工作压力，讨论了应对策略。'.repeat(40).slice(0, 680); // ~2 KB of UTF-8
  for (let i = 0; i < notes; i++) {
    const binding: RecordBinding = {
      org,
      caseId,
      recordId: crypto.randomUUID(),
      rev: 1,
      form: 'session@1',
      author: counselor.id,
    };
    const envelope = encryptRecord(caseKey, binding, { notes: text });
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
      time: Date.now(),
    });
    head = appended.head;
    entries.push({ entry: appended.entry, sig: appended.sig });
    records.push({ binding, envelope, operational });
  }
  const counselorPk = signingPublicKey(counselor.ed25519Seed);
  return { caseId, grant, wrapped, entries, records, supervisor, counselorPk };
}

export async function benchOpenCase(notes = 200): Promise<BenchResult[]> {
  const c = makeCase(notes);
  const open = async (lastSeen?: { seq: number; head: Uint8Array }) => {
    const caseKey = await unwrapCaseKey(c.grant, c.wrapped, c.supervisor.x25519Sk, c.counselorPk, Date.now());
    const opened = await openCaseFile({
      org: c.grant.org,
      caseId: c.caseId,
      entries: c.entries,
      certifiedSigningKey: () => c.counselorPk,
      records: c.records.map((r) => ({
        record: r.binding.recordId,
        rev: 1,
        envelope: r.envelope,
        operational: r.operational,
        epoch: 0,
      })),
      keyForEpoch: () => caseKey,
      ...(lastSeen ? { lastSeen } : {}),
    });
    if (opened.records.length !== notes) throw new Error('not every note was decrypted');
    return opened.log;
  };
  const cold = await timeIt(() => open(), 10, 1000);
  // A second visit after one new note: the browser remembers the head it verified (PROTOCOL §6).
  const firstVisit = await verifyCaseLog({
    caseId: c.caseId,
    entries: c.entries.slice(0, -1),
    certifiedSigningKey: () => c.counselorPk,
  });
  const remembered = { seq: firstVisit.seq, head: firstVisit.head };
  const warm = await timeIt(() => open(remembered), 10, 1000);
  return [
    { bench: `open-case-${notes}-notes`, value: round(cold, 2), unit: 'ms', target: 15 },
    { bench: `open-case-${notes}-notes-revisit`, value: round(warm, 2), unit: 'ms', target: 15 },
  ];
}

/** Where the time of a cold open goes: the parts measured one at a time. */
export async function benchOpenCaseParts(notes = 200): Promise<BenchResult[]> {
  const c = makeCase(notes);
  const hashChain = () => {
    let head = caseLogGenesis(c.caseId);
    for (const { entry } of c.entries) head = nextCaseHead(head, entry);
  };
  const verifySignatures = () =>
    verifyCaseLog({ caseId: c.caseId, entries: c.entries, certifiedSigningKey: () => c.counselorPk });
  const caseKey = await unwrapCaseKey(c.grant, c.wrapped, c.supervisor.x25519Sk, c.counselorPk, Date.now());
  const decryptAll = () => {
    for (const r of c.records) decryptRecord(caseKey, r.binding, r.envelope);
  };
  const unwrap = () => unwrapCaseKey(c.grant, c.wrapped, c.supervisor.x25519Sk, c.counselorPk, Date.now());
  return [
    {
      bench: `open-case-part:unwrap-grant`,
      value: round(await timeIt(unwrap, 10), 2),
      unit: 'ms',
      target: null,
    },
    {
      bench: `open-case-part:hash-chain-${notes}`,
      value: round(await timeIt(hashChain, 10), 2),
      unit: 'ms',
      target: null,
    },
    {
      bench: `open-case-part:verify-log-${notes}`,
      value: round(await timeIt(verifySignatures, 10), 2),
      unit: 'ms',
      target: null,
    },
    {
      bench: `open-case-part:decrypt-${notes}`,
      value: round(await timeIt(decryptAll, 10), 2),
      unit: 'ms',
      target: null,
    },
  ];
}

export async function benchUnlock(params: KdfParams): Promise<number> {
  const keys = generateUserKeys();
  const credentials = await createPassphraseCredentials('correct horse battery staple', 'u', keys, params);
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await unlockWithPassphrase(
      'correct horse battery staple',
      'u',
      credentials.salt,
      params,
      credentials.keyBundle,
    );
    samples.push(performance.now() - t);
  }
  return round(median(samples), 0);
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
