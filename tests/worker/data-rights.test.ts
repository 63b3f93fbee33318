import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessionNoteForm } from '../../core/forms/templates/index.js';
import { fromBase64Url, randomBytes, toBase64Url } from '../../crypto/bytes.js';
import { sealInboxSubmission } from '../../crypto/sealed.js';
import {
  type CaseContext,
  createCase,
  createClient,
  openCase,
  uploadAttachment,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import { exportClientData } from '../../web/src/lib/protocol/data-rights.js';
import { Browser } from './support/client.js';
import { countRows, snapshotCounts } from './support/database.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, type Member, type Organization, setUpOrganization } from './support/scenario.js';

/** Retention and crypto-shredding (issue 11): a director asks, a key holder confirms. */

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

const noteValues = {
  session_date: '2026-11-20',
  session_number: 1,
  duration_minutes: 50,
  modality: 'in_person',
  presenting_issues: '睡眠问题',
  risk_level: 'none',
};

async function rowsAbout(caseId: string): Promise<Record<string, number>> {
  const tables = ['case_key_wraps', 'case_epochs', 'case_records', 'case_log', 'attachments'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE case_id = ?`)
      .bind(caseId)
      .first<{ n: number }>();
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

async function r2Keys(prefix: string): Promise<string[]> {
  return (await env.ATTACHMENTS.list({ prefix })).objects.map((object) => object.key);
}

/** A client fills a portal form: the answers are sealed to the case inbox key (PROTOCOL §7). */
async function sealedPortalAnswers(caseId: string, counselorBrowser: Browser) {
  const link = await counselorBrowser.post(`/api/cases/${caseId}/portal/links`, { form: 'phq-9@1' });
  const token = link.body.token as string;
  const client = new Browser();
  const opened = await client.post('/api/portal/open', { token });
  const scores = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, 0]));
  const operational = { completed_on: '2026-05-04', phq9_total: 0 };
  const sealed = sealInboxSubmission(fromBase64Url(opened.body.inboxPk), caseId, opened.body.submissionId, {
    ...operational,
    ...scores,
  });
  const submitted = await client.post('/api/portal/submit', {
    token,
    enc: toBase64Url(sealed.enc),
    ct: toBase64Url(sealed.ct),
    operational,
  });
  expect(submitted.status).toBe(201);
}

describe('data rights', () => {
  let center: Organization;
  let director: Member;
  let member: Member;
  let counselor: CaseContext;
  let clientId: string;

  async function closedCase(serviceType: 'individual' | 'couple' = 'individual'): Promise<string> {
    const { id } = await createCase(counselor, { clientId, serviceType, channel: 'in_person' });
    await writeRecord(counselor, await openCase(counselor, id), {
      form: sessionNoteForm,
      values: noteValues,
    });
    expect((await member.browser.patch(`/api/cases/${id}`, { status: 'closed' })).status).toBe(200);
    return id;
  }

  beforeEach(async () => {
    center = await setUpOrganization();
    director = await addMember(center, ['director']);
    member = await addMember(center, ['counselor']);
    counselor = await caseContextFor(member.browser, member.account);
    clientId = (await createClient(counselor, { card: { name: '删除测试', phone: '13800000000' } })).id;
    const stale = await env.ATTACHMENTS.list();
    if (stale.objects.length > 0) await env.ATTACHMENTS.delete(stale.objects.map((object) => object.key));
  });

  describe('retention', () => {
    it('lists closed cases whose retention ran out, and only those', async () => {
      const old = await closedCase('individual');
      const kept = await closedCase('couple');
      await createCase(counselor, { clientId, serviceType: 'individual', channel: 'video' });
      // Closed eleven years ago: D1 is the clock of record here.
      await env.DB.prepare('UPDATE cases SET closed_at = ? WHERE id = ?')
        .bind(Date.now() - 11 * YEAR_MS, old)
        .run();

      const set = await director.browser.put('/api/retention/policies', {
        policies: [
          { serviceType: 'individual', keepYears: 10 },
          { serviceType: 'couple', keepYears: 10 },
        ],
      });
      const due = await director.browser.get('/api/retention/due');

      expect(set.status).toBe(200);
      expect(set.body.policies).toHaveLength(2);
      expect(due.body.cases.map((item: { case: { id: string } }) => item.case.id)).toEqual([old]);
      expect(due.body.cases[0]).toMatchObject({ keepYears: 10, destruction: null });
      expect(due.body.cases.map((item: { case: { id: string } }) => item.case.id)).not.toContain(kept);
    });

    it('is set by directors only, validated, and audited', async () => {
      const before = await snapshotCounts();
      const policies = { policies: [{ serviceType: 'individual', keepYears: 10 }] };
      expect((await new Browser().put('/api/retention/policies', policies)).status).toBe(401);
      expect((await member.browser.put('/api/retention/policies', policies)).status).toBe(403);
      expect((await member.browser.get('/api/retention/due')).status).toBe(403);
      expect((await new Browser().get('/api/retention/policies')).status).toBe(401);
      expect((await new Browser().get('/api/retention/due')).status).toBe(401);
      expect((await member.browser.get('/api/retention/policies')).status).toBe(403);
      expect((await center.adminBrowser.get('/api/retention/policies')).status).toBe(200);
      const zero = await director.browser.put('/api/retention/policies', {
        policies: [{ serviceType: 'individual', keepYears: 0 }],
      });
      const twice = await director.browser.put('/api/retention/policies', {
        policies: [
          { serviceType: 'individual', keepYears: 5 },
          { serviceType: 'individual', keepYears: 6 },
        ],
      });
      const unknown = await director.browser.put('/api/retention/policies', {
        policies: [{ serviceType: 'astrology', keepYears: 5 }],
      });
      expect([zero.status, twice.status, unknown.status]).toEqual([400, 400, 400]);
      expect(await snapshotCounts()).toEqual(before);

      await director.browser.put('/api/retention/policies', policies);
      const audit = await center.adminBrowser.get('/api/audit?type=retention.policy_set');
      expect(audit.body.events[0].details).toEqual({
        policies: [{ serviceType: 'individual', keepYears: 10 }],
      });
    });
  });

  describe('crypto-shredding', () => {
    it('destroys every key and all ciphertext of the case, leaves a tombstone, and nothing else', async () => {
      const doomed = await closedCase();
      const other = await closedCase();
      const opened = await openCase(counselor, doomed);
      await uploadAttachment(counselor, opened, randomBytes(70_000));
      const otherRowsBefore = await rowsAbout(other);
      const otherObjectsBefore = await r2Keys(`cases/${other}/`);

      const asked = await director.browser.post(`/api/cases/${doomed}/destruction`, {
        reason: 'subject_request',
      });
      const pending = await member.browser.get('/api/destructions');
      const confirmed = await member.browser.post(`/api/destructions/${asked.body.id}/confirm`);

      expect(asked.status).toBe(201);
      expect(pending.body.destructions.map((d: { id: string }) => d.id)).toEqual([asked.body.id]);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.destruction.status).toBe('destroyed');
      expect(confirmed.body.removed).toMatchObject({
        caseKeyWraps: 2,
        records: 1,
        logEntries: 1,
        attachments: 1,
        attachmentObjects: 2,
        contactCard: false,
      });
      expect(await rowsAbout(doomed)).toEqual({
        case_key_wraps: 0,
        case_epochs: 0,
        case_records: 0,
        case_log: 0,
        attachments: 0,
      });
      expect(await r2Keys(`cases/${doomed}/`)).toEqual([]);
      // Not the counselor, not the recovery ceremony: nobody is handed a key any more.
      expect((await member.browser.get(`/api/cases/${doomed}`)).status).toBe(404);
      const recoverable = await director.browser.get(
        `/api/recovery/cases?primaryCounselor=${member.account.id}`,
      );
      expect(recoverable.body.cases.map((item: { case: { id: string } }) => item.case.id)).toEqual([other]);
      // The other case of the same client is untouched and still opens and verifies.
      expect(await rowsAbout(other)).toEqual(otherRowsBefore);
      expect(await r2Keys(`cases/${other}/`)).toEqual(otherObjectsBefore);
      expect((await openCase(counselor, other)).records).toHaveLength(1);

      const tombstone = await center.adminBrowser.get(`/api/audit?subject=${doomed}&type=case.destroyed`);
      expect(tombstone.body.events).toHaveLength(1);
      expect(tombstone.body.events[0]).toMatchObject({
        actor: member.account.id,
        details: { reason: 'subject_request', requestedBy: director.account.id, clientId },
      });
    });

    it("shreds the contact card, portal answers and reminder address with the client's last case", async () => {
      const only = await closedCase();
      await sealedPortalAnswers(only, member.browser);
      const unused = await member.browser.post(`/api/cases/${only}/portal/links`, { form: 'phq-9@1' });
      await env.DB.prepare(
        'INSERT INTO client_reminder_addresses (client_id, email, opted_in_at, recorded_by) VALUES (?, ?, ?, ?)',
      )
        .bind(clientId, 'client@example.test', Date.now(), member.account.id)
        .run();
      const asked = await director.browser.post(`/api/cases/${only}/destruction`, {
        reason: 'retention_expired',
      });

      const confirmed = await member.browser.post(`/api/destructions/${asked.body.id}/confirm`);

      expect(confirmed.body.removed).toMatchObject({
        contactCard: true,
        contactKeyWraps: 1,
        portalSubmissions: 1,
      });
      expect(await countRows('portal_submissions')).toBe(0);
      expect(await countRows('client_reminder_addresses')).toBe(0);
      const link = await env.DB.prepare('SELECT revoked_at FROM portal_links WHERE id = ?')
        .bind(unused.body.link.id)
        .first<{ revoked_at: number | null }>();
      expect(link?.revoked_at).not.toBeNull();
      const client = await env.DB.prepare('SELECT contact_envelope FROM clients WHERE id = ?')
        .bind(clientId)
        .first<{ contact_envelope: string }>();
      expect(client?.contact_envelope).toBe('');
      expect((await member.browser.get(`/api/clients/${clientId}`)).status).toBe(404);
    });

    it('needs two different people: the requester cannot confirm, a non-holder cannot either', async () => {
      const doomed = await closedCase();
      const stranger = await addMember(center, ['counselor']);
      const holderDirector = await addMember(center, ['director', 'counselor']);
      const asked = await director.browser.post(`/api/cases/${doomed}/destruction`, { reason: 'other' });
      const before = await snapshotCounts();

      expect((await new Browser().post(`/api/destructions/${asked.body.id}/confirm`)).status).toBe(401);
      expect((await stranger.browser.post(`/api/destructions/${asked.body.id}/confirm`)).status).toBe(404);
      expect((await director.browser.post(`/api/destructions/${asked.body.id}/confirm`)).status).toBe(404);
      expect((await member.browser.post(`/api/destructions/${crypto.randomUUID()}/confirm`)).status).toBe(
        404,
      );
      expect((await member.browser.post('/api/destructions/not-a-uuid/confirm')).status).toBe(400);
      expect((await new Browser().post(`/api/destructions/${asked.body.id}/cancel`)).status).toBe(401);
      expect((await stranger.browser.post(`/api/destructions/${asked.body.id}/cancel`)).status).toBe(404);
      expect((await member.browser.post('/api/destructions/not-a-uuid/cancel')).status).toBe(400);
      expect((await new Browser().get('/api/destructions')).status).toBe(401);
      expect((await stranger.browser.get('/api/destructions')).body.destructions).toEqual([]);
      expect(await snapshotCounts()).toEqual(before);

      // A director who also holds the key still cannot confirm their own request.
      const own = await caseContextFor(holderDirector.browser, holderDirector.account);
      const ownClient = await createClient(own, { card: { name: '自己的来访者' } });
      const ownCase = (
        await createCase(own, { clientId: ownClient.id, serviceType: 'crisis', channel: 'phone' })
      ).id;
      await holderDirector.browser.patch(`/api/cases/${ownCase}`, { status: 'closed' });
      const mine = await holderDirector.browser.post(`/api/cases/${ownCase}/destruction`, {
        reason: 'other',
      });
      const selfConfirmed = await holderDirector.browser.post(`/api/destructions/${mine.body.id}/confirm`);
      expect(selfConfirmed.status).toBe(403);
      expect(selfConfirmed.body.error.code).toBe('self_approval');
    });

    it('refuses open cases, duplicates, other roles and malformed requests', async () => {
      const open = (await createCase(counselor, { clientId, serviceType: 'individual', channel: 'video' }))
        .id;
      const closed = await closedCase();
      const before = await snapshotCounts();

      expect((await new Browser().post(`/api/cases/${closed}/destruction`, { reason: 'other' })).status).toBe(
        401,
      );
      expect(
        (await member.browser.post(`/api/cases/${closed}/destruction`, { reason: 'other' })).status,
      ).toBe(403);
      expect(
        (await director.browser.post(`/api/cases/${closed}/destruction`, { reason: 'boredom' })).status,
      ).toBe(400);
      expect(
        (await director.browser.post(`/api/cases/${crypto.randomUUID()}/destruction`, { reason: 'other' }))
          .status,
      ).toBe(404);
      const early = await director.browser.post(`/api/cases/${open}/destruction`, { reason: 'other' });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('case_not_closed');
      expect(await snapshotCounts()).toEqual(before);

      expect(
        (await director.browser.post(`/api/cases/${closed}/destruction`, { reason: 'other' })).status,
      ).toBe(201);
      const again = await director.browser.post(`/api/cases/${closed}/destruction`, { reason: 'other' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_requested');
    });

    it('lets the key holder refuse, after which the case stays and cannot be confirmed', async () => {
      const kept = await closedCase();
      const asked = await director.browser.post(`/api/cases/${kept}/destruction`, {
        reason: 'retention_expired',
      });

      const refused = await member.browser.post(`/api/destructions/${asked.body.id}/cancel`);
      const late = await member.browser.post(`/api/destructions/${asked.body.id}/confirm`);

      expect(refused.status).toBe(200);
      expect(refused.body.status).toBe('cancelled');
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('request_not_pending');
      expect((await openCase(counselor, kept)).records).toHaveLength(1);
      expect(
        (await director.browser.post(`/api/cases/${kept}/destruction`, { reason: 'other' })).status,
      ).toBe(201);
    });
  });

  describe('client export', () => {
    it("puts the client's card and every case the holder has into one document, and audits it", async () => {
      const first = await closedCase();
      const second = (await createCase(counselor, { clientId, serviceType: 'couple', channel: 'video' })).id;

      const exported = await exportClientData(counselor, clientId);

      expect(exported.client).toEqual({ id: clientId, contact: { name: '删除测试', phone: '13800000000' } });
      expect(exported.cases.map((item) => item.case.id).sort()).toEqual([first, second].sort());
      const withNote = exported.cases.find((item) => item.case.id === first);
      expect(withNote?.records[0]?.fields).toMatchObject({ presenting_issues: '睡眠问题' });
      const audit = await center.adminBrowser.get(`/api/audit?subject=${clientId}&type=client.exported`);
      expect(audit.body.events[0]).toMatchObject({ actor: member.account.id });
      expect(audit.body.events[0].details.cases.sort()).toEqual([first, second].sort());
    });

    it('is refused to anyone who cannot open the client, and to malformed requests', async () => {
      const stranger = await addMember(center, ['counselor']);
      const before = await snapshotCounts();
      const body = { cases: [] };
      expect((await new Browser().post(`/api/clients/${clientId}/exports`, body)).status).toBe(401);
      expect((await stranger.browser.post(`/api/clients/${clientId}/exports`, body)).status).toBe(404);
      expect((await director.browser.post(`/api/clients/${clientId}/exports`, body)).status).toBe(404);
      expect((await member.browser.post(`/api/clients/${clientId}/exports`, { cases: ['x'] })).status).toBe(
        400,
      );
      expect((await member.browser.post('/api/clients/nope/exports', body)).status).toBe(400);
      expect(await snapshotCounts()).toEqual(before);
    });
  });
});
