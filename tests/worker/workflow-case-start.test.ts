import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { appendNote, openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { grantSupervisor, notificationsOf } from './support/rules.js';
import { addMember, assignSupervisor, setUpOrganization } from './support/scenario.js';
import { inbox, openTask, startProcess } from './support/workflows.js';

/**
 * Issue 6: the counselor starts the case closing (结案) and a supervision (督导) from the case page
 * by hand; and a supervisor's request the key holder denies sends the supervision back to the ask
 * instead of leaving the delivery step waiting for a key that never comes.
 */

async function centerWithCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const supervisor = await addMember(center, ['supervisor']);
  const colleague = await addMember(center, ['counselor']);
  await assignSupervisor(center, counselor, supervisor);
  const file = await openCase(center, counselor);
  for (const key of ['case_closing', 'supervision']) {
    const installed = await center.adminBrowser.post(`/api/workflows/definitions/shipped/${key}`);
    expect(installed.status).toBe(201);
  }
  return { center, counselor, supervisor, colleague, file };
}

describe('starting a process on a case by hand', () => {
  it('lets the case’s counselor start the closing and a supervision, each once at a time', async () => {
    const { counselor, file } = await centerWithCase();
    const closing = await startProcess(counselor.browser, 'case_closing', { caseId: file.caseId });
    expect(closing).toMatchObject({ status: 'running', waitingAt: ['summary'] });
    const supervision = await startProcess(counselor.browser, 'supervision', { caseId: file.caseId });
    expect(supervision).toMatchObject({ status: 'running', waitingAt: ['report'] });
    const mine = (await inbox(counselor.browser)).tasks.map((task) => [task.title, task.status]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ['Write the closing summary', 'open'],
        ['Submit supervision report', 'open'],
      ]),
    );

    const before = await snapshotCounts();
    for (const key of ['case_closing', 'supervision']) {
      const again = await counselor.browser.post('/api/workflows/instances', { key, caseId: file.caseId });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_running');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('turns away a visitor, another counselor, a malformed body and an unknown case, writing nothing', async () => {
    const { colleague, counselor, file } = await centerWithCase();
    const before = await snapshotCounts();
    const start = { key: 'case_closing', caseId: file.caseId };
    expect((await new Browser().post('/api/workflows/instances', start)).status).toBe(401);
    const other = await colleague.browser.post('/api/workflows/instances', start);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('forbidden');
    for (const body of [
      { key: 'case_closing', caseId: 'not-a-case' },
      { caseId: file.caseId },
      { key: 'case_closing', caseId: file.caseId, data: { note: { nested: true } } },
    ]) {
      const res = await counselor.browser.post('/api/workflows/instances', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const unknown = await counselor.browser.post('/api/workflows/instances', {
      key: 'case_closing',
      caseId: crypto.randomUUID(),
    });
    expect(unknown.status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('a denied access request in the supervision process', () => {
  it('finishes the delivery as denied, tells the supervisor and asks again', async () => {
    const { center, counselor, supervisor, file } = await centerWithCase();
    await startProcess(counselor.browser, 'supervision', { caseId: file.caseId });
    const report = await openTask(counselor.browser, 'Submit supervision report');
    const written = await appendNote(file, counselor, {
      form: 'supervision-report@1',
      operational: {
        supervision_date: '2026-05-04',
        supervision_format: 'individual',
        duration_minutes: 60,
        risk_discussed: false,
      },
    });
    await counselor.browser.post(`/api/workflows/tasks/${report.id}/complete`, {
      data: { recordId: written.write.body.entry.record },
    });

    const ask = await openTask(supervisor.browser, 'Ask for temporary access to the case');
    const requestId = crypto.randomUUID();
    const requested = await supervisor.browser.post(`/api/cases/${file.caseId}/access-requests`, {
      id: requestId,
      reason: 'supervision',
      perm: 'read',
      durationMs: 86_400_000,
    });
    expect(requested.status).toBe(201);
    await supervisor.browser.post(`/api/workflows/tasks/${ask.id}/complete`, {
      data: { accessRequestId: requestId },
    });
    const share = await openTask(counselor.browser, 'Give the supervisor temporary access to the case');

    // Still pending: neither denied nor delivered, so the step cannot finish.
    const early = await counselor.browser.post(`/api/workflows/tasks/${share.id}/complete`, {
      data: { grantedTo: supervisor.account.id },
    });
    expect(early.status).toBe(422);

    const denied = await counselor.browser.post(`/api/access-requests/${requestId}/decision`, {
      decision: 'deny',
    });
    expect(denied.status).toBe(200);
    const done = await counselor.browser.post(`/api/workflows/tasks/${share.id}/complete`, { data: {} });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'running',
      waitingAt: ['ask'],
      data: { access: 'denied', grantedTo: null },
    });
    expect(done.body.history.at(-1).visited).toEqual(['tell_denied', 'ask']);
    const told = (await notificationsOf(supervisor)).notifications.map((note) => note.title);
    expect(told).toContain('No access was given: ask again');
    const tasks = (await inbox(supervisor.browser)).tasks.filter(
      (task) => task.title === 'Ask for temporary access to the case',
    );
    expect(tasks.map((task) => task.status).sort()).toEqual(['done', 'open']);

    // The second ask is approved and delivered: the review follows.
    const askAgain = await openTask(supervisor.browser, 'Ask for temporary access to the case');
    await grantSupervisor(center, file, counselor, supervisor);
    const second = await env.DB.prepare("SELECT id FROM access_requests WHERE status = 'delivered'").first<{
      id: string;
    }>();
    await supervisor.browser.post(`/api/workflows/tasks/${askAgain.id}/complete`, {
      data: { accessRequestId: second?.id ?? '' },
    });
    const shareAgain = await openTask(counselor.browser, 'Give the supervisor temporary access to the case');
    const delivered = await counselor.browser.post(`/api/workflows/tasks/${shareAgain.id}/complete`, {
      data: { grantedTo: supervisor.account.id },
    });
    expect(delivered.body).toMatchObject({
      waitingAt: ['review'],
      data: { access: 'granted', grantedTo: supervisor.account.id },
    });
    expect((await openTask(supervisor.browser, 'Review and give feedback')).assigneeUserId).toBe(
      supervisor.account.id,
    );
  });
});
