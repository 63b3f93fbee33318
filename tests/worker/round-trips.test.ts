import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sessionNoteForm } from '../../core/forms/templates/index.js';
import { createCase, createClient, openCase, writeRecord } from '../../web/src/lib/protocol/cases/index.js';
import { app } from '../../worker/app.js';
import { sessionNote } from './support/case-notes.js';
import { Browser } from './support/client.js';
import { caseContextFor } from './support/protocol-client.js';
import { OVER_BUDGET } from './support/round-trip-debts.js';
import { addMember, login, setUpOrganization } from './support/scenario.js';
import { countingD1, D1_ROUND_TRIP_BUDGET, roundTripsSeen, routeOf } from './support/worker-fetch.js';

/**
 * Issue 12: D1 round trips per request. Every worker test's requests are counted and held to the
 * budget (support/worker-fetch.ts); this file checks the counter itself, keeps the list of routes
 * still over budget honest, and walks the hottest routes — the ones the load benchmark drives.
 */

const routesOfApp = new Set(
  app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`),
);

describe('D1 round trips', () => {
  it('counts a statement, a batch and an exec as one round trip each', async () => {
    let count = 0;
    const db = countingD1(env.DB, () => count++);
    await db.prepare('SELECT 1').first();
    expect(count).toBe(1);
    await db.batch([db.prepare('SELECT 1'), db.prepare('SELECT ?1').bind(2)]);
    expect(count).toBe(2);
    await db.prepare('SELECT ?1 AS n').bind(3).all();
    expect(count).toBe(3);
    await db.exec('SELECT 1');
    expect(count).toBe(4);
  });

  it('names each request by the Hono route it lands on', () => {
    expect(routeOf('GET', '/api/cases/0a1b2c3d-0000-4000-8000-000000000000')).toBe('GET /api/cases/:id');
    expect(routeOf('POST', '/api/auth/login')).toBe('POST /api/auth/login');
  });

  it('lists as over budget only routes the app has, each above the budget', () => {
    for (const [route, allowed] of Object.entries(OVER_BUDGET)) {
      expect([...routesOfApp], route).toContain(route);
      expect(allowed, route).toBeGreaterThan(D1_ROUND_TRIP_BUDGET);
    }
  });

  it('keeps login, the case list, opening a case and saving a record within 3', async () => {
    const center = await setUpOrganization();
    const member = await addMember(center, ['counselor']);
    const browser = new Browser();
    expect((await login(member.account, browser)).status).toBe(200);
    const counselor = await caseContextFor(member.browser, member.account);
    const client = await createClient(counselor, { card: { name: '韩梅梅' } });
    const { id } = await createCase(counselor, {
      clientId: client.id,
      serviceType: 'individual',
      channel: 'in_person',
    });
    const opened = await openCase(counselor, id);
    await writeRecord(counselor, opened, { form: sessionNoteForm, values: sessionNote(1, '第一次会谈') });
    expect((await member.browser.get('/api/cases')).status).toBe(200);
    for (const route of [
      'POST /api/auth/login',
      'GET /api/cases',
      'GET /api/cases/:id',
      'POST /api/cases/:id/records',
    ]) {
      expect(roundTripsSeen.get(route), route).toBeLessThanOrEqual(D1_ROUND_TRIP_BUDGET);
    }
  });
});
