import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { appendNote, type OpenCase, openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { counselorWithCase, createLink, fillAsClient, PHQ9_OPERATIONAL } from './support/portal.js';
import { addMember, type Member, type Organization } from './support/scenario.js';

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
