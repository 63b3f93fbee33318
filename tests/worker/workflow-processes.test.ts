import { describe, expect, it } from 'vitest';
import { booking, HOUR, openClinic } from './support/schedule.js';
import { inbox, openTask } from './support/workflows.js';

const PATH = '/api/schedule/leave';
const MONDAY_10 = Date.UTC(2027, 2, 1, 2, 0);
const leaveOnMonday = { startAt: MONDAY_10 - 2 * HOUR, endAt: MONDAY_10 + 8 * HOUR, reason: 'sick' };

describe('the shipped leave process', () => {
  it('asks the directors to approve a new leave request, whose approval then blocks bookings', async () => {
    const clinic = await openClinic();
    const installed = await clinic.center.adminBrowser.post(
      '/api/workflows/definitions/shipped/leave_request',
    );
    expect(installed.body).toMatchObject({ key: 'leave_request', version: 1, status: 'published' });
    expect((await clinic.center.adminBrowser.post('/api/workflows/definitions/shipped/nothing')).status).toBe(
      404,
    );

    const asked = await clinic.counselor.browser.post(PATH, leaveOnMonday);
    const task = await openTask(clinic.director.browser, 'Approve leave');
    expect(task.dueAt).toBeGreaterThan(Date.now() + 47 * HOUR);

    const done = await clinic.director.browser.post(`/api/workflows/tasks/${task.id}/complete`, {
      outcome: 'approved',
    });
    expect(done.body).toMatchObject({
      status: 'done',
      data: { leaveId: asked.body.id, decision: 'approved' },
    });
    const leave = (await clinic.director.browser.get(PATH)).body.leave;
    expect(leave).toEqual([expect.objectContaining({ id: asked.body.id, status: 'approved' })]);
    const blocked = await clinic.desk.browser.post('/api/schedule/appointments', booking(clinic, MONDAY_10));
    expect(blocked.body.error.code).toBe('on_leave');

    const told = (await clinic.counselor.browser.get('/api/notifications')).body.notifications;
    expect(told.map((n: { title: string }) => n.title)).toEqual(['Leave approved']);
    expect((await inbox(clinic.director.browser)).open).toBe(0);
  });

  it('leaves the leave pending and nothing started while no process is published', async () => {
    const clinic = await openClinic();
    const asked = await clinic.counselor.browser.post(PATH, leaveOnMonday);
    expect(asked.body.status).toBe('pending');
    expect((await inbox(clinic.director.browser)).tasks).toEqual([]);
  });
});
