import { describe, expect, it } from 'vitest';
import { openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/** A clinician finds a case to ask for access to: its primary counselor, certified keys, status. */
describe('case lookup', () => {
  async function centerWithCase() {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const supervisor = await addMember(center, ['supervisor']);
    const file = await openCase(center, counselor);
    return { center, counselor, supervisor, file };
  }

  it('finds a case by its number or id, with only the primary counselor and the status', async () => {
    const { counselor, supervisor, file } = await centerWithCase();
    const number = file.caseId.slice(0, 8).toUpperCase();
    for (const query of [number, ` ${number.toLowerCase()} `, file.caseId]) {
      const res = await supervisor.browser.get(`/api/case-lookup?number=${encodeURIComponent(query)}`);
      expect(res.status, query).toBe(200);
      expect(res.body.cases).toHaveLength(1);
      const [found] = res.body.cases;
      expect(Object.keys(found).sort()).toEqual(['id', 'primaryCounselor', 'status']);
      expect(found.id).toBe(file.caseId);
      expect(found.status).toBe('intake');
      expect(found.primaryCounselor.id).toBe(counselor.account.id);
      expect(found.primaryCounselor.x25519Pk).toBe(
        Buffer.from(counselor.account.keys.x25519Pk).toString('base64url'),
      );
      expect(found.primaryCounselor.cert).not.toBeNull();
      expect(JSON.stringify(found)).not.toContain(file.clientId);
    }
  });

  it('names the new primary counselor after a transfer', async () => {
    const { center, counselor, supervisor, file } = await centerWithCase();
    const next = await addMember(center, ['counselor']);
    const moved = await counselor.browser.post(`/api/cases/${file.caseId}/transfer`, {
      primaryCounselorId: next.account.id,
    });
    expect(moved.status).toBe(200);
    const res = await supervisor.browser.get(`/api/case-lookup?number=${file.caseId.slice(0, 8)}`);
    expect(res.body.cases[0].primaryCounselor.id).toBe(next.account.id);
  });

  it('answers an unknown number with an empty list', async () => {
    const { supervisor, file } = await centerWithCase();
    const unknown = file.caseId.startsWith('0') ? '1fffffff' : '0fffffff';
    const res = await supervisor.browser.get(`/api/case-lookup?number=${unknown}`);
    expect(res.status).toBe(200);
    expect(res.body.cases).toEqual([]);
  });

  it('records each lookup in the audit chain', async () => {
    const { center, supervisor, file } = await centerWithCase();
    await supervisor.browser.get(`/api/case-lookup?number=${file.caseId.slice(0, 8)}`);
    const audit = await center.adminBrowser.get('/api/audit?limit=5');
    const event = audit.body.events.find(
      (candidate: { type: string }) => candidate.type === 'case.looked_up',
    );
    expect(event).toMatchObject({
      actor: supervisor.account.id,
      subject: file.caseId,
      details: { number: file.caseId.slice(0, 8), found: [file.caseId] },
    });
  });

  it('needs a session and a clinician’s role, and writes nothing when refused', async () => {
    const { center, file } = await centerWithCase();
    const frontdesk = await addMember(center, ['frontdesk']);
    const path = `/api/case-lookup?number=${file.caseId.slice(0, 8)}`;
    const before = await snapshotCounts();
    const anonymous = await new Browser().get(path);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('no_session');
    for (const browser of [frontdesk.browser, center.adminBrowser]) {
      const refused = await browser.get(path);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      expect(JSON.stringify(refused.body)).not.toContain(file.caseId);
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses what is not a case number or id (400), without a lookup', async () => {
    const { supervisor } = await centerWithCase();
    const before = await snapshotCounts();
    for (const query of ['', 'abc', '%', '________', 'abcd123%', 'zzzzzzzz', '1234567', '123456789']) {
      const res = await supervisor.browser.get(`/api/case-lookup?number=${encodeURIComponent(query)}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect((await supervisor.browser.get('/api/case-lookup')).status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });
});
