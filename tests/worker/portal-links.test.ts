import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { caseWrap, recipientOf } from './support/case-files.js';
import { Browser } from './support/client.js';
import { DAY, HOUR } from './support/clock.js';
import { snapshotCounts } from './support/database.js';
import { counselorWithCase, createLink } from './support/portal.js';
import { addMember } from './support/scenario.js';

describe('portal links: made by a key holder', () => {
  it('makes a one-time link whose token is stored only as a hash, and audits it', async () => {
    const { counselor, file } = await counselorWithCase();

    const res = await createLink(file, counselor);

    expect(res.status).toBe(201);
    expect(res.body.link).toMatchObject({ caseId: file.caseId, form: 'phq-9@1', epoch: 0, status: 'open' });
    expect(res.body.link.expiresAt - res.body.link.createdAt).toBe(72 * HOUR);
    const stored = await env.DB.prepare('SELECT * FROM portal_links').all();
    expect(JSON.stringify(stored.results)).not.toContain(res.body.token);
    const listed = await counselor.browser.get(`/api/cases/${file.caseId}/portal`);
    expect(listed.body.links).toEqual([res.body.link]);
    const audit = await env.DB.prepare("SELECT * FROM audit_events WHERE type = 'portal.link_created'").all();
    expect(audit.results).toHaveLength(1);
  });

  it('refuses the unauthenticated, someone without the case key, and a read-only holder', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const outsider = await addMember(center, ['counselor']);
    const supervisor = await addMember(center, ['supervisor']);
    const requestId = crypto.randomUUID();
    await supervisor.browser.post(`/api/cases/${file.caseId}/access-requests`, {
      id: requestId,
      reason: 'supervision',
      perm: 'read',
      durationMs: DAY,
    });
    await counselor.browser.post(`/api/access-requests/${requestId}/decision`, { decision: 'approve' });
    const wrap = caseWrap({
      orgId: center.org.id,
      caseId: file.caseId,
      epoch: 0,
      granter: counselor.account,
      to: recipientOf(supervisor.account),
      perm: 'read',
      expiresAt: Date.now() + DAY,
      key: file.key,
    });
    expect(
      (await counselor.browser.post(`/api/cases/${file.caseId}/grants`, { epoch: 0, requestId, wrap }))
        .status,
    ).toBe(201);
    const before = await snapshotCounts();

    const anonymous = await new Browser().post(`/api/cases/${file.caseId}/portal/links`, { form: 'phq-9@1' });
    const stranger = await createLink(file, outsider);
    const readOnly = await createLink(file, supervisor);

    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'no_session']);
    expect([stranger.status, stranger.body.error.code]).toEqual([404, 'not_found']);
    expect([readOnly.status, readOnly.body.error.code]).toEqual([403, 'write_required']);
    expect((await new Browser().get(`/api/cases/${file.caseId}/portal`)).status).toBe(401);
    expect((await outsider.browser.get(`/api/cases/${file.caseId}/portal`)).status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('makes links only for the portal forms, with a bounded lifetime', async () => {
    const { counselor, file } = await counselorWithCase();
    const before = await snapshotCounts();

    const note = await createLink(file, counselor, 'session-note@1');
    const unknown = await createLink(file, counselor, 'phq-9@7');
    const tooLong = await createLink(file, counselor, 'gad-7@1', { expiresInHours: 24 * 15 });
    const malformed = await counselor.browser.request('POST', `/api/cases/${file.caseId}/portal/links`, {
      body: '{"form":',
      headers: { 'Content-Type': 'application/json' },
    });

    expect([note.status, note.body.error.code]).toEqual([400, 'unknown_form']);
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'unknown_form']);
    expect([tooLong.status, tooLong.body.error.code]).toEqual([400, 'invalid_request']);
    expect(malformed.status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
    expect((await createLink(file, counselor, 'satisfaction-survey@1', { expiresInHours: 1 })).status).toBe(
      201,
    );
  });
});
