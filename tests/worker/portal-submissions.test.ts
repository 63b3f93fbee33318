import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, randomBytes, toBase64Url } from '../../crypto/bytes.js';
import { openCaseInboxKey } from '../../crypto/key-chain.js';
import { openInboxSubmission } from '../../crypto/sealed.js';
import { caseWrap, recipientOf, rotationRequest } from './support/case-files.js';
import { Browser } from './support/client.js';
import { DAY, HOUR, letTimePass } from './support/clock.js';
import { countRows, snapshotCounts } from './support/database.js';
import {
  counselorWithCase,
  createLink,
  fillAsClient,
  PHQ9_ANSWERS,
  PHQ9_OPERATIONAL,
  sealedRequest,
} from './support/portal.js';
import { addMember, login } from './support/scenario.js';

describe('portal links: used by a client without an account', () => {
  it('gives the form, the case and its inbox key, then stores the sealed answers the counselor can open', async () => {
    const { counselor, file } = await counselorWithCase();
    const { body: made } = await createLink(file, counselor);

    const { opened, submitted } = await fillAsClient(made.token);

    expect(opened.status).toBe(200);
    const caseFile = (await counselor.browser.get(`/api/cases/${file.caseId}`)).body;
    expect(opened.body).toMatchObject({
      form: 'phq-9@1',
      caseId: file.caseId,
      inboxPk: caseFile.epochs[0].inbox.pk,
      expiresAt: made.link.expiresAt,
    });
    expect(submitted.status).toBe(201);
    const portal = (await counselor.browser.get(`/api/cases/${file.caseId}/portal`)).body;
    expect(portal.links[0].status).toBe('submitted');
    const [submission] = portal.submissions;
    expect(submission).toMatchObject({
      id: opened.body.submissionId,
      linkId: made.link.id,
      form: 'phq-9@1',
      epoch: 0,
      operational: PHQ9_OPERATIONAL,
      filedAt: null,
    });
    const inbox = openCaseInboxKey(file.caseId, 0, fromBase64Url(caseFile.epochs[0].inbox.sealed), file.key);
    const answers = openInboxSubmission(inbox.secretKey, file.caseId, submission.id, {
      enc: fromBase64Url(submission.enc),
      ct: fromBase64Url(submission.ct),
    });
    expect(answers).toEqual(PHQ9_ANSWERS);
    const audit = await env.DB.prepare(
      "SELECT actor_user_id, subject FROM audit_events WHERE type = 'portal.submitted'",
    ).all();
    expect(audit.results).toEqual([{ actor_user_id: null, subject: file.caseId }]);
  });

  it('refuses a second use of the link, and a second of two racing submissions', async () => {
    const { counselor, file } = await counselorWithCase();
    const { body: made } = await createLink(file, counselor);
    const first = await sealedRequest(made.token);
    const second = await sealedRequest(made.token);

    const results = await Promise.all([
      new Browser().post('/api/portal/submit', first),
      new Browser().post('/api/portal/submit', second),
    ]);

    expect(results.map((res) => res.status).sort()).toEqual([201, 410]);
    expect(results.find((res) => res.status === 410)?.body.error.code).toBe('portal_link_used');
    expect(await countRows('portal_submissions')).toBe(1);
    const reopened = await new Browser().post('/api/portal/open', { token: made.token });
    expect([reopened.status, reopened.body.error.code]).toEqual([410, 'portal_link_used']);
  });

  it('refuses an expired link, an unknown token and a withdrawn link', async () => {
    const { counselor, file } = await counselorWithCase();
    const expiring = (await createLink(file, counselor, 'gad-7@1', { expiresInHours: 1 })).body;
    const withdrawn = (await createLink(file, counselor)).body;
    const revoked = await counselor.browser.delete(
      `/api/cases/${file.caseId}/portal/links/${withdrawn.link.id}`,
    );
    expect(revoked.status).toBe(200);
    await letTimePass(HOUR + 1);
    await login(counselor.account, counselor.browser);

    const expired = await new Browser().post('/api/portal/open', { token: expiring.token });
    const unknown = await new Browser().post('/api/portal/open', { token: toBase64Url(randomBytes(32)) });
    const gone = await new Browser().post('/api/portal/open', { token: withdrawn.token });

    expect([expired.status, expired.body.error.code]).toEqual([410, 'portal_link_expired']);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'portal_link_invalid']);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'portal_link_invalid']);
    const statuses = (await counselor.browser.get(`/api/cases/${file.caseId}/portal`)).body.links.map(
      (link: { status: string }) => link.status,
    );
    expect(statuses.sort()).toEqual(['expired', 'revoked']);
    expect(await countRows('portal_submissions')).toBe(0);
  });

  it('refuses a link made before the case key was rotated (its inbox key is no longer the case’s)', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const { body: made } = await createLink(file, counselor);
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
    const grant = await counselor.browser.post(`/api/cases/${file.caseId}/grants`, {
      epoch: 0,
      requestId,
      wrap,
    });
    await counselor.browser.delete(`/api/cases/${file.caseId}/grants/${grant.body.id}`);
    const rotation = await rotationRequest(center, file, counselor.account, [
      { to: recipientOf(counselor.account), perm: 'write', expiresAt: 0 },
    ]);
    expect((await counselor.browser.post(`/api/cases/${file.caseId}/rotate`, rotation.body)).status).toBe(
      201,
    );

    const { opened } = await fillAsClient(made.token);

    expect([opened.status, opened.body.error.code]).toEqual([409, 'portal_link_outdated']);
    expect(await countRows('portal_submissions')).toBe(0);
  });

  it('refuses malformed submissions without using the link', async () => {
    const { counselor, file } = await counselorWithCase();
    const { body: made } = await createLink(file, counselor);
    const good = await sealedRequest(made.token);
    const before = await snapshotCounts();
    const client = new Browser();

    const bad = [
      { ...good, token: 'not-a-token' },
      { ...good, enc: toBase64Url(randomBytes(31)) },
      { ...good, ct: 'not base64url!' },
      { ...good, operational: { ...good.operational, comments: 'I feel hopeless at night' } },
      { token: good.token },
    ];
    for (const body of bad) {
      const res = await client.post('/api/portal/submit', body);
      expect([res.status, res.body.error.code]).toEqual([400, 'invalid_request']);
    }
    const notJson = await client.request('POST', '/api/portal/submit', {
      body: '{"token":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'malformed_json']);
    const noCsrf = await client.post('/api/portal/submit', good, { csrf: false });
    expect([noCsrf.status, noCsrf.body.error.code]).toEqual([403, 'csrf']);

    expect(await snapshotCounts()).toEqual(before);
    expect((await client.post('/api/portal/submit', good)).status).toBe(201);
  });

  it('refuses operational data that does not match the form', async () => {
    const { counselor, file } = await counselorWithCase();
    const { body: made } = await createLink(file, counselor);
    const before = await snapshotCounts();
    const client = new Browser();

    const mismatches = [
      { phq9_total: 9 },
      { completed_on: '2026-05-04' },
      { ...PHQ9_OPERATIONAL, phq9_total: 28 },
      { ...PHQ9_OPERATIONAL, phq9_total: -1 },
      { ...PHQ9_OPERATIONAL, phq9_9: 2 },
      { ...PHQ9_OPERATIONAL, gad7_total: 4 },
      { ...PHQ9_OPERATIONAL, completed_on: '2026-02-30' },
    ];
    for (const operational of mismatches) {
      const res = await client.post('/api/portal/submit', await sealedRequest(made.token, operational));
      expect([res.status, res.body.error.code], JSON.stringify(operational)).toEqual([
        400,
        'operational_mismatch',
      ]);
    }
    expect(await snapshotCounts()).toEqual(before);

    const survey = (await createLink(file, counselor, 'satisfaction-survey@1')).body;
    const noScore = await client.post(
      '/api/portal/submit',
      await sealedRequest(survey.token, { would_recommend: 'yes' }),
    );
    const outOfScale = await client.post(
      '/api/portal/submit',
      await sealedRequest(survey.token, { overall_satisfaction: 6 }),
    );
    const fine = await client.post(
      '/api/portal/submit',
      await sealedRequest(survey.token, { overall_satisfaction: 2 }),
    );
    expect(noScore.body.error.code).toBe('operational_mismatch');
    expect(outOfScale.body.error.code).toBe('operational_mismatch');
    expect(fine.status).toBe(201);
  });
});
