import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SHIPPED_RULES } from '../../core/rules/shipped.js';
import { appendNote, openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { DAY } from './support/clock.js';
import { snapshotCounts } from './support/database.js';
import { ageCase, eventRule } from './support/rules.js';
import { addMember, setUpOrganization } from './support/scenario.js';

const noRecordFor = (days: number) => ({
  name: `No record for ${days} days`,
  trigger: { kind: 'schedule', every: 'daily', hour: 1 },
  condition: {
    and: [
      { '==': [{ var: 'case.status' }, 'active'] },
      { '>=': [{ var: 'case.daysSinceLastRecord' }, days] },
    ],
  },
  actions: [{ kind: 'notify', to: [{ kind: 'relation', relation: 'primary_counselor' }], email: false }],
  dedupDays: 7,
  enabled: true,
});

async function adminAndCounselor() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  return { center, admin: center.adminBrowser, counselor };
}

const auditTypes = async () =>
  (await env.DB.prepare('SELECT type FROM audit_events ORDER BY seq').all()).results.map((row) => row.type);

describe('who may use the rule editor', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/rules'],
    ['POST', '/api/rules', noRecordFor(30)],
    ['POST', '/api/rules/shipped', { locale: 'en' }],
    ['POST', '/api/rules/dry-run', noRecordFor(30)],
    ['GET', '/api/rules/runs'],
    ['GET', `/api/rules/${crypto.randomUUID()}`],
    ['PUT', `/api/rules/${crypto.randomUUID()}`, noRecordFor(30)],
    ['PATCH', `/api/rules/${crypto.randomUUID()}`, { enabled: false }],
  ];

  it('turns away a visitor without a session', async () => {
    await setUpOrganization();
    for (const [method, path, json] of routes) {
      const res = await new Browser().request(method as 'GET', path, json === undefined ? {} : { json });
      expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 401, 'no_session']);
    }
  });

  it('turns away a counselor: rules are for admins', async () => {
    const { counselor } = await adminAndCounselor();
    const before = await snapshotCounts();
    for (const [method, path, json] of routes) {
      const res = await counselor.browser.request(method as 'GET', path, json === undefined ? {} : { json });
      expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 403, 'forbidden']);
    }
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('creating and editing rules', () => {
  it('creates a rule, lists it and audits it', async () => {
    const { admin } = await adminAndCounselor();

    const created = await admin.post('/api/rules', noRecordFor(30));

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'No record for 30 days',
      enabled: true,
      template: null,
      dedupDays: 7,
    });
    const list = await admin.get('/api/rules');
    expect(list.body.rules.map((rule: { id: string }) => rule.id)).toEqual([created.body.id]);
    expect((await admin.get(`/api/rules/${created.body.id}`)).body).toEqual(created.body);
    expect(await auditTypes()).toContain('rule.created');
  });

  it('refuses a malformed condition with a clear message and writes nothing', async () => {
    const { admin } = await adminAndCounselor();
    const before = await snapshotCounts();

    const unknownOperator = await admin.post('/api/rules', {
      ...noRecordFor(30),
      condition: { eval: ['x'] },
    });
    const unknownFact = await admin.post('/api/rules', {
      ...noRecordFor(30),
      condition: { '<': [{ var: 'event.operational.satisfaction' }, 3] },
    });

    expect(unknownOperator.status).toBe(400);
    expect(unknownOperator.body.error).toEqual({
      code: 'invalid_request',
      message: 'invalid request body: condition: unknown operator "eval"',
    });
    expect(unknownFact.body.error.message).toBe(
      'invalid request body: condition: unknown fact "event.operational.satisfaction" for this trigger',
    );
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a rule without actions, an unknown trigger, a bad recipient and a body that is not JSON', async () => {
    const { admin } = await adminAndCounselor();
    const before = await snapshotCounts();

    const cases = [
      { ...noRecordFor(30), actions: [] },
      { ...noRecordFor(30), trigger: { kind: 'event', event: 'case.deleted' } },
      { ...noRecordFor(30), actions: [{ kind: 'notify', to: [{ kind: 'role', role: 'janitor' }] }] },
      { ...noRecordFor(30), dedupDays: -1 },
    ];
    for (const body of cases) {
      const res = await admin.post('/api/rules', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const notJson = await admin.request('POST', '/api/rules', {
      body: '{"name":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notJson.body.error.code).toBe('malformed_json');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('updates a rule and switches it off and on', async () => {
    const { admin } = await adminAndCounselor();
    const { id } = (await admin.post('/api/rules', noRecordFor(30))).body;

    const updated = await admin.request('PUT', `/api/rules/${id}`, { json: noRecordFor(45) });
    const disabled = await admin.patch(`/api/rules/${id}`, { enabled: false });

    expect(updated.status).toBe(200);
    expect(updated.body.name).toBe('No record for 45 days');
    expect(disabled.body.enabled).toBe(false);
    expect((await admin.get(`/api/rules/${id}`)).body).toMatchObject({
      name: 'No record for 45 days',
      enabled: false,
    });
    expect(await auditTypes()).toEqual(expect.arrayContaining(['rule.updated', 'rule.disabled']));
    expect((await admin.patch(`/api/rules/${id}`, { enabled: true })).body.enabled).toBe(true);
  });

  it('answers 404 for a rule that does not exist and 400 for an id that is not one', async () => {
    const { admin } = await adminAndCounselor();

    expect((await admin.get(`/api/rules/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await admin.patch(`/api/rules/${crypto.randomUUID()}`, { enabled: true })).status).toBe(404);
    expect((await admin.get('/api/rules/not-an-id')).status).toBe(400);
    expect((await admin.patch(`/api/rules/${crypto.randomUUID()}`, { enabled: 'yes' })).status).toBe(400);
  });
});

describe('shipped rules', () => {
  it('installs every shipped rule once, enabled, in the admin’s language', async () => {
    const { admin } = await adminAndCounselor();
    expect((await admin.get('/api/rules')).body.shippedMissing).toHaveLength(SHIPPED_RULES.length);

    const first = await admin.post('/api/rules/shipped', { locale: 'zh-CN' });
    const again = await admin.post('/api/rules/shipped', { locale: 'zh-CN' });

    expect(first.status).toBe(201);
    expect(first.body.installed).toHaveLength(SHIPPED_RULES.length);
    expect(first.body.installed.every((rule: { enabled: boolean }) => rule.enabled)).toBe(true);
    expect(first.body.installed[0].name).toBe('活跃个案 30 天无记录');
    expect(again.status).toBe(200);
    expect(again.body.installed).toEqual([]);
    const list = (await admin.get('/api/rules')).body;
    expect(list.rules).toHaveLength(SHIPPED_RULES.length);
    expect(list.shippedMissing).toEqual([]);
  });

  it('refuses an unknown language', async () => {
    const { admin } = await adminAndCounselor();
    expect((await admin.post('/api/rules/shipped', { locale: 'fr' })).status).toBe(400);
  });
});

describe('dry run', () => {
  it('lists the open cases a schedule rule would match now, and changes nothing', async () => {
    const { center, admin, counselor } = await adminAndCounselor();
    const quiet = await openCase(center, counselor);
    const busy = await openCase(center, counselor);
    for (const file of [quiet, busy]) {
      await appendNote(file, counselor);
      await counselor.browser.patch(`/api/cases/${file.caseId}`, { status: 'active' });
    }
    await ageCase(quiet.caseId, 40 * DAY);
    const before = await snapshotCounts();

    const res = await admin.post('/api/rules/dry-run', noRecordFor(30));

    expect(res.status).toBe(200);
    expect(res.body.scanned).toBe(2);
    expect(res.body.matches).toEqual([
      {
        subject: quiet.caseId,
        caseId: quiet.caseId,
        facts: expect.objectContaining({
          'case.status': 'active',
          'case.daysSinceLastRecord': 40,
          'case.recordsSoFar': 1,
        }),
      },
    ]);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('tries an event rule on the recent events of its type', async () => {
    const { center, admin, counselor } = await adminAndCounselor();
    const file = await openCase(center, counselor);
    const record = crypto.randomUUID();
    await appendNote(file, counselor, { record });
    await appendNote(file, counselor, { record, rev: 2 });

    const res = await admin.post(
      '/api/rules/dry-run',
      eventRule('record.saved', [{ kind: 'start_workflow', workflow: 'x' }], {
        condition: { '==': [{ var: 'event.rev' }, 2] },
      }),
    );

    expect(res.body.scanned).toBe(2);
    expect(res.body.matches).toHaveLength(1);
    expect(res.body.matches[0].facts).toMatchObject({ 'event.rev': 2, 'event.form': 'session-note@1' });
  });

  it('refuses a malformed rule like saving does', async () => {
    const { admin } = await adminAndCounselor();
    const res = await admin.post('/api/rules/dry-run', {
      ...noRecordFor(30),
      condition: { '<': [{ var: 'x' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('unknown fact "x"');
  });
});

describe('run history', () => {
  it('lists runs newest first, filtered by rule', async () => {
    const { center, admin, counselor } = await adminAndCounselor();
    const file = await openCase(center, counselor);
    const notify = { kind: 'notify', to: [{ kind: 'relation', relation: 'primary_counselor' }] };
    const one = (await admin.post('/api/rules', eventRule('record.saved', [notify]))).body.id;
    const other = (await admin.post('/api/rules', eventRule('record.saved', [notify], { name: 'Other' })))
      .body.id;

    await appendNote(file, counselor);

    const all = (await admin.get('/api/rules/runs')).body.runs;
    const filtered = (await admin.get(`/api/rules/runs?ruleId=${one}`)).body.runs;
    expect(all.map((run: { ruleId: string }) => run.ruleId).sort()).toEqual([one, other].sort());
    expect(filtered).toEqual([
      expect.objectContaining({
        ruleId: one,
        ruleName: 'On record.saved',
        eventType: 'record.saved',
        caseId: file.caseId,
        outcome: 'done',
        attempt: 1,
        actions: [{ kind: 'notify', outcome: 'done', detail: '1' }],
        error: null,
      }),
    ]);
    expect((await admin.get('/api/rules/runs?ruleId=nope')).status).toBe(400);
  });
});
