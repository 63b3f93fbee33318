import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessionViewSchema } from '../../core/api/index.js';
import { auditGenesisHead, nextAuditHead, signAuditCheckpoint } from '../../crypto/audit-log.js';
import { fromBase64Url, toHex } from '../../crypto/bytes.js';
import { signAuditHead, verifyServerAuditChain } from '../../web/src/lib/protocol/audit.js';
import {
  type CaseContext,
  createCase,
  createClient,
  openCase,
} from '../../web/src/lib/protocol/cases/index.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { apiClientFor, caseContextFor } from './support/protocol-client.js';
import { addMember, type Member, type Organization, setUpOrganization } from './support/scenario.js';

/** The audit viewer (issue 11): filters, access reports, exports and chain verification. */

interface ServedEvent {
  seq: number;
  at: number;
  actor: string | null;
  type: string;
  subject: string | null;
}

async function verifyAsAdmin(center: Organization, sign = false) {
  const api = apiClientFor(center.adminBrowser);
  const view = await api.get('/api/auth/session', sessionViewSchema);
  const verdict = await verifyServerAuditChain(api, view.org.id, fromBase64Url(view.org.rootPk));
  if (sign && verdict.intact) {
    await signAuditHead(
      api,
      (n, head) => signAuditCheckpoint(center.admin.keys.ed25519Seed, n, head),
      verdict.verifiedThroughSeq,
      verdict.head,
    );
  }
  return verdict;
}

describe('audit viewer', () => {
  let center: Organization;
  let director: Member;
  let member: Member;
  let counselor: CaseContext;
  let caseId: string;
  let clientId: string;

  beforeEach(async () => {
    center = await setUpOrganization();
    director = await addMember(center, ['director']);
    member = await addMember(center, ['counselor']);
    counselor = await caseContextFor(member.browser, member.account);
    clientId = (await createClient(counselor, { card: { name: '审计测试' } })).id;
    caseId = (await createCase(counselor, { clientId, serviceType: 'individual', channel: 'in_person' })).id;
    await openCase(counselor, caseId);
  });

  describe('filters', () => {
    it('filters by person, case, action and period, and pages within the filter', async () => {
      const byActor = await center.adminBrowser.get(`/api/audit?actor=${member.account.id}`);
      const bySubject = await center.adminBrowser.get(`/api/audit?subject=${caseId}`);
      const byType = await center.adminBrowser.get('/api/audit?type=case.read');
      const all = (await center.adminBrowser.get('/api/audit?limit=200')).body.events as ServedEvent[];
      const middle = all[Math.floor(all.length / 2)] as ServedEvent;
      const byPeriod = await center.adminBrowser.get(`/api/audit?from=${middle.at}&to=${middle.at + 1}`);
      const firstPage = await center.adminBrowser.get(`/api/audit?subject=${caseId}&limit=1`);
      const secondPage = await center.adminBrowser.get(
        `/api/audit?subject=${caseId}&limit=1&before=${firstPage.body.nextBefore}`,
      );

      expect(byActor.body.events.every((event: ServedEvent) => event.actor === member.account.id)).toBe(true);
      expect(byActor.body.events.map((event: ServedEvent) => event.type)).toContain('case.created');
      expect(bySubject.body.events.map((event: ServedEvent) => event.type)).toEqual([
        'case.read',
        'case.created',
      ]);
      expect(byType.body.events).toHaveLength(1);
      expect(byPeriod.body.events.length).toBeGreaterThan(0);
      expect(byPeriod.body.events.every((event: ServedEvent) => event.at === middle.at)).toBe(true);
      expect(firstPage.body.events.map((event: ServedEvent) => event.type)).toEqual(['case.read']);
      expect(secondPage.body.events.map((event: ServedEvent) => event.type)).toEqual(['case.created']);
      expect(secondPage.body.nextBefore).toBeNull();
    });

    it('refuses strangers and malformed filters', async () => {
      expect((await new Browser().get('/api/audit')).status).toBe(401);
      expect((await member.browser.get('/api/audit')).status).toBe(403);
      for (const query of ['actor=bob', 'type=DROP TABLE', 'from=-1', 'to=soon', 'limit=1000']) {
        const res = await director.browser.get(`/api/audit?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.body.error.code).toBe('invalid_request');
      }
    });
  });

  describe('who accessed this case', () => {
    it('shows the counselor every event on their own case, and records that they looked', async () => {
      const report = await member.browser.get(`/api/cases/${caseId}/access-log`);

      expect(report.status).toBe(200);
      expect(report.body.events.map((event: ServedEvent) => [event.type, event.actor])).toEqual([
        ['case.created', member.account.id],
        ['case.read', member.account.id],
      ]);
      const looked = await center.adminBrowser.get(
        `/api/audit?type=audit.access_report_read&subject=${caseId}`,
      );
      expect(looked.body.events).toHaveLength(1);
    });

    it("answers a client's request through a director, across the client's cases", async () => {
      const second = (await createCase(counselor, { clientId, serviceType: 'couple', channel: 'video' })).id;

      const report = await director.browser.get(`/api/clients/${clientId}/access-log`);

      expect(report.status).toBe(200);
      const subjects = new Set(report.body.events.map((event: ServedEvent) => event.subject));
      expect(subjects).toEqual(new Set([clientId, caseId, second]));
      expect(report.body.events.map((event: ServedEvent) => event.type)).toContain('client.created');
    });

    it('refuses anyone else, and malformed ids', async () => {
      const stranger = await addMember(center, ['counselor']);
      const before = await snapshotCounts();
      expect((await new Browser().get(`/api/cases/${caseId}/access-log`)).status).toBe(401);
      expect((await stranger.browser.get(`/api/cases/${caseId}/access-log`)).status).toBe(404);
      expect((await center.adminBrowser.get(`/api/cases/${caseId}/access-log`)).status).toBe(404);
      expect((await director.browser.get(`/api/cases/${crypto.randomUUID()}/access-log`)).status).toBe(404);
      expect((await director.browser.get('/api/cases/nope/access-log')).status).toBe(400);
      expect((await member.browser.get(`/api/clients/${clientId}/access-log`)).status).toBe(403);
      expect((await director.browser.get(`/api/clients/${crypto.randomUUID()}/access-log`)).status).toBe(404);
      expect(await snapshotCounts()).toEqual(before);
    });
  });

  describe('export', () => {
    it('records an export of the log with its format and filter', async () => {
      const res = await director.browser.post('/api/audit/exports', {
        format: 'csv',
        filter: { subject: caseId },
        events: 2,
      });

      expect(res.status).toBe(201);
      const logged = await director.browser.get('/api/audit?type=audit.exported');
      expect(logged.body.events[0]).toMatchObject({
        actor: director.account.id,
        details: { format: 'csv', events: 2, filter: { subject: caseId } },
      });
    });

    it('refuses strangers and malformed exports', async () => {
      const before = await snapshotCounts();
      const body = { format: 'json', filter: {}, events: 1 };
      expect((await new Browser().post('/api/audit/exports', body)).status).toBe(401);
      expect((await member.browser.post('/api/audit/exports', body)).status).toBe(403);
      expect((await director.browser.post('/api/audit/exports', { ...body, format: 'xlsx' })).status).toBe(
        400,
      );
      expect(
        (await director.browser.post('/api/audit/exports', { ...body, filter: { evil: 1 } })).status,
      ).toBe(400);
      expect(await snapshotCounts()).toEqual(before);
    });
  });

  describe('verification', () => {
    it('replays an untouched chain and its checkpoints', async () => {
      await verifyAsAdmin(center, true);
      await openCase(counselor, caseId);

      const verdict = await verifyAsAdmin(center);

      expect(verdict).toMatchObject({ intact: true, checkpoints: 1 });
    });

    it('names the first event whose row was edited in D1', async () => {
      const { seq } = (await env.DB.prepare(
        "SELECT seq FROM audit_events WHERE type = 'case.read' LIMIT 1",
      ).first<{ seq: number }>()) as { seq: number };
      await env.DB.prepare('UPDATE audit_events SET actor_user_id = ? WHERE seq = ?')
        .bind(director.account.id, seq)
        .run();

      expect(await verifyAsAdmin(center)).toEqual({ intact: false, brokenAtSeq: seq, reason: 'altered' });
    });

    it('names a deleted event, and history rewritten behind a signed checkpoint', async () => {
      await verifyAsAdmin(center, true);
      const { n } = (await center.adminBrowser.get('/api/audit/head')).body;
      // Rewrite event 2 and recompute every later hash, as a server covering its tracks would.
      await env.DB.prepare("UPDATE audit_events SET details = '{}' WHERE seq = 2").run();
      const rows = await env.DB.prepare('SELECT * FROM audit_events ORDER BY seq').all();
      let head = auditGenesisHead(center.org.id);
      for (const row of rows.results as Record<string, string | number | null>[]) {
        const prev = toHex(head);
        head = nextAuditHead(head, {
          seq: row.seq,
          at: row.at,
          actor: row.actor_user_id,
          type: row.type,
          subject: row.subject,
          details: JSON.parse(String(row.details)),
        });
        await env.DB.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?')
          .bind(prev, toHex(head), row.seq)
          .run();
      }
      expect(await verifyAsAdmin(center)).toEqual({
        intact: false,
        brokenAtSeq: n - 1,
        reason: 'checkpoint',
      });

      await env.DB.prepare('DELETE FROM audit_events WHERE seq = 3').run();
      expect(await verifyAsAdmin(center)).toEqual({ intact: false, brokenAtSeq: 3, reason: 'missing' });
    });
  });
});
