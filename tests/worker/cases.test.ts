import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../crypto/bytes.js';
import { openCaseFile } from '../../crypto/case-file.js';
import { verifyCaseLog } from '../../crypto/case-log.js';
import { unwrapCaseKey } from '../../crypto/grant.js';
import { appendNote, clientRequest, createCaseRequest, openCase, recipientOf } from './support/case-files.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { tamper } from './support/factories.js';
import { addMember, setUpOrganization } from './support/scenario.js';

async function counselorWithCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  return { center, counselor, file };
}

describe('opening a case', () => {
  it('creates epoch 0 for the primary counselor and the org recovery key, in intake', async () => {
    const { counselor, file } = await counselorWithCase();

    const res = await counselor.browser.get(`/api/cases/${file.caseId}`);

    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({
      id: file.caseId,
      clientId: file.clientId,
      primaryCounselorId: counselor.account.id,
      status: 'intake',
      currentEpoch: 0,
      logSeq: 0,
      myPerm: 'write',
      myExpiresAt: 0,
      needsRotation: false,
    });
    expect(res.body.grants.map((grant: { to: string }) => grant.to).sort()).toEqual(
      [counselor.account.id, 'org-recovery'].sort(),
    );
    expect(res.body.epochs).toHaveLength(1);
    expect(res.body.keyChain).toEqual([]);
  });

  it('hands the counselor a wrap that opens to the case key', async () => {
    const { center, counselor, file } = await counselorWithCase();

    const { myWraps } = (await counselor.browser.get(`/api/cases/${file.caseId}`)).body;
    const [wrap] = myWraps;
    const key = await unwrapCaseKey(
      {
        org: center.org.id,
        caseId: file.caseId,
        epoch: wrap.epoch,
        to: wrap.to,
        perm: wrap.perm,
        expiresAtMs: wrap.expiresAt,
        by: wrap.byUserId,
      },
      { enc: fromBase64Url(wrap.enc), ct: fromBase64Url(wrap.ct), sig: fromBase64Url(wrap.sig) },
      counselor.account.keys.x25519Sk,
      counselor.account.keys.ed25519Pk,
      Date.now(),
    );

    expect(key).toEqual(file.key);
  });

  it('refuses a case without the recovery wrap, and writes nothing', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const { clientId } = await openCase(center, counselor);
    const request = await createCaseRequest(center, counselor.account, clientId);
    const before = await snapshotCounts();

    const res = await counselor.browser.post('/api/cases', {
      ...request.body,
      wraps: request.body.wraps.filter((wrap) => wrap.to !== 'org-recovery'),
    });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('recovery_wrap_missing');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a wrap whose signature does not cover its metadata', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const { clientId } = await openCase(center, counselor);
    const request = await createCaseRequest(center, counselor.account, clientId);
    const [own, recovery] = request.body.wraps;
    const before = await snapshotCounts();

    const forged = await counselor.browser.post('/api/cases', {
      ...request.body,
      wraps: [{ ...own, sig: tamper(own?.sig ?? '') }, recovery],
    });

    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('bad_signature');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a case on a client the counselor cannot see (404, nothing written)', async () => {
    const center = await setUpOrganization();
    const mine = await addMember(center, ['counselor']);
    const other = await addMember(center, ['counselor']);
    const theirs = await openCase(center, other);
    const request = await createCaseRequest(center, mine.account, theirs.clientId);
    const before = await snapshotCounts();

    const res = await mine.browser.post('/api/cases', request.body);

    expect(res.status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses malformed input with 400 and writes nothing', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const request = await createCaseRequest(center, counselor.account, file.clientId);
    const before = await snapshotCounts();
    for (const body of [
      { ...request.body, id: 'not-a-uuid' },
      { ...request.body, serviceType: 'whatever the counselor types' },
      { ...request.body, inbox: { pk: 'short', sealed: request.body.inbox.sealed } },
      { ...request.body, wraps: [] },
    ]) {
      const res = await counselor.browser.post('/api/cases', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('lets only counselors open cases', async () => {
    const center = await setUpOrganization();
    const frontdesk = await addMember(center, ['frontdesk']);
    const client = clientRequest(
      center.org.id,
      frontdesk.account,
      [{ kind: 'user', ...recipientOf(frontdesk.account) }],
      {
        name: 'A',
      },
    );
    expect((await frontdesk.browser.post('/api/clients', client.body)).status).toBe(201);
    const request = await createCaseRequest(center, frontdesk.account, client.body.id);
    const res = await frontdesk.browser.post('/api/cases', request.body);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});

describe('reading a case file', () => {
  it('returns a log, records and certified keys that crypto/ verifies and opens', async () => {
    const { center, counselor, file } = await counselorWithCase();
    for (const summary of ['first', 'second', 'third']) {
      expect((await appendNote(file, counselor, { secret: { summary } })).res.status).toBe(201);
    }

    const body = (await counselor.browser.get(`/api/cases/${file.caseId}`)).body;
    const people = new Map<string, Uint8Array>(
      body.people.map((person: { id: string; ed25519Pk: string }) => [
        person.id,
        fromBase64Url(person.ed25519Pk),
      ]),
    );
    const { log, records } = await openCaseFile({
      org: center.org.id,
      caseId: file.caseId,
      entries: body.log.map((line: { entry: never; sig: string }) => ({
        entry: line.entry,
        sig: fromBase64Url(line.sig),
      })),
      certifiedSigningKey: (id) => people.get(id),
      records: body.records.map(
        (record: { record: string; rev: number; envelope: string; operational: never; epoch: number }) => ({
          record: record.record,
          rev: record.rev,
          envelope: fromBase64Url(record.envelope),
          operational: record.operational,
          epoch: record.epoch,
        }),
      ),
      keyForEpoch: (epoch) => file.keys.get(epoch),
    });

    expect(log.seq).toBe(3);
    expect(records.map((record) => record.fields.summary)).toEqual(['first', 'second', 'third']);
    expect(body.case.logSeq).toBe(3);
  });

  it('audits the read with operational details only', async () => {
    const { center, counselor, file } = await counselorWithCase();
    await counselor.browser.get(`/api/cases/${file.caseId}`);
    const events = (await center.adminBrowser.get('/api/audit?limit=5')).body.events;
    expect(events[0]).toMatchObject({ type: 'case.read', actor: counselor.account.id, subject: file.caseId });
    expect(Object.keys(events[0].details).sort()).toEqual(['epoch', 'seq', 'wraps']);
  });

  it('serves every revision of one record with ?history=', async () => {
    const { counselor, file } = await counselorWithCase();
    const record = crypto.randomUUID();
    await appendNote(file, counselor, { record, secret: { summary: 'draft' } });
    await appendNote(file, counselor, { record, rev: 2, secret: { summary: 'corrected' } });

    const latest = (await counselor.browser.get(`/api/cases/${file.caseId}`)).body;
    const history = (await counselor.browser.get(`/api/cases/${file.caseId}?history=${record}`)).body;

    expect(latest.records.map((r: { rev: number }) => r.rev)).toEqual([2]);
    expect(latest.history).toBeUndefined();
    expect(history.history.map((r: { rev: number }) => r.rev)).toEqual([1, 2]);
    expect(
      await verifyCaseLog({
        caseId: file.caseId,
        entries: history.log.map((line: { entry: never; sig: string }) => ({
          entry: line.entry,
          sig: fromBase64Url(line.sig),
        })),
        certifiedSigningKey: () => counselor.account.keys.ed25519Pk,
      }),
    ).toMatchObject({ seq: 2 });
  });

  it('lists my cases with my permission and metadata, and not other counselors’ cases', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const other = await addMember(center, ['counselor']);
    await openCase(center, other);

    const mine = (await counselor.browser.get('/api/cases')).body.cases;

    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      id: file.caseId,
      myPerm: 'write',
      status: 'intake',
      serviceType: 'individual',
    });
    expect(JSON.stringify(mine)).not.toContain('"enc"');
  });

  it('answers another counselor’s case, record history or a made-up id with 404 and nothing else', async () => {
    const { center, file } = await counselorWithCase();
    const intruder = await addMember(center, ['counselor']);
    const director = await addMember(center, ['director']);

    for (const browser of [intruder.browser, director.browser]) {
      for (const path of [
        `/api/cases/${file.caseId}`,
        `/api/cases/${file.caseId}?history=${crypto.randomUUID()}`,
        `/api/cases/${crypto.randomUUID()}`,
      ]) {
        const res = await browser.get(path);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ error: { code: 'not_found', message: 'no such case' } });
      }
    }
    expect((await new Browser().get(`/api/cases/${file.caseId}`)).status).toBe(401);
  });
});

describe('status and transfer', () => {
  it('follows the lifecycle and refuses a jump', async () => {
    const { counselor, file } = await counselorWithCase();
    const path = `/api/cases/${file.caseId}`;

    expect((await counselor.browser.patch(path, { status: 'archived' })).body.error.code).toBe(
      'invalid_transition',
    );
    for (const status of ['active', 'closing', 'closed']) {
      const res = await counselor.browser.patch(path, { status });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(status);
    }
    expect((await counselor.browser.get(path)).body.case.closedAt).toEqual(expect.any(Number));
    expect((await counselor.browser.patch(path, { status: 'archived' })).status).toBe(200);
    const archivedWrite = await appendNote(file, counselor);
    expect(archivedWrite.res.body.error.code).toBe('case_archived');
  });

  it('lets a director change status and transfer, but not another counselor', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const director = await addMember(center, ['director']);
    const other = await addMember(center, ['counselor']);

    expect((await other.browser.patch(`/api/cases/${file.caseId}`, { status: 'active' })).status).toBe(404);
    expect((await director.browser.patch(`/api/cases/${file.caseId}`, { status: 'active' })).status).toBe(
      200,
    );
    const before = await snapshotCounts();
    expect(
      (
        await other.browser.post(`/api/cases/${file.caseId}/transfer`, {
          primaryCounselorId: other.account.id,
        })
      ).status,
    ).toBe(404);
    expect(await snapshotCounts()).toEqual(before);

    const moved = await director.browser.post(`/api/cases/${file.caseId}/transfer`, {
      primaryCounselorId: other.account.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.primaryCounselorId).toBe(other.account.id);
    expect((await counselor.browser.get(`/api/cases/${file.caseId}`)).body.case.primaryCounselorId).toBe(
      other.account.id,
    );
  });

  it('transfers only to an active, certified counselor', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const supervisor = await addMember(center, ['supervisor']);
    const uncertified = await addMember(center, ['counselor'], { certified: false });
    for (const target of [supervisor, uncertified]) {
      const res = await counselor.browser.post(`/api/cases/${file.caseId}/transfer`, {
        primaryCounselorId: target.account.id,
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('bad_recipient');
    }
  });
});
