import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { DashboardInput } from '../../core/api/dashboards.js';
import { SHIPPED_DASHBOARDS } from '../../core/dashboards/shipped.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { addMember, setUpOrganization } from './support/scenario.js';

const workload = (overrides: Partial<DashboardInput> = {}): DashboardInput => ({
  name: 'Hours this year',
  roles: ['counselor'],
  widgets: [
    { id: 'hours', title: '', metrics: ['hours'], dimension: 'month', period: 'this_year', chart: 'line' },
    {
      id: 'now',
      title: 'Now',
      metrics: ['active_cases', 'sessions'],
      dimension: 'none',
      period: 'this_month',
      chart: 'kpi',
    },
  ],
  ...overrides,
});

async function center() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const finance = await addMember(center, ['finance']);
  return { center, admin: center.adminBrowser, counselor: counselor.browser, finance: finance.browser };
}

const auditTypes = async () =>
  (await env.DB.prepare('SELECT type FROM audit_events ORDER BY seq').all()).results.map((row) => row.type);

const names = (body: { dashboards: { name: string }[] }) =>
  body.dashboards.map((dashboard) => dashboard.name).sort();

describe('the shipped dashboards', () => {
  it('are installed with a new center, in its language, and audited with it', async () => {
    const { admin } = await center();
    const list = await admin.get('/api/dashboards');
    expect(list.status).toBe(200);
    expect(names(list.body)).toEqual(SHIPPED_DASHBOARDS.map((shipped) => shipped.names['zh-CN']).sort());
    expect(list.body.shippedMissing).toEqual([]);
    const created = await env.DB.prepare(
      "SELECT details FROM audit_events WHERE type = 'org.created'",
    ).first<{
      details: string;
    }>();
    expect(JSON.parse(created?.details ?? '{}').dashboards).toEqual(
      SHIPPED_DASHBOARDS.map((shipped) => shipped.template),
    );
  });

  it('are installable again, once each, for a center that removed one', async () => {
    const { admin } = await center();
    const cockpit = (await admin.get('/api/dashboards')).body.dashboards.find(
      (dashboard: { template: string | null }) => dashboard.template === 'operations-cockpit',
    );
    expect((await admin.delete(`/api/dashboards/${cockpit.id}`)).status).toBe(200);
    expect((await admin.get('/api/dashboards')).body.shippedMissing).toEqual(['operations-cockpit']);

    const installed = await admin.post('/api/dashboards/shipped', { locale: 'en' });
    expect(installed.status).toBe(201);
    expect(installed.body.installed.map((dashboard: { name: string }) => dashboard.name)).toEqual([
      'Operations cockpit',
    ]);
    expect(await auditTypes()).toContain('dashboard.shipped_installed');

    const before = await snapshotCounts();
    const again = await admin.post('/api/dashboards/shipped', { locale: 'en' });
    expect([again.status, again.body.installed]).toEqual([200, []]);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('name only metrics and breakdowns the catalog offers the roles they are shown to', async () => {
    const { admin, counselor, finance } = await center();
    const catalogs = {
      admin: (await admin.get('/api/reports/catalog')).body.metrics,
      counselor: (await counselor.get('/api/reports/catalog')).body.metrics,
      finance: (await finance.get('/api/reports/catalog')).body.metrics,
    };
    for (const shipped of SHIPPED_DASHBOARDS) {
      for (const widget of shipped.dashboard.widgets) {
        for (const metric of widget.metrics) {
          const entry = catalogs.admin.find((candidate: { metric: string }) => candidate.metric === metric);
          expect([shipped.template, metric, entry?.dimensions.includes(widget.dimension)]).toEqual([
            shipped.template,
            metric,
            true,
          ]);
          for (const role of ['counselor', 'finance'] as const) {
            if (!shipped.dashboard.roles.includes(role)) continue;
            const offered = catalogs[role].some(
              (candidate: { metric: string }) => candidate.metric === metric,
            );
            expect([shipped.template, role, metric, offered]).toEqual([shipped.template, role, metric, true]);
          }
        }
      }
    }
  });

  it('are shown to the roles they name: finance sees revenue, a counselor their workload', async () => {
    const { counselor, finance } = await center();
    expect(names((await finance.get('/api/dashboards')).body)).toEqual(['营收']);
    expect(names((await counselor.get('/api/dashboards')).body)).toEqual(['咨询师工作量']);
    expect((await counselor.get('/api/dashboards')).body.shippedMissing).toEqual([]);
  });
});

describe('who may use dashboards', () => {
  const id = crypto.randomUUID();
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/dashboards'],
    ['GET', `/api/dashboards/${id}`],
    ['POST', '/api/dashboards', workload()],
    ['POST', '/api/dashboards/shipped', { locale: 'en' }],
    ['PUT', `/api/dashboards/${id}`, workload()],
    ['DELETE', `/api/dashboards/${id}`],
  ];

  it('turns away a visitor without a session', async () => {
    await setUpOrganization();
    const before = await snapshotCounts();
    for (const [method, path, json] of routes) {
      const res = await new Browser().request(method as 'GET', path, json === undefined ? {} : { json });
      expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 401, 'no_session']);
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('lets only admins create, change, install or delete a dashboard', async () => {
    const { admin, counselor, finance } = await center();
    const created = await admin.post('/api/dashboards', workload());
    const before = await snapshotCounts();
    const writes: [string, string, unknown?][] = [
      ['POST', '/api/dashboards', workload()],
      ['POST', '/api/dashboards/shipped', { locale: 'en' }],
      ['PUT', `/api/dashboards/${created.body.id}`, workload({ roles: ['finance'] })],
      ['DELETE', `/api/dashboards/${created.body.id}`],
    ];
    for (const browser of [counselor, finance]) {
      for (const [method, path, json] of writes) {
        const res = await browser.request(method as 'GET', path, json === undefined ? {} : { json });
        expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 403, 'forbidden']);
      }
    }
    expect(await snapshotCounts()).toEqual(before);
    expect((await admin.get(`/api/dashboards/${created.body.id}`)).body.roles).toEqual(['counselor']);
  });

  it('shows a dashboard only to the roles it is shared with, and admins', async () => {
    const { admin, counselor, finance } = await center();
    const created = await admin.post('/api/dashboards', workload());

    expect((await counselor.get(`/api/dashboards/${created.body.id}`)).body).toEqual(created.body);
    const hidden = await finance.get(`/api/dashboards/${created.body.id}`);
    expect([hidden.status, hidden.body.error.code]).toEqual([404, 'not_found']);
    expect(names((await finance.get('/api/dashboards')).body)).not.toContain('Hours this year');

    await admin.put(`/api/dashboards/${created.body.id}`, workload({ roles: ['finance'] }));
    expect(names((await finance.get('/api/dashboards')).body)).toContain('Hours this year');
    expect((await counselor.get(`/api/dashboards/${created.body.id}`)).status).toBe(404);
  });
});

describe('composing dashboards', () => {
  it('creates, lists, changes and deletes a dashboard, auditing each change', async () => {
    const { admin } = await center();
    const created = await admin.post('/api/dashboards', workload());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ template: null, ...workload() });
    expect((await admin.get('/api/dashboards')).body.dashboards.map((d: { id: string }) => d.id)).toContain(
      created.body.id,
    );

    const reordered = workload({ name: 'Reordered', widgets: [...workload().widgets].reverse() });
    const updated = await admin.put(`/api/dashboards/${created.body.id}`, reordered);
    expect(updated.status).toBe(200);
    expect((await admin.get(`/api/dashboards/${created.body.id}`)).body).toMatchObject(reordered);

    expect((await admin.delete(`/api/dashboards/${created.body.id}`)).status).toBe(200);
    expect((await admin.get(`/api/dashboards/${created.body.id}`)).status).toBe(404);

    const trail = await env.DB.prepare(
      "SELECT type, details FROM audit_events WHERE type LIKE 'dashboard.%' AND subject = ? ORDER BY seq",
    )
      .bind(created.body.id)
      .all<{ type: string; details: string }>();
    expect(trail.results.map((row) => row.type)).toEqual([
      'dashboard.created',
      'dashboard.updated',
      'dashboard.deleted',
    ]);
    expect(JSON.parse(trail.results[1]?.details ?? '{}')).toEqual({
      name: 'Reordered',
      roles: ['counselor'],
      widgets: ['kpi:active_cases+sessions/none/this_month', 'line:hours/month/this_year'],
    });
  });

  it('keeps a metric the catalog does not offer yet: the viewer says it is unavailable', async () => {
    const { admin } = await center();
    const future = workload({
      widgets: [
        {
          id: 'x',
          title: '',
          metrics: ['client_lifetime_value'],
          dimension: 'none',
          period: 'this_year',
          chart: 'kpi',
        },
      ],
    });
    expect((await admin.post('/api/dashboards', future)).status).toBe(201);
  });

  it('keeps a widget’s filters — a counselor, a channel, a service type — and audits them', async () => {
    const { admin, center: org } = await center();
    const filtered = workload({
      widgets: [
        {
          id: 'couples',
          title: '',
          metrics: ['sessions'],
          dimension: 'month',
          period: 'this_year',
          chart: 'line',
          filters: { serviceType: 'couple', counselorId: org.admin.id },
        },
        {
          id: 'website',
          title: '',
          metrics: ['new_cases'],
          dimension: 'none',
          period: 'this_year',
          chart: 'kpi',
          filters: { channel: 'website' },
        },
      ],
    });
    const created = await admin.post('/api/dashboards', filtered);
    expect(created.status).toBe(201);
    expect((await admin.get(`/api/dashboards/${created.body.id}`)).body.widgets).toEqual(filtered.widgets);
    const cleared = workload({
      widgets: [{ ...(filtered.widgets[1] as DashboardInput['widgets'][number]), filters: {} }],
    });
    expect((await admin.put(`/api/dashboards/${created.body.id}`, cleared)).status).toBe(200);
    expect((await admin.get(`/api/dashboards/${created.body.id}`)).body.widgets[0].filters).toEqual({});
    const trail = await env.DB.prepare(
      "SELECT details FROM audit_events WHERE type = 'dashboard.created' AND subject = ?",
    )
      .bind(created.body.id)
      .first<{ details: string }>();
    expect(JSON.parse(trail?.details ?? '{}').widgets).toEqual([
      `line:sessions/month/this_year?counselorId=${org.admin.id}&serviceType=couple`,
      'kpi:new_cases/none/this_year?channel=website',
    ]);
  });

  it('refuses malformed dashboards with a clear 400 and writes nothing', async () => {
    const { admin } = await center();
    const [line] = workload().widgets;
    const before = await snapshotCounts();
    const malformed: unknown[] = [
      {},
      'not json',
      { ...workload(), name: '' },
      { ...workload(), roles: [] },
      { ...workload(), roles: ['counselor', 'counselor'] },
      { ...workload(), roles: ['janitor'] },
      { ...workload(), widgets: [line, line] },
      { ...workload(), widgets: [{ ...line, chart: 'radar' }] },
      { ...workload(), widgets: [{ ...line, period: 'forever' }] },
      { ...workload(), widgets: [{ ...line, metrics: [] }] },
      { ...workload(), widgets: [{ ...line, metrics: ['hours; DROP TABLE cases'] }] },
      { ...workload(), widgets: [{ ...line, dimension: 'none' }] },
      { ...workload(), widgets: [{ ...line, chart: 'kpi' }] },
      { ...workload(), widgets: [{ ...line, chart: 'pie', metrics: ['hours', 'sessions'] }] },
      { ...workload(), widgets: Array.from({ length: 25 }, (_, index) => ({ ...line, id: `w${index}` })) },
      { ...workload(), widgets: [{ ...line, filters: { channel: 'Web Site!' } }] },
      { ...workload(), widgets: [{ ...line, filters: { counselorId: 'not-a-uuid' } }] },
      { ...workload(), widgets: [{ ...line, filters: { colour: 'red' } }] },
      { ...workload(), widgets: [{ ...line, filters: 'website' }] },
    ];
    for (const body of malformed) {
      const res =
        body === 'not json'
          ? await admin.request('POST', '/api/dashboards', {
              body: '{',
              headers: { 'Content-Type': 'application/json' },
            })
          : await admin.post('/api/dashboards', body);
      expect([JSON.stringify(body)?.slice(0, 60), res.status, res.body.error.code]).toEqual([
        JSON.stringify(body)?.slice(0, 60),
        400,
        body === 'not json' ? 'malformed_json' : 'invalid_request',
      ]);
      expect(typeof res.body.error.message).toBe('string');
    }
    const badId = await admin.get('/api/dashboards/not-a-uuid');
    expect([badId.status, badId.body.error.code]).toEqual([400, 'invalid_request']);
    const missing = await admin.put(`/api/dashboards/${crypto.randomUUID()}`, workload());
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
    const badLocale = await admin.post('/api/dashboards/shipped', { locale: 'fr' });
    expect([badLocale.status, badLocale.body.error.code]).toEqual([400, 'invalid_request']);
    expect(await snapshotCounts()).toEqual(before);
  });
});
