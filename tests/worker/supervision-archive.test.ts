import { describe, expect, it } from 'vitest';
import { appendNote, openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { DAY, letTimePass } from './support/clock.js';
import { snapshotCounts } from './support/database.js';
import { grantSupervisor } from './support/rules.js';
import { addMember, login, setUpOrganization } from './support/scenario.js';

/**
 * Issue 14's supervision archive (督导档案): the admin names theme tags; the counselor and the
 * supervisor who hold a case's key see its supervision reports (ids and tags; the text they
 * decrypt themselves) and tag them; nobody else sees or tags them.
 */

const reportFacts = {
  supervision_date: '2026-05-04',
  supervision_format: 'individual',
  duration_minutes: 60,
  risk_discussed: true,
};

async function addTheme(admin: Browser, name: string): Promise<string> {
  const id = crypto.randomUUID();
  const res = await admin.post('/api/supervision-archive/themes', { id, name });
  if (res.status !== 201) throw new Error(`theme failed: ${JSON.stringify(res.body)}`);
  return id;
}

async function centerWithReport() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const supervisor = await addMember(center, ['supervisor']);
  const stranger = await addMember(center, ['counselor']);
  const frontDesk = await addMember(center, ['frontdesk']);
  const file = await openCase(center, counselor);
  await appendNote(file, counselor);
  const written = await appendNote(file, counselor, {
    form: 'supervision-report@1',
    operational: reportFacts,
  });
  expect(written.res.status).toBe(201);
  const recordId: string = written.write.body.entry.record;
  const crisis = await addTheme(center.adminBrowser, '危机干预');
  const ethics = await addTheme(center.adminBrowser, '伦理');
  return { center, counselor, supervisor, stranger, frontDesk, file, recordId, crisis, ethics };
}

describe('supervision theme tags', () => {
  it('are named by an admin and listed for those who read the archive', async () => {
    const { center, counselor } = await centerWithReport();
    await addTheme(center.adminBrowser, '家庭治疗');
    const list = await counselor.browser.get('/api/supervision-archive/themes');
    expect(list.status).toBe(200);
    expect(list.body.themes.map((theme: { name: string }) => theme.name).sort()).toEqual(
      ['伦理', '危机干预', '家庭治疗'].sort(),
    );
  });

  it('refuse a visitor, a non-admin, a duplicate name and a malformed body, writing nothing', async () => {
    const { center, counselor, frontDesk } = await centerWithReport();
    const before = await snapshotCounts();
    const body = { id: crypto.randomUUID(), name: '哀伤' };
    expect((await new Browser().post('/api/supervision-archive/themes', body)).status).toBe(401);
    expect((await new Browser().get('/api/supervision-archive/themes')).status).toBe(401);
    const notAdmin = await counselor.browser.post('/api/supervision-archive/themes', body);
    expect(notAdmin.status).toBe(403);
    expect((await frontDesk.browser.get('/api/supervision-archive/themes')).status).toBe(403);
    const duplicate = await center.adminBrowser.post('/api/supervision-archive/themes', {
      ...body,
      name: '伦理',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('name_taken');
    for (const bad of [{ ...body, name: ' ' }, { name: 'x' }, { ...body, name: 'x'.repeat(41) }]) {
      const res = await center.adminBrowser.post('/api/supervision-archive/themes', bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('the supervision archive', () => {
  it('lists a case’s supervision reports to its key holders only, with the tags they attach', async () => {
    const { center, counselor, supervisor, stranger, file, recordId, crisis, ethics } =
      await centerWithReport();
    const listed = await counselor.browser.get('/api/supervision-archive');
    expect(listed.status).toBe(200);
    expect(listed.body.reports).toEqual([
      {
        caseId: file.caseId,
        recordId,
        form: 'supervision-report@1',
        writtenAt: expect.any(Number),
        themeIds: [],
      },
    ]);
    expect(listed.body.themes).toHaveLength(2);

    const tagged = await counselor.browser.put(
      `/api/supervision-archive/reports/${file.caseId}/${recordId}/themes`,
      { themeIds: [crisis] },
    );
    expect(tagged.status).toBe(200);
    // The supervisor holds no key yet: nothing listed, nothing to tag.
    expect((await supervisor.browser.get('/api/supervision-archive')).body.reports).toEqual([]);
    await grantSupervisor(center, file, counselor, supervisor);
    const seen = await supervisor.browser.get('/api/supervision-archive');
    expect(seen.body.reports.map((one: { themeIds: string[] }) => one.themeIds)).toEqual([[crisis]]);
    const retagged = await supervisor.browser.put(
      `/api/supervision-archive/reports/${file.caseId}/${recordId}/themes`,
      { themeIds: [crisis, ethics] },
    );
    expect(retagged.status).toBe(200);
    const both = (await counselor.browser.get('/api/supervision-archive')).body.reports[0].themeIds;
    expect([...both].sort()).toEqual([crisis, ethics].sort());
    expect((await stranger.browser.get('/api/supervision-archive')).body.reports).toEqual([]);

    // The supervisor's grant ends: the report leaves their archive and they tag it no more.
    await letTimePass(DAY + 60_000);
    await login(supervisor.account, supervisor.browser);
    expect((await supervisor.browser.get('/api/supervision-archive')).body.reports).toEqual([]);
    const late = await supervisor.browser.put(
      `/api/supervision-archive/reports/${file.caseId}/${recordId}/themes`,
      { themeIds: [] },
    );
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('grant_expired');
  });

  it('refuses tags from a visitor, a wrong role, a non-holder, on a non-report or with unknown themes, writing nothing', async () => {
    const { counselor, stranger, frontDesk, file, recordId, crisis } = await centerWithReport();
    const note = await appendNote(file, counselor);
    const path = `/api/supervision-archive/reports/${file.caseId}/${recordId}/themes`;
    const before = await snapshotCounts();
    expect((await new Browser().put(path, { themeIds: [crisis] })).status).toBe(401);
    expect((await new Browser().get('/api/supervision-archive')).status).toBe(401);
    expect((await frontDesk.browser.put(path, { themeIds: [crisis] })).status).toBe(403);
    expect((await frontDesk.browser.get('/api/supervision-archive')).status).toBe(403);
    expect((await stranger.browser.put(path, { themeIds: [crisis] })).status).toBe(404);
    const notReport = await counselor.browser.put(
      `/api/supervision-archive/reports/${file.caseId}/${note.write.body.entry.record}/themes`,
      { themeIds: [crisis] },
    );
    expect(notReport.status).toBe(404);
    const unknown = await counselor.browser.put(path, { themeIds: [crisis, crypto.randomUUID()] });
    expect(unknown.status).toBe(422);
    for (const bad of [{ themeIds: [crisis, crisis] }, { themeIds: ['x'] }, {}]) {
      const res = await counselor.browser.put(path, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const badPath = await counselor.browser.put(`/api/supervision-archive/reports/x/${recordId}/themes`, {
      themeIds: [],
    });
    expect(badPath.status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });
});
