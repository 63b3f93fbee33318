import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../crypto/bytes.js';
import { appendNote, noteWrite, openCase, rebase } from './support/case-files.js';
import { countRows, snapshotCounts } from './support/database.js';
import { tamper } from './support/factories.js';
import { addMember, setUpOrganization } from './support/scenario.js';

async function counselorWithCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  return { center, counselor, file };
}

describe('appending to the case log (PROTOCOL §6)', () => {
  it('accepts entry n at head n-1 and moves the head', async () => {
    const { counselor, file } = await counselorWithCase();

    const { res, write } = await appendNote(file, counselor);

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ seq: 1, head: write.body.head });
    const stored = (await counselor.browser.get(`/api/cases/${file.caseId}`)).body;
    expect(stored.case).toMatchObject({ logSeq: 1, logHead: write.body.head });
    expect(stored.log[0]).toEqual({ entry: write.body.entry, sig: write.body.sig });
    expect(stored.records[0]).toMatchObject({
      envelope: write.body.envelope,
      operational: write.body.operational,
    });
  });

  it('lets exactly one of two appends at the same head win; the other gets 409 stale_head and rebases', async () => {
    const { counselor, file } = await counselorWithCase();
    const second = { ...file };
    const a = noteWrite(file, counselor.account);
    const b = noteWrite(second, counselor.account);

    const results = await Promise.all([
      counselor.browser.post(`/api/cases/${file.caseId}/records`, a.body),
      counselor.browser.post(`/api/cases/${file.caseId}/records`, b.body),
    ]);

    expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
    const loser = results.find((res) => res.status === 409);
    expect(loser?.body.error.code).toBe('stale_head');
    expect(await countRows('case_log')).toBe(1);
    const seq = Number(loser?.headers.get('Tacit-Case-Seq'));
    const head = loser?.headers.get('Tacit-Case-Head') ?? '';
    expect(seq).toBe(1);
    rebase(second, seq, head);
    expect((await appendNote(second, counselor)).res.status).toBe(201);
  });

  it('refuses a stale writer without writing anything', async () => {
    const { counselor, file } = await counselorWithCase();
    const stale = { ...file };
    await appendNote(file, counselor);
    const before = await snapshotCounts();

    const res = await counselor.browser.post(
      `/api/cases/${file.caseId}/records`,
      noteWrite(stale, counselor.account).body,
    );

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('stale_head');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('recomputes the envelope hash, operational hash, head and signature', async () => {
    const { counselor, file } = await counselorWithCase();
    const { body } = noteWrite(file, counselor.account);
    const before = await snapshotCounts();
    const cases = [
      { body: { ...body, envelope: tamper(body.envelope) }, code: 'hash_mismatch' },
      { body: { ...body, operational: { ...body.operational, durationMinutes: 5 } }, code: 'hash_mismatch' },
      { body: { ...body, head: body.previousHead }, code: 'hash_mismatch' },
      { body: { ...body, sig: tamper(body.sig) }, code: 'bad_signature' },
    ];
    for (const { body: forged, code } of cases) {
      const res = await counselor.browser.post(`/api/cases/${file.caseId}/records`, forged);
      expect(res.status, code).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses an entry that names someone else as author', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const other = await addMember(center, ['counselor']);
    const res = await counselor.browser.post(
      `/api/cases/${file.caseId}/records`,
      noteWrite(file, other.account).body,
    );
    expect(res.status).toBe(403);
  });

  it('refuses free text in operational fields with a clear 400', async () => {
    const { counselor, file } = await counselorWithCase();
    const before = await snapshotCounts();
    for (const operational of [
      { mood: 'The client cried about her mother' },
      { nested: { a: 1 } },
      { 'bad name': 1 },
    ]) {
      const res = await counselor.browser.post(
        `/api/cases/${file.caseId}/records`,
        noteWrite(file, counselor.account, { operational }).body,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('keeps corrections as new revisions and refuses a skipped or repeated revision', async () => {
    const { counselor, file } = await counselorWithCase();
    const record = crypto.randomUUID();
    expect((await appendNote(file, counselor, { record })).res.status).toBe(201);

    expect((await appendNote(file, counselor, { record, rev: 1 })).res.body.error.code).toBe('bad_revision');
    expect((await appendNote(file, counselor, { record, rev: 3 })).res.body.error.code).toBe('bad_revision');
    expect(
      (await appendNote(file, counselor, { record, rev: 2, form: 'intake@1' })).res.body.error.code,
    ).toBe('bad_revision');
    expect((await appendNote(file, counselor, { record, rev: 2 })).res.status).toBe(201);
    expect((await appendNote(file, counselor, { rev: 2 })).res.body.error.code).toBe('bad_revision');
  });

  it('refuses a record under an old epoch, and an entry time far from now', async () => {
    const { counselor, file } = await counselorWithCase();
    const oldEpoch = noteWrite(file, counselor.account);
    const res = await counselor.browser.post(`/api/cases/${file.caseId}/records`, {
      ...oldEpoch.body,
      epoch: 1,
    });
    expect(res.body.error.code).toBe('stale_epoch');
    const backdated = noteWrite(file, counselor.account, { time: Date.now() - 3_600_000 });
    expect((await counselor.browser.post(`/api/cases/${file.caseId}/records`, backdated.body)).status).toBe(
      400,
    );
  });

  it('refuses writes from someone without a grant (404) and malformed bodies (400)', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const intruder = await addMember(center, ['counselor']);
    const before = await snapshotCounts();
    const res = await intruder.browser.post(
      `/api/cases/${file.caseId}/records`,
      noteWrite(file, intruder.account).body,
    );
    expect(res.status).toBe(404);
    const { body } = noteWrite(file, counselor.account);
    for (const bad of [
      { ...body, entry: { ...body.entry, extra: 1 } },
      { ...body, envelope: 'not base64!' },
      { ...body, entry: { ...body.entry, form: 'no version' } },
      { ...body, envelope: toBase64Url(new Uint8Array(300 * 1024)) },
    ]) {
      expect((await counselor.browser.post(`/api/cases/${file.caseId}/records`, bad)).status).toBe(400);
    }
    expect(await snapshotCounts()).toEqual(before);
  });
});
