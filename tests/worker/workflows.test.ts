import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../core/workflows/model.js';
import { openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { DAY } from './support/clock.js';
import { countRows, snapshotCounts } from './support/database.js';
import { runCron } from './support/rules.js';
import { addMember, setUpOrganization } from './support/scenario.js';
import { inbox, openTask, publishGraph, startProcess } from './support/workflows.js';

const director = { kind: 'role', role: 'director' } as const;
const requester = { kind: 'relation', relation: 'requester' } as const;

const approvalFlow: WorkflowGraph = {
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'approve', type: 'approval', label: 'Approve it', assignee: director, dueInHours: 24 },
    { id: 'fix', type: 'form_task', label: 'Fix it', assignee: requester },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'approve' },
    { from: 'approve', to: 'end', when: { '==': [{ var: 'decision' }, 'approved'] } },
    { from: 'approve', to: 'fix' },
    { from: 'fix', to: 'end' },
  ],
};

const parallelFlow: WorkflowGraph = {
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'split', type: 'parallel_split' },
    { id: 'left', type: 'form_task', label: 'Left', assignee: requester },
    { id: 'right', type: 'form_task', label: 'Right', assignee: requester },
    { id: 'join', type: 'parallel_join' },
    { id: 'wait', type: 'timer', label: 'Cool off', waitMinutes: 60 * 24 },
    { id: 'tell', type: 'notification', label: 'All done', to: requester },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'split' },
    { from: 'split', to: 'left' },
    { from: 'split', to: 'right' },
    { from: 'left', to: 'join' },
    { from: 'right', to: 'join' },
    { from: 'join', to: 'wait' },
    { from: 'wait', to: 'tell' },
    { from: 'tell', to: 'end' },
  ],
};

async function centerWithPeople() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const boss = await addMember(center, ['director']);
  return { center, counselor, boss };
}

describe('workflow definitions', () => {
  it('are for admins only', async () => {
    const { center, counselor } = await centerWithPeople();
    const visitor = new Browser();
    const before = await snapshotCounts();
    for (const who of [visitor, counselor.browser]) {
      const list = await who.get('/api/workflows/definitions');
      const made = await who.post('/api/workflows/definitions', { key: 'x', name: 'X', graph: approvalFlow });
      const shipped = await who.post('/api/workflows/definitions/shipped/leave_request');
      for (const res of [list, made, shipped]) expect(res.status).toBe(who === visitor ? 401 : 403);
    }
    expect(await snapshotCounts()).toEqual(before);
    expect((await center.adminBrowser.get('/api/workflows/definitions')).body).toEqual({ definitions: [] });
  });

  it('turns away a malformed or unrunnable graph with the reason, writing nothing', async () => {
    const { center } = await centerWithPeople();
    const before = await snapshotCounts();
    const shapeless = await center.adminBrowser.post('/api/workflows/definitions', {
      key: 'x',
      name: 'X',
      graph: { nodes: [{ id: 'start', type: 'teleport' }], edges: [] },
    });
    expect(shapeless.status).toBe(400);
    expect(shapeless.body.error.code).toBe('invalid_request');

    const deadEnd = await center.adminBrowser.post('/api/workflows/definitions', {
      key: 'x',
      name: 'X',
      graph: { ...approvalFlow, edges: approvalFlow.edges.filter((edge) => edge.from !== 'fix') },
    });
    expect(deadEnd.status).toBe(422);
    expect(deadEnd.body.error).toEqual({
      code: 'invalid_workflow',
      message: '"fix" is a dead end: every step except an end needs a way out',
    });

    const twoStarts = await center.adminBrowser.post('/api/workflows/definitions', {
      key: 'x',
      name: 'X',
      graph: { ...approvalFlow, nodes: [...approvalFlow.nodes, { id: 'again', type: 'start' }] },
    });
    expect(twoStarts.body.error.message).toContain('exactly one start node; this one has 2');
    expect(twoStarts.body.error.message).toContain('"again" is a dead end');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('edits a draft, publishes it, and retires the previous version', async () => {
    const { center } = await centerWithPeople();
    const admin = center.adminBrowser;
    const v1 = await publishGraph(admin, 'review', approvalFlow);
    expect(v1.version).toBe(1);
    expect(
      (await admin.put(`/api/workflows/definitions/${v1.id}`, { name: 'Y', graph: approvalFlow })).status,
    ).toBe(409);

    const draft = await admin.post('/api/workflows/definitions', {
      key: 'review',
      name: 'Review',
      graph: approvalFlow,
    });
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
    const second = await admin.post('/api/workflows/definitions', {
      key: 'review',
      name: 'R',
      graph: approvalFlow,
    });
    expect(second.body.error.code).toBe('draft_exists');
    const edited = await admin.put(`/api/workflows/definitions/${draft.body.id}`, {
      name: 'Review v2',
      graph: approvalFlow,
    });
    expect(edited.body).toMatchObject({ name: 'Review v2', status: 'draft' });
    await admin.post(`/api/workflows/definitions/${draft.body.id}/publish`);

    const { definitions } = (await admin.get('/api/workflows/definitions')).body;
    expect(definitions.map((d: { version: number; status: string }) => [d.version, d.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);
  });
});

describe('running a workflow', () => {
  it('needs a session and a published process', async () => {
    const { counselor } = await centerWithPeople();
    expect((await new Browser().post('/api/workflows/instances', { key: 'review' })).status).toBe(401);
    expect((await new Browser().get('/api/workflows/tasks')).status).toBe(401);
    const missing = await counselor.browser.post('/api/workflows/instances', { key: 'review' });
    expect(missing.body.error.code).toBe('not_published');
    expect((await counselor.browser.post('/api/workflows/instances', { key: 'Bad Key!' })).status).toBe(400);
  });

  it('gives the approval to the directors and branches on their decision', async () => {
    const { center, counselor, boss } = await centerWithPeople();
    await publishGraph(center.adminBrowser, 'review', approvalFlow);
    const started = await startProcess(counselor.browser, 'review');
    expect(started.waitingAt).toEqual(['approve']);

    expect((await inbox(counselor.browser)).tasks).toEqual([]);
    const task = await openTask(boss.browser, 'Approve it');
    expect(task).toMatchObject({ step: 'approval', assigneeRole: 'director' });
    expect(task.dueAt).toBeGreaterThan(Date.now() + DAY - 60_000);

    const stranger = await counselor.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      outcome: 'approved',
    });
    expect(stranger.status).toBe(404);
    const wrong = await boss.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      outcome: 'completed',
    });
    expect(wrong.body.error.code).toBe('wrong_outcome');

    const rejected = await boss.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      outcome: 'rejected',
    });
    expect(rejected.body).toMatchObject({
      status: 'running',
      waitingAt: ['fix'],
      data: { decision: 'rejected' },
    });
    const fix = await openTask(counselor.browser, 'Fix it');
    const done = await counselor.browser.post(`/api/workflows/tasks/${fix.id}/complete`, {});
    expect(done.body).toMatchObject({ status: 'done', waitingAt: [] });
    expect(done.body.history.map((h: { kind: string }) => h.kind)).toEqual([
      'started',
      'task_done',
      'task_done',
    ]);
  });

  it('answers a retried completion as the first one, once, and refuses a different one', async () => {
    const { center, counselor, boss } = await centerWithPeople();
    await publishGraph(center.adminBrowser, 'review', approvalFlow);
    await startProcess(counselor.browser, 'review');
    const task = await openTask(boss.browser, 'Approve it');
    const url = `/api/workflows/tasks/${task.id}/complete`;
    const first = await boss.browser.post(url, { outcome: 'approved' });
    const audits = await countRows('audit_events');
    const again = await boss.browser.post(url, { outcome: 'approved' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await countRows('audit_events')).toBe(audits);
    expect((await boss.browser.post(url, { outcome: 'rejected' })).body.error.code).toBe('task_done');
    expect((await boss.browser.patch(`/api/tasks/${task.id}`, { status: 'open' })).body.error.code).toBe(
      'workflow_task',
    );
  });

  it('joins parallel branches, then waits for the timer the Cron Trigger fires', async () => {
    const { center, counselor } = await centerWithPeople();
    await publishGraph(center.adminBrowser, 'both', parallelFlow);
    const started = await startProcess(counselor.browser, 'both');
    expect(started.waitingAt).toEqual(['left', 'right']);
    expect((await inbox(counselor.browser)).open).toBe(2);

    const left = await openTask(counselor.browser, 'Left');
    const half = await counselor.browser.post(`/api/workflows/tasks/${left.id}/complete`, {});
    expect(half.body.waitingAt).toEqual(['right']);
    const right = await openTask(counselor.browser, 'Right');
    const joined = await counselor.browser.post(`/api/workflows/tasks/${right.id}/complete`, {});
    expect(joined.body).toMatchObject({ status: 'running', waitingAt: ['wait'] });

    await runCron(Date.now() + 60_000);
    expect((await counselor.browser.get(`/api/workflows/instances/${started.id}`)).body.waitingAt).toEqual([
      'wait',
    ]);
    await runCron(Date.now() + DAY + 60_000);
    await runCron(Date.now() + DAY + 120_000);
    const after = await counselor.browser.get(`/api/workflows/instances/${started.id}`);
    expect(after.body).toMatchObject({ status: 'done', waitingAt: [] });
    expect(after.body.history.filter((h: { kind: string }) => h.kind === 'timer_fired')).toHaveLength(1);
    const notified = (await counselor.browser.get('/api/notifications')).body.notifications;
    expect(notified.map((n: { title: string }) => n.title)).toEqual(['All done']);
  });

  it('keeps a running instance on the version it started with', async () => {
    const { center, counselor, boss } = await centerWithPeople();
    await publishGraph(center.adminBrowser, 'review', approvalFlow);
    const old = await startProcess(counselor.browser, 'review');
    const straight: WorkflowGraph = {
      nodes: [approvalFlow.nodes[0], approvalFlow.nodes[1], approvalFlow.nodes[3]] as WorkflowGraph['nodes'],
      edges: [
        { from: 'start', to: 'approve' },
        { from: 'approve', to: 'end' },
      ],
    };
    await publishGraph(center.adminBrowser, 'review', straight);
    const fresh = await startProcess(counselor.browser, 'review');
    expect([old.version, fresh.version]).toEqual([1, 2]);

    for (const task of (await inbox(boss.browser)).tasks) {
      await boss.browser.post(`/api/workflows/tasks/${task.id}/complete`, { outcome: 'rejected' });
    }
    const oldNow = await counselor.browser.get(`/api/workflows/instances/${old.id}`);
    const freshNow = await counselor.browser.get(`/api/workflows/instances/${fresh.id}`);
    expect(oldNow.body).toMatchObject({ version: 1, status: 'running', waitingAt: ['fix'] });
    expect(freshNow.body).toMatchObject({ version: 2, status: 'done' });
  });

  it('shows an instance only to those involved and assigns relations on a case', async () => {
    const { center, counselor, boss } = await centerWithPeople();
    const other = await addMember(center, ['counselor']);
    const file = await openCase(center, counselor);
    await center.adminBrowser.post('/api/workflows/definitions/shipped/supervision');
    expect(
      (await other.browser.post('/api/workflows/instances', { key: 'supervision', caseId: file.caseId }))
        .status,
    ).toBe(403);
    const run = await startProcess(boss.browser, 'supervision', { caseId: file.caseId });
    const report = await openTask(counselor.browser, 'Submit supervision report');
    expect(report.assigneeUserId).toBe(counselor.account.id);
    expect((await other.browser.get(`/api/workflows/instances/${run.id}`)).status).toBe(404);
    expect((await counselor.browser.get(`/api/workflows/instances/${run.id}`)).status).toBe(200);
    expect(await countRows('workflow_instances')).toBe(1);
  });
  it('lets two people finish parallel steps at once: each transition applies whole or not at all', async () => {
    const { center, counselor } = await centerWithPeople();
    await publishGraph(center.adminBrowser, 'both', parallelFlow);
    const run = await startProcess(counselor.browser, 'both');
    const [left, right] = await Promise.all([
      openTask(counselor.browser, 'Left'),
      openTask(counselor.browser, 'Right'),
    ]);
    const finish = (id: string) => counselor.browser.post(`/api/workflows/tasks/${id}/complete`, {});
    const results = await Promise.all([finish(left.id), finish(right.id)]);
    for (const [index, res] of results.entries()) {
      if (res.status === 409) {
        expect(res.body.error.code).toBe('workflow_moved_on');
        expect((await finish([left.id, right.id][index] as string)).status).toBe(200);
      } else {
        expect(res.status).toBe(200);
      }
    }
    const after = await counselor.browser.get(`/api/workflows/instances/${run.id}`);
    expect(after.body.waitingAt).toEqual(['wait']);
    expect(after.body.history.map((h: { seq: number }) => h.seq)).toEqual([1, 2, 3]);
    expect(await countRows('workflow_timers')).toBe(1);
  });
});
