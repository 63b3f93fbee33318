import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, randomBytes, toBase64Url } from '../../crypto/bytes.js';
import type { JsonValue } from '../../crypto/canonical-json.js';
import { openCaseInboxKey } from '../../crypto/key-chain.js';
import { openInboxSubmission, sealInboxSubmission } from '../../crypto/sealed.js';
import {
  appendNote,
  caseWrap,
  type OpenCase,
  openCase,
  recipientOf,
  rotationRequest,
} from './support/case-files.js';
import { Browser } from './support/client.js';
import { DAY, HOUR, letTimePass } from './support/clock.js';
import { countRows, snapshotCounts } from './support/database.js';
import { addMember, login, type Member, type Organization, setUpOrganization } from './support/scenario.js';

const PHQ9_ANSWERS = {
  completed_on: '2026-05-04',
  phq9_1: 1,
  phq9_2: 2,
  phq9_3: 1,
  phq9_4: 0,
  phq9_5: 1,
  phq9_6: 2,
  phq9_7: 0,
  phq9_8: 1,
  phq9_9: 1,
  phq9_total: 9,
};
const PHQ9_OPERATIONAL = { completed_on: '2026-05-04', phq9_total: 9 };

async function counselorWithCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  return { center, counselor, file };
}

function createLink(file: OpenCase, who: Member, form = 'phq-9@1', extra: object = {}) {
  return who.browser.post(`/api/cases/${file.caseId}/portal/links`, { form, ...extra });
}

/** What the client's phone does: open the link, seal the answers to the inbox key it was given. */
async function fillAsClient(
  token: string,
  answers: JsonValue = PHQ9_ANSWERS,
  operational = PHQ9_OPERATIONAL,
) {
  const client = new Browser();
  const opened = await client.post('/api/portal/open', { token });
  if (opened.status !== 200) return { opened, submitted: opened };
  const sealed = sealInboxSubmission(
    fromBase64Url(opened.body.inboxPk),
    opened.body.caseId,
    opened.body.submissionId,
    answers,
  );
  const submitted = await client.post('/api/portal/submit', {
    token,
    enc: toBase64Url(sealed.enc),
    ct: toBase64Url(sealed.ct),
    operational,
  });
  return { opened, submitted };
}

async function sealedRequest(token: string, operational: object = PHQ9_OPERATIONAL) {
  const opened = await new Browser().post('/api/portal/open', { token });
  const sealed = sealInboxSubmission(
    fromBase64Url(opened.body.inboxPk),
    opened.body.caseId,
    opened.body.submissionId,
    PHQ9_ANSWERS,
  );
  return { token, enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct), operational };
}

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

describe('filing a submission into the case', () => {
  async function submitted(center: Organization, counselor: Member, file: OpenCase) {
    const { body: made } = await createLink(file, counselor);
    const { opened } = await fillAsClient(made.token);
    return { center, submissionId: opened.body.submissionId as string };
  }

  it('marks it filed once the signed record with its id and form is in the case log', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const { submissionId: misfiled } = await submitted(center, counselor, file);
    const { submissionId } = await submitted(center, counselor, file);
    const path = (id: string) => `/api/cases/${file.caseId}/portal/submissions/${id}/filed`;

    const early = await counselor.browser.post(path(submissionId), {});
    expect([early.status, early.body.error.code]).toEqual([409, 'not_filed']);
    expect((await appendNote(file, counselor, { record: misfiled })).res.status).toBe(201);
    const wrongForm = await counselor.browser.post(path(misfiled), {});
    expect([wrongForm.status, wrongForm.body.error.code]).toEqual([409, 'not_filed']);
    const record = await appendNote(file, counselor, {
      record: submissionId,
      form: 'phq-9@1',
      operational: PHQ9_OPERATIONAL,
    });
    expect(record.res.status).toBe(201);

    const filed = await counselor.browser.post(path(submissionId), {});
    const again = await counselor.browser.post(path(submissionId), {});

    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ id: submissionId, filedBy: counselor.account.id });
    expect([again.status, again.body.error.code]).toEqual([409, 'already_filed']);
    const caseFile = (await counselor.browser.get(`/api/cases/${file.caseId}`)).body;
    const fromPortal = Object.fromEntries(
      caseFile.records.map((row: { record: string; fromPortal: boolean }) => [row.record, row.fromPortal]),
    );
    expect(fromPortal).toEqual({ [submissionId]: true, [misfiled]: false });
    const listed = (await counselor.browser.get(`/api/cases/${file.caseId}/portal`)).body.submissions;
    const filedView = listed.find((row: { id: string }) => row.id === submissionId);
    expect(filedView).toMatchObject({ enc: null, ct: null, filedBy: counselor.account.id });
    const reads = await env.DB.prepare(
      "SELECT details FROM audit_events WHERE type = 'portal.submissions_read' ORDER BY seq DESC LIMIT 1",
    ).first<{ details: string }>();
    expect(JSON.parse(reads?.details ?? '{}').submissions).toEqual([misfiled]);
    const anonymous = await new Browser().post(path(submissionId), {});
    expect(anonymous.status).toBe(401);
  });

  it('lets a write key holder discard a waiting submission, audited, but not a filed one', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const { submissionId } = await submitted(center, counselor, file);
    const { submissionId: filedId } = await submitted(center, counselor, file);
    await appendNote(file, counselor, { record: filedId, form: 'phq-9@1', operational: PHQ9_OPERATIONAL });
    await counselor.browser.post(`/api/cases/${file.caseId}/portal/submissions/${filedId}/filed`, {});
    const outsider = await addMember(center, ['counselor']);
    const path = (id: string) => `/api/cases/${file.caseId}/portal/submissions/${id}`;

    expect((await new Browser().delete(path(submissionId))).status).toBe(401);
    expect((await outsider.browser.delete(path(submissionId))).status).toBe(404);
    const filed = await counselor.browser.delete(path(filedId));
    expect([filed.status, filed.body.error.code]).toEqual([409, 'already_filed']);
    const discarded = await counselor.browser.delete(path(submissionId));

    expect(discarded.status).toBe(200);
    const ids = (await counselor.browser.get(`/api/cases/${file.caseId}/portal`)).body.submissions.map(
      (row: { id: string }) => row.id,
    );
    expect(ids).toEqual([filedId]);
    const audit = await env.DB.prepare(
      "SELECT details FROM audit_events WHERE type = 'portal.submission_discarded'",
    ).all<{ details: string }>();
    expect(audit.results.map((row) => JSON.parse(row.details).submission)).toEqual([submissionId]);
    expect((await counselor.browser.delete(path(submissionId))).status).toBe(404);
  });

  it('keeps one case’s submissions out of another case', async () => {
    const { center, counselor, file } = await counselorWithCase();
    const { submissionId } = await submitted(center, counselor, file);
    const other = await openCase(center, counselor);
    const { body: link } = await createLink(file, counselor);

    const viaOther = await counselor.browser.post(
      `/api/cases/${other.caseId}/portal/submissions/${submissionId}/filed`,
      {},
    );
    const withdrawViaOther = await counselor.browser.delete(
      `/api/cases/${other.caseId}/portal/links/${link.link.id}`,
    );
    const listed = (await counselor.browser.get(`/api/cases/${other.caseId}/portal`)).body;

    expect([viaOther.status, viaOther.body.error.code]).toEqual([404, 'not_found']);
    expect([withdrawViaOther.status, withdrawViaOther.body.error.code]).toEqual([404, 'not_found']);
    expect(listed).toEqual({ links: [], submissions: [] });
  });
});
