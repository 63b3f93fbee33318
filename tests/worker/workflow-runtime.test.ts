import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../core/workflows/model.js';
import { appendNote, openCase } from './support/case-files.js';
import { countRows, snapshotCounts } from './support/database.js';
import { grantSupervisor, notificationsOf, runCron } from './support/rules.js';
import { addMember, assignSupervisor, setUpOrganization } from './support/scenario.js';
import { booking, HOUR, openClinic } from './support/schedule.js';
import { inbox, openTask, publishGraph, startProcess } from './support/workflows.js';

const director = { kind: 'role', role: 'director' } as const;
const counselorOfCase = { kind: 'relation', relation: 'primary_counselor' } as const;

function oneStep(step: Record<string, unknown>): WorkflowGraph {
  return {
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'step', type: 'form_task', label: 'Do it', assignee: counselorOfCase, ...step },
      { id: 'end', type: 'end' },
    ],
    edges: [
      { from: 'start', to: 'step' },
      { from: 'step', to: 'end' },
    ],
  } as WorkflowGraph;
}

const auditTypes = async () =>
  (await env.DB.prepare('SELECT type, at FROM audit_events ORDER BY seq').all<{ type: string; at: number }>())
    .results;

describe('the leave process', () => {
  it('decides the leave and moves the workflow in one batch: a failed transition leaves the leave pending', async () => {
    const clinic = await openClinic();
    await clinic.center.adminBrowser.post('/api/workflows/definitions/shipped/leave_request');
    const start = Date.now() + 30 * 24 * HOUR;
    const asked = await clinic.counselor.browser.post('/api/schedule/leave', {
      startAt: start,
      endAt: start + 8 * HOUR,
      reason: 'sick',
    });
    const task = await openTask(clinic.director.browser, 'Approve leave');
    // Another transition of the instance lands first: this completion's batch must apply nothing.
    await env.DB.prepare(
      "INSERT INTO workflow_history (instance_id, seq, at, kind, visited) SELECT id, seq + 1, 0, 'timer_fired', '[]' FROM workflow_instances",
    ).run();
    const before = await snapshotCounts();
    const raced = await clinic.director.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      outcome: 'approved',
    });
    expect(raced.status).toBe(409);
    expect(raced.body.error.code).toBe('workflow_moved_on');
    expect(await snapshotCounts()).toEqual(before);
    const pending = (await clinic.director.browser.get('/api/schedule/leave')).body.leave;
    expect(pending).toEqual([expect.objectContaining({ id: asked.body.id, status: 'pending' })]);

    await env.DB.prepare('DELETE FROM workflow_history WHERE at = 0').run();
    const done = await clinic.director.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      outcome: 'approved',
    });
    expect(done.status).toBe(200);
    const events = await auditTypes();
    const last = events.slice(-2);
    expect(last.map((event) => event.type)).toEqual(['workflow.task_done', 'leave.decided']);
    expect(last[0]?.at).toBe(last[1]?.at);
    const decided = (await clinic.director.browser.get('/api/schedule/leave')).body.leave;
    expect(decided).toEqual([expect.objectContaining({ id: asked.body.id, status: 'approved' })]);
  });

  it('refuses an approval whose decision differs from the one taken on the schedule page', async () => {
    const clinic = await openClinic();
    await clinic.center.adminBrowser.post('/api/workflows/definitions/shipped/leave_request');
    const start = Date.now() + 30 * 24 * HOUR;
    const asked = await clinic.counselor.browser.post('/api/schedule/leave', {
      startAt: start,
      endAt: start + HOUR,
      reason: 'sick',
    });
    await clinic.director.browser.post(`/api/schedule/leave/${asked.body.id}/decision`, {
      decision: 'rejected',
    });
    const task = await openTask(clinic.director.browser, 'Approve leave');
    const before = await snapshotCounts();
    const approved = await clinic.director.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      outcome: 'approved',
    });
    expect(approved.status).toBe(409);
    expect(approved.body.error.code).toBe('request_not_pending');
    expect(await snapshotCounts()).toEqual(before);
    const rejected = await clinic.director.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      outcome: 'rejected',
    });
    expect(rejected.body).toMatchObject({ status: 'done', data: { decision: 'rejected' } });
  });
});

describe('deadlines', () => {
  it('reminds the assignee before the due date and escalates an overdue step once, on the cron’s clock', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const boss = await addMember(center, ['director']);
    const file = await openCase(center, counselor);
    await publishGraph(
      center.adminBrowser,
      'deadline',
      oneStep({ dueInHours: 24, remindBeforeHours: 4, escalateTo: director }),
    );
    const started = Date.now();
    await startProcess(counselor.browser, 'deadline', { caseId: file.caseId });
    const titles = async (who: typeof counselor) =>
      (await notificationsOf(who)).notifications.map((one: { title: string }) => one.title);

    await runCron(started + 19 * HOUR);
    expect(await titles(counselor)).toEqual([]);
    await runCron(started + 21 * HOUR);
    await runCron(started + 22 * HOUR);
    expect(await titles(counselor)).toEqual(['提醒 Reminder: Do it']);
    expect(await titles(boss)).toEqual([]);

    await runCron(started + 25 * HOUR);
    await runCron(started + 26 * HOUR);
    expect(await titles(boss)).toEqual(['逾期 Overdue: Do it']);
    expect(await titles(counselor)).toEqual(['提醒 Reminder: Do it']);
    const types = (await auditTypes()).map((event) => event.type);
    expect(types.filter((type) => type === 'workflow.task_reminded')).toHaveLength(1);
    expect(types.filter((type) => type === 'workflow.task_escalated')).toHaveLength(1);
  });

  it('escalates to the overdue assignee’s own supervisor when the step says supervisor', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const supervisor = await addMember(center, ['supervisor']);
    const otherSupervisor = await addMember(center, ['supervisor']);
    await assignSupervisor(center, counselor, supervisor);
    const file = await openCase(center, counselor);
    await publishGraph(
      center.adminBrowser,
      'deadline',
      oneStep({ dueInHours: 2, escalateTo: { kind: 'relation', relation: 'supervisor' } }),
    );
    await startProcess(counselor.browser, 'deadline', { caseId: file.caseId });
    await runCron(Date.now() + 3 * HOUR);
    const titles = async (who: typeof counselor) =>
      (await notificationsOf(who)).notifications.map((one: { title: string }) => one.title);
    expect(await titles(supervisor)).toEqual(['逾期 Overdue: Do it']);
    expect(await titles(otherSupervisor)).toEqual([]);
  });

  it('neither reminds nor escalates a step finished in time', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const boss = await addMember(center, ['director']);
    const file = await openCase(center, counselor);
    await publishGraph(
      center.adminBrowser,
      'deadline',
      oneStep({ dueInHours: 24, remindBeforeHours: 4, escalateTo: director }),
    );
    await startProcess(counselor.browser, 'deadline', { caseId: file.caseId });
    const task = await openTask(counselor.browser, 'Do it');
    await counselor.browser.post(`/api/workflows/tasks/${task.id}/complete`, {});
    await runCron(Date.now() + 48 * HOUR);
    expect((await notificationsOf(counselor)).notifications).toEqual([]);
    expect((await notificationsOf(boss)).notifications).toEqual([]);
  });

  it('refuses a reminder or escalation on a step without a due date', async () => {
    const center = await setUpOrganization();
    const res = await center.adminBrowser.post('/api/workflows/definitions', {
      key: 'x',
      name: 'X',
      graph: oneStep({ remindBeforeHours: 4, escalateTo: director }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('"step" reminds or escalates, so it needs a due date');
  });
});

describe('form steps', () => {
  it('are done by writing their form on the case: the record must exist and be of that form', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const file = await openCase(center, counselor);
    await publishGraph(center.adminBrowser, 'notes', oneStep({ formKey: 'session-note' }));
    await startProcess(counselor.browser, 'notes', { caseId: file.caseId });
    const task = await openTask(counselor.browser, 'Do it');
    expect((await inbox(counselor.browser)).tasks[0]).toMatchObject({
      formKey: 'session-note',
      action: null,
    });

    const before = await snapshotCounts();
    const bare = await counselor.browser.post(`/api/workflows/tasks/${task.id}/complete`, {});
    expect(bare.status).toBe(422);
    const other = await appendNote(file, counselor, { form: 'intake@1' });
    const wrongForm = await counselor.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      data: { recordId: other.write.body.entry.record },
    });
    expect(wrongForm.status).toBe(422);
    expect(wrongForm.body.error.message).toContain('a session-note record of this case');
    expect(await countRows('workflow_history')).toBe(before.workflow_history);

    const note = await appendNote(file, counselor);
    const done = await counselor.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      data: { recordId: note.write.body.entry.record },
    });
    expect(done.body).toMatchObject({ status: 'done' });
  });
});

describe('the shipped case closing', () => {
  it('ends by archiving the case through its status transitions, each audited', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const supervisor = await addMember(center, ['supervisor']);
    const boss = await addMember(center, ['director']);
    const file = await openCase(center, counselor);
    await center.adminBrowser.post('/api/workflows/definitions/shipped/case_closing');
    await startProcess(counselor.browser, 'case_closing', { caseId: file.caseId });
    const summary = await openTask(counselor.browser, 'Write the closing summary');
    const written = await appendNote(file, counselor, {
      form: 'closing-summary@1',
      operational: { closing_date: '2026-11-25', closing_reason: 'mutual', sessions_held: 8 },
    });
    await counselor.browser.post(`/api/workflows/tasks/${summary.id}/complete`, {
      data: { recordId: written.write.body.entry.record },
    });
    const approve = await openTask(supervisor.browser, 'Approve closing');
    await supervisor.browser.post(`/api/workflows/tasks/${approve.id}/complete`, { outcome: 'approved' });
    const archive = await openTask(boss.browser, 'Archive the case');
    expect((await inbox(boss.browser)).tasks[0]).toMatchObject({ action: 'archive_case' });

    const done = await boss.browser.post(`/api/workflows/tasks/${archive.id}/complete`, {});
    expect(done.body).toMatchObject({ status: 'done' });
    const row = await env.DB.prepare('SELECT status, closed_at FROM cases WHERE id = ?')
      .bind(file.caseId)
      .first<{ status: string; closed_at: number | null }>();
    expect(row?.status).toBe('archived');
    expect(row?.closed_at).toBeGreaterThan(0);
    const changes = await env.DB.prepare(
      "SELECT details FROM audit_events WHERE type = 'case.status_changed' ORDER BY seq",
    ).all<{ details: string }>();
    expect(changes.results.map((one) => JSON.parse(one.details))).toEqual([
      { from: 'intake', to: 'closed' },
      { from: 'closed', to: 'archived' },
    ]);
  });
});

describe('supervision after every N sessions', () => {
  it('starts for a case at its Nth and 2Nth completed session, once each, with N set in the definition', async () => {
    const clinic = await openClinic();
    const file = await openCase(clinic.center, clinic.counselor);
    const installed = await clinic.center.adminBrowser.post('/api/workflows/definitions/shipped/supervision');
    expect(installed.body.graph.nodes[0]).toMatchObject({
      trigger: { kind: 'every_n_sessions', sessions: 6 },
    });
    // The center supervises every 2 sessions: a new version of the process says so.
    const graph = structuredClone(installed.body.graph);
    graph.nodes[0].trigger.sessions = 2;
    const v2 = await publishGraph(clinic.center.adminBrowser, 'supervision', graph, installed.body.name);
    expect(v2.version).toBe(2);

    const series = await clinic.counselor.browser.post(
      '/api/schedule/appointments',
      // Sessions already held: a session is completed only once it has started.
      booking(clinic, Math.ceil((Date.now() - 6 * 7 * 24 * HOUR) / (30 * 60_000)) * 30 * 60_000, {
        clientId: file.clientId,
        caseId: file.caseId,
        weeks: 5,
      }),
    );
    expect(series.status).toBe(201);
    const ids: string[] = series.body.appointments.map((one: { id: string }) => one.id);
    const complete = (id: string) =>
      clinic.counselor.browser.post(`/api/schedule/appointments/${id}/status`, { status: 'completed' });
    const reports = async () =>
      (await inbox(clinic.counselor.browser)).tasks.filter(
        (task) => task.title === 'Submit supervision report',
      );

    await complete(ids[0] as string);
    expect(await reports()).toEqual([]);
    await complete(ids[1] as string);
    expect(await reports()).toHaveLength(1);
    await complete(ids[2] as string);
    await complete(ids[3] as string);
    expect(await reports()).toHaveLength(2);
    const instances = await env.DB.prepare(
      'SELECT trigger_key, case_id, data FROM workflow_instances ORDER BY started_at',
    ).all<{ trigger_key: string; case_id: string; data: string }>();
    expect(instances.results.map((row) => [row.trigger_key, JSON.parse(row.data)])).toEqual([
      [`supervision:${file.caseId}:2`, { sessionCount: 2 }],
      [`supervision:${file.caseId}:4`, { sessionCount: 4 }],
    ]);
  });
});

describe('the shipped supervision process', () => {
  it('gives the supervisor the case key through the counselor’s key delivery step, then the review', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const supervisor = await addMember(center, ['supervisor']);
    const otherSupervisor = await addMember(center, ['supervisor']);
    await assignSupervisor(center, counselor, supervisor);
    const file = await openCase(center, counselor);
    await center.adminBrowser.post('/api/workflows/definitions/shipped/supervision');
    await startProcess(counselor.browser, 'supervision', { caseId: file.caseId });
    const report = await openTask(counselor.browser, 'Submit supervision report');
    const written = await appendNote(file, counselor, {
      form: 'supervision-report@1',
      operational: {
        supervision_date: '2026-05-04',
        supervision_format: 'individual',
        duration_minutes: 60,
        sessions_so_far: 6,
        risk_discussed: false,
      },
    });
    expect(written.res.status).toBe(201);
    await counselor.browser.post(`/api/workflows/tasks/${report.id}/complete`, {
      data: { recordId: written.write.body.entry.record },
    });

    const ask = await openTask(supervisor.browser, 'Ask for temporary access to the case');
    expect(ask.assigneeUserId).toBe(supervisor.account.id);
    expect((await inbox(otherSupervisor.browser)).tasks).toEqual([]);
    await grantSupervisor(center, file, counselor, supervisor);
    const request = await env.DB.prepare('SELECT id FROM access_requests').first<{ id: string }>();
    expect(
      (await supervisor.browser.post(`/api/workflows/tasks/${ask.id}/complete`, { data: {} })).status,
    ).toBe(422);
    await supervisor.browser.post(`/api/workflows/tasks/${ask.id}/complete`, {
      data: { accessRequestId: request?.id ?? '' },
    });

    const share = await openTask(counselor.browser, 'Give the supervisor temporary access to the case');
    const before = await snapshotCounts();
    const nobody = await counselor.browser.post(`/api/workflows/tasks/${share.id}/complete`, {
      data: { grantedTo: crypto.randomUUID() },
    });
    expect(nobody.status).toBe(422);
    expect(nobody.body.error.message).toContain('a live wrap of the case key to them');
    expect(await snapshotCounts()).toEqual(before);
    await counselor.browser.post(`/api/workflows/tasks/${share.id}/complete`, {
      data: { grantedTo: supervisor.account.id },
    });

    const review = await openTask(supervisor.browser, 'Review and give feedback');
    expect(review.assigneeUserId).toBe(supervisor.account.id);
    const done = await supervisor.browser.post(`/api/workflows/tasks/${review.id}/complete`, {
      outcome: 'approved',
    });
    expect(done.body).toMatchObject({ status: 'done', data: { grantedTo: supervisor.account.id } });
  });
});
