import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sessionViewSchema } from '../../core/api/index.js';
import { verifyAuditChain } from '../../crypto/audit-log.js';
import { fromBase64Url, toHex } from '../../crypto/bytes.js';
import { verifyServerAuditChain } from '../../web/src/lib/protocol/audit.js';
import { createCase, createClient, openCase } from '../../web/src/lib/protocol/cases/index.js';
import { allEvents, hashedPart, type ServedEvent } from './support/audit-events.js';
import { apiClientFor, caseContextFor } from './support/protocol-client.js';
import { addMember, login, type Organization, setUpOrganization } from './support/scenario.js';

/**
 * Issue 12: audited writes under concurrent load. Each write commits its event in its own
 * transaction with a seq SQLite assigns, and the chain's hashes are sealed after the responses
 * (worker/audit-seal.ts), so no writer loses a race for the head and none retries or fails.
 */

async function unsealedCount(): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM audit_events WHERE hash IS NULL').first<{
    n: number;
  }>();
  return row?.n ?? -1;
}

async function expectIntactChain(center: Organization, events: ServedEvent[]) {
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
  const replayed = verifyAuditChain(center.org.id, events.map(hashedPart), []);
  const head = (await center.adminBrowser.get('/api/audit/head')).body;
  expect(head).toEqual({ n: events.length, head: toHex(replayed) });
  // The web client's own verifier (the audit viewer) agrees.
  const api = apiClientFor(center.adminBrowser);
  const view = await api.get('/api/auth/session', sessionViewSchema);
  expect(await verifyServerAuditChain(api, view.org.id, fromBase64Url(view.org.rootPk))).toMatchObject({
    intact: true,
    verifiedThroughSeq: events.length,
  });
}

describe('audit chain under concurrent writes', () => {
  it('commits 60 simultaneous audited writes of three kinds, every one answered 2xx, in one intact chain', async () => {
    const center = await setUpOrganization();
    const member = await addMember(center, ['counselor']);
    const counselor = await caseContextFor(member.browser, member.account);
    const clientId = (await createClient(counselor, { card: { name: '并发审计' } })).id;
    const caseId = (
      await createCase(counselor, { clientId, serviceType: 'individual', channel: 'in_person' })
    ).id;
    await openCase(counselor, caseId);
    const before = (await allEvents(center.adminBrowser)).length;

    const reads = Array.from({ length: 20 }, () => member.browser.get(`/api/cases/${caseId}`));
    const exports = Array.from({ length: 20 }, (_, index) =>
      center.adminBrowser.post('/api/audit/exports', { format: 'json', filter: {}, events: index }),
    );
    const logins = Array.from({ length: 20 }, () => login(center.admin));
    const answers = await Promise.all([...reads, ...exports, ...logins]);

    expect(answers.map((answer) => answer.status).filter((status) => status >= 300)).toEqual([]);
    expect(await unsealedCount()).toBe(0);
    const events = await allEvents(center.adminBrowser);
    const added = events.slice(before);
    const count = (type: string) => added.filter((event) => event.type === type).length;
    expect([count('case.read'), count('audit.exported'), count('auth.login')]).toEqual([20, 20, 20]);
    expect(added).toHaveLength(60);
    expect(new Set(added.map((event) => event.details.events)).size).toBe(21);
    await expectIntactChain(center, events);
  });

  it('seals events whose request ended before sealing them when the chain is next read', async () => {
    const center = await setUpOrganization();
    await login(center.admin);
    // As a request cut off between its commit and its seal leaves them: committed, not hashed.
    const at = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO audit_events (at, actor_user_id, type, subject, details) VALUES (?, ?, 'auth.logout', ?, '{}')",
      ).bind(at, center.admin.id, center.admin.id),
      env.DB.prepare(
        'INSERT INTO audit_events (at, actor_user_id, type, subject, details) VALUES (?, ?, \'audit.exported\', NULL, \'{"format":"csv"}\')',
      ).bind(at + 1, center.admin.id),
    ]);
    expect(await unsealedCount()).toBe(2);

    const events = await allEvents(center.adminBrowser);

    expect(events.slice(-2).map((event) => [event.type, event.details])).toEqual([
      ['auth.logout', {}],
      ['audit.exported', { format: 'csv' }],
    ]);
    expect(await unsealedCount()).toBe(0);
    await expectIntactChain(center, events);
  });
});
