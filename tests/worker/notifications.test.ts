import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { appendNote, openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { DAY } from './support/clock.js';
import { snapshotCounts } from './support/database.js';
import { appendEvent, drain, eventRule, flakySender, notificationsOf } from './support/rules.js';
import { addMember, setUpOrganization } from './support/scenario.js';

const notifyCounselor = {
  kind: 'notify',
  to: [{ kind: 'relation', relation: 'primary_counselor' }],
  email: true,
};

/** A counselor with two notifications from a rule on saved records. */
async function counselorWithNotifications() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  await center.adminBrowser.post('/api/rules', eventRule('record.saved', [notifyCounselor]));
  await appendNote(file, counselor);
  await appendNote(file, counselor);
  return { center, counselor, file };
}

describe('the notification center', () => {
  it('turns away a visitor without a session', async () => {
    await setUpOrganization();
    const visitor = new Browser();
    for (const res of [
      await visitor.get('/api/notifications'),
      await visitor.get('/api/notifications/unread'),
      await visitor.post('/api/notifications/read-all'),
      await visitor.post(`/api/notifications/${crypto.randomUUID()}/read`),
      await visitor.get('/api/tasks'),
      await visitor.patch(`/api/tasks/${crypto.randomUUID()}`, { status: 'done' }),
    ]) {
      expect(res.status).toBe(401);
    }
  });

  it('lists my notifications, newest first, with the unread count', async () => {
    const { counselor, file } = await counselorWithNotifications();

    const { notifications, unread } = await notificationsOf(counselor);

    expect(unread).toBe(2);
    expect(notifications).toHaveLength(2);
    expect(notifications[0]).toMatchObject({ caseId: file.caseId, eventType: 'record.saved', readAt: null });
    expect((await counselor.browser.get('/api/notifications/unread')).body).toEqual({ unread: 2 });
  });

  it('marks one as read, then all', async () => {
    const { counselor } = await counselorWithNotifications();
    const [first] = (await notificationsOf(counselor)).notifications;

    const one = await counselor.browser.post(`/api/notifications/${first?.id}/read`);
    expect(one.body).toEqual({ unread: 1 });
    expect((await notificationsOf(counselor)).notifications[0]?.readAt).toEqual(expect.any(Number));

    const all = await counselor.browser.post('/api/notifications/read-all');
    expect(all.body).toEqual({ unread: 0 });
    expect((await notificationsOf(counselor)).unread).toBe(0);
  });

  it('keeps them private: another user neither sees nor marks mine', async () => {
    const { center, counselor } = await counselorWithNotifications();
    const colleague = await addMember(center, ['counselor']);
    const [mine] = (await notificationsOf(counselor)).notifications;

    expect((await notificationsOf(colleague)).notifications).toEqual([]);
    const res = await colleague.browser.post(`/api/notifications/${mine?.id}/read`);

    expect(res.status).toBe(404);
    expect((await notificationsOf(counselor)).unread).toBe(2);
  });

  it('answers 400 for an id that is not one', async () => {
    const { counselor } = await counselorWithNotifications();
    expect((await counselor.browser.post('/api/notifications/42/read')).status).toBe(400);
  });

  it('holds no clinical content: neither the note, its ciphertext nor its operational fields', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const file = await openCase(center, counselor);
    await center.adminBrowser.post('/api/rules', eventRule('record.saved', [notifyCounselor]));
    const canary = `CANARY-${crypto.randomUUID()}`;

    const { write } = await appendNote(file, counselor, {
      secret: { summary: canary },
      operational: { session_date: '2031-07-19', session_number: 7, duration_minutes: 53, modality: 'video' },
    });

    const stored = JSON.stringify([
      (await env.DB.prepare('SELECT * FROM notifications').all()).results,
      (await env.DB.prepare('SELECT * FROM dev_outbox WHERE subject LIKE ?').bind('[Tacit]%').all()).results,
    ]);
    expect(stored).toContain(file.caseId);
    for (const clinical of [
      canary,
      write.body.envelope.slice(0, 40),
      '2031-07-19',
      'video',
      'session-note',
    ]) {
      expect(stored).not.toContain(clinical);
    }
  });
});

describe('the task list', () => {
  async function centerWithTasks() {
    const center = await setUpOrganization();
    const frontdesk = await addMember(center, ['frontdesk']);
    const counselor = await addMember(center, ['counselor']);
    const file = await openCase(center, counselor);
    await center.adminBrowser.post(
      '/api/rules',
      eventRule('survey.submitted', [
        {
          kind: 'create_task',
          title: 'Care call',
          assignee: { kind: 'role', role: 'frontdesk' },
          dueInDays: 2,
        },
        {
          kind: 'create_task',
          title: 'Read the survey',
          assignee: { kind: 'relation', relation: 'primary_counselor' },
          dueInDays: 7,
        },
      ]),
    );
    await appendEvent({ type: 'survey.submitted', subject: file.caseId, caseId: file.caseId });
    await drain(flakySender(0));
    return { center, frontdesk, counselor, file };
  }

  it('shows each person the tasks for them or their role, with due dates', async () => {
    const { frontdesk, counselor, file } = await centerWithTasks();

    const desk = (await frontdesk.browser.get('/api/tasks')).body.tasks;
    const mine = (await counselor.browser.get('/api/tasks')).body.tasks;

    expect(desk).toEqual([
      expect.objectContaining({
        title: 'Care call',
        assigneeRole: 'frontdesk',
        caseId: file.caseId,
        status: 'open',
      }),
    ]);
    expect(mine).toEqual([
      expect.objectContaining({
        title: 'Read the survey',
        assigneeUserId: counselor.account.id,
        assigneeRole: null,
      }),
    ]);
    expect(mine[0].dueAt - mine[0].createdAt).toBe(7 * DAY);
  });

  it('lets the assignee finish a task and reopen it', async () => {
    const { frontdesk } = await centerWithTasks();
    const [task] = (await frontdesk.browser.get('/api/tasks')).body.tasks;

    const done = await frontdesk.browser.patch(`/api/tasks/${task.id}`, { status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', completedAt: expect.any(Number) });
    const reopened = await frontdesk.browser.patch(`/api/tasks/${task.id}`, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', completedAt: null });
  });

  it('refuses someone else’s task and a status that does not exist, writing nothing', async () => {
    const { frontdesk, counselor } = await centerWithTasks();
    const [task] = (await frontdesk.browser.get('/api/tasks')).body.tasks;
    const before = await snapshotCounts();

    expect((await counselor.browser.patch(`/api/tasks/${task.id}`, { status: 'done' })).status).toBe(404);
    expect((await frontdesk.browser.patch(`/api/tasks/${task.id}`, { status: 'later' })).status).toBe(400);
    expect((await frontdesk.browser.get('/api/tasks')).body.tasks[0].status).toBe('open');
    expect(await snapshotCounts()).toEqual(before);
  });
});
