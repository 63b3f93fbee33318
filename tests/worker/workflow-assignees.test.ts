import { describe, expect, it } from 'vitest';
import type { Assignee, WorkflowGraph } from '../../core/workflows/model.js';
import { notificationsOf } from './support/rules.js';
import { addMember, type Member, setUpOrganization } from './support/scenario.js';
import { inbox, publishGraph, startProcess } from './support/workflows.js';

const oneTask = (assignee: Assignee): WorkflowGraph => ({
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'review', type: 'form_task', label: 'Review it', assignee },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'review' },
    { from: 'review', to: 'end' },
  ],
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('workflow assignees, resolved in the transition’s own batch', () => {
  it('takes turns among the role’s active people, the one given fewest first, ties by id', async () => {
    const center = await setUpOrganization();
    const boss = await addMember(center, ['director']);
    const one = await addMember(center, ['counselor']);
    const other = await addMember(center, ['counselor']);
    const gone = await addMember(center, ['counselor']);
    const disabled = await center.adminBrowser.patch(`/api/users/${gone.account.id}`, { status: 'disabled' });
    expect(disabled.status).toBe(200);
    await publishGraph(center.adminBrowser, 'turns', oneTask({ kind: 'round_robin', role: 'counselor' }));

    const started = [];
    for (let n = 0; n < 3; n++) started.push((await startProcess(boss.browser, 'turns')).id);

    const [first, second] = one.account.id < other.account.id ? [one, other] : [other, one];
    const given = async (who: Member) =>
      (await inbox(who.browser)).tasks.map((task) => task.instanceId).sort();
    expect(await given(first)).toEqual([started[0], started[2]].sort());
    expect(await given(second)).toEqual([started[1]]);
    expect((await inbox(boss.browser)).tasks).toEqual([]);
  });

  it('gives the step to the role when nobody active holds it', async () => {
    const center = await setUpOrganization();
    const boss = await addMember(center, ['director']);
    await publishGraph(center.adminBrowser, 'nobody', oneTask({ kind: 'round_robin', role: 'supervisor' }));
    const { id } = await startProcess(boss.browser, 'nobody');

    const supervisor = await addMember(center, ['supervisor']);
    expect((await inbox(supervisor.browser)).tasks).toMatchObject([
      { instanceId: id, assigneeUserId: null, assigneeRole: 'supervisor', status: 'open' },
    ]);
  });

  it('tells each active holder of a role with a notification of their own', async () => {
    const center = await setUpOrganization();
    const boss = await addMember(center, ['director']);
    const deskA = await addMember(center, ['frontdesk']);
    const deskB = await addMember(center, ['frontdesk']);
    const counselor = await addMember(center, ['counselor']);
    await publishGraph(center.adminBrowser, 'tell', {
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'tell', type: 'notification', label: 'Desk, look', to: { kind: 'role', role: 'frontdesk' } },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'tell' },
        { from: 'tell', to: 'end' },
      ],
    });
    expect((await startProcess(boss.browser, 'tell')).status).toBe('done');

    const [a] = (await notificationsOf(deskA)).notifications;
    const [b] = (await notificationsOf(deskB)).notifications;
    for (const note of [a, b]) {
      expect(note).toMatchObject({ title: 'Desk, look', eventType: 'workflow.notification' });
      expect(note?.id).toMatch(UUID);
    }
    expect(a?.id).not.toBe(b?.id);
    expect((await notificationsOf(counselor)).notifications).toEqual([]);

    expect((await deskA.browser.post(`/api/notifications/${b?.id}/read`)).status).toBe(404);
    const read = await deskA.browser.post(`/api/notifications/${a?.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ unread: 0 });
  });
});
