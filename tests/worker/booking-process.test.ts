import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { rankCounselors } from '../../core/workflows/matching.js';
import { openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { openBooking, sealedSubmission } from './support/integrations.js';
import { notificationsOf } from './support/rules.js';
import { booking, HOUR, openClinic } from './support/schedule.js';
import { inbox, openTask, publishGraph } from './support/workflows.js';

const CONTENT = { name: '李华', contact: '13800000000', concern: 'sleep' };
const HALF_HOUR = 30 * 60_000;

/** A clinic whose website takes requests into the shipped booking process. */
async function bookingClinic() {
  const clinic = await openClinic();
  const group = await openBooking(clinic.center, [clinic.desk.account]);
  const installed = await clinic.center.adminBrowser.post(
    '/api/workflows/definitions/shipped/new_client_booking',
  );
  expect(installed.body).toMatchObject({ key: 'new_client_booking', status: 'published' });
  const slotStart = Math.ceil((Date.now() + 3 * 24 * HOUR) / HALF_HOUR) * HALF_HOUR;
  const submission = sealedSubmission(clinic.center.org.id, group, CONTENT, {
    serviceId: clinic.serviceId,
    slotStart,
  });
  const sent = await new Browser().post('/api/widget/booking-requests', submission);
  expect(sent.status).toBe(201);
  return { clinic, requestId: submission.id, slotStart };
}

const requestStatus = async (id: string) =>
  (
    await env.DB.prepare('SELECT status FROM booking_requests WHERE id = ?')
      .bind(id)
      .first<{ status: string }>()
  )?.status;

describe('the shipped new-client booking process', () => {
  it('runs a website request through screening, matching, confirmation and notification', async () => {
    const { clinic, requestId, slotStart } = await bookingClinic();
    const { desk, counselor, other, director } = clinic;
    // The other counselor is booked at the requested time: matching must rank the free one first.
    await desk.browser.post(
      '/api/schedule/appointments',
      booking(clinic, slotStart, { counselorId: other.account.id, roomId: clinic.otherRoomId }),
    );

    const screen = await openTask(desk.browser, 'Screen the booking request');
    const screenView = (await inbox(desk.browser)).tasks.find((task) => task.id === screen.id);
    expect(screenView).toMatchObject({
      action: 'screen_booking',
      processKey: 'new_client_booking',
      data: { bookingRequestId: requestId, serviceId: clinic.serviceId, slotStart },
    });
    expect(screen.dueAt).toBeGreaterThan(Date.now() + 23 * HOUR);
    // The client registered from the opened request; the counselor's case is opened on it.
    const file = await openCase(clinic.center, counselor);
    const screened = await desk.browser.post(`/api/workflows/tasks/${screen.id}/complete`, {
      outcome: 'approved',
      data: { clientId: file.clientId },
    });
    expect(screened.body.waitingAt).toEqual(['match']);
    expect(await requestStatus(requestId)).toBe('screening');

    const match = await openTask(desk.browser, 'Match a counselor and book the first session');
    const facts = await desk.browser.get(`/api/workflows/tasks/${match.id}/matching`);
    expect(facts.status).toBe(200);
    expect(facts.body).toMatchObject({ serviceId: clinic.serviceId, slotStart, durationMinutes: 50 });
    const ranked = rankCounselors(facts.body);
    expect(ranked.map((one) => one.counselor.id)).toEqual([counselor.account.id, other.account.id]);
    expect(ranked[0]?.offer).toBe(slotStart);
    const theOther = facts.body.counselors.find((one: { id: string }) => one.id === other.account.id);
    expect(theOther).toMatchObject({ upcomingAppointments: 1 });
    expect(theOther.freeStarts).not.toContain(slotStart);
    expect(JSON.stringify(facts.body)).not.toContain('李华');
    // The counselors' profiles come with the facts; the client's wishes stay in the browser.
    const profiled = await clinic.center.adminBrowser.put(`/api/counselor-profiles/${other.account.id}`, {
      languages: ['en'],
      specialties: ['sleep'],
      gender: null,
    });
    expect(profiled.status).toBe(200);
    const refreshed = await desk.browser.get(`/api/workflows/tasks/${match.id}/matching`);
    expect(
      refreshed.body.counselors.find((one: { id: string }) => one.id === other.account.id),
    ).toMatchObject({
      languages: ['en'],
      specialties: ['sleep'],
      gender: null,
    });
    const byWish = rankCounselors(refreshed.body, { language: 'en', topics: ['sleep'] });
    expect(byWish.find((one) => one.counselor.id === other.account.id)?.reasons.slice(0, 2)).toEqual([
      { code: 'speaks_language', language: 'en' },
      { code: 'specialties_match', topics: ['sleep'] },
    ]);

    const booked = await desk.browser.post(
      '/api/schedule/appointments',
      booking(clinic, slotStart, { clientId: file.clientId }),
    );
    expect(booked.status).toBe(201);
    const matched = await desk.browser.post(`/api/workflows/tasks/${match.id}/complete`, {
      data: { counselorId: counselor.account.id, appointmentId: booked.body.appointments[0].id },
    });
    expect(matched.body.waitingAt).toEqual(['confirm']);
    expect(await requestStatus(requestId)).toBe('scheduled');

    const confirm = await openTask(counselor.browser, 'Confirm the new client and open the case');
    expect(confirm.assigneeUserId).toBe(counselor.account.id);
    expect((await inbox(other.browser)).tasks).toEqual([]);
    const confirmed = await counselor.browser.post(`/api/workflows/tasks/${confirm.id}/complete`, {
      outcome: 'approved',
      data: { caseId: file.caseId },
    });
    expect(confirmed.body).toMatchObject({ caseId: file.caseId, waitingAt: ['notify'] });

    const notify = await openTask(desk.browser, 'Tell the client their appointment');
    const notified = await desk.browser.post(`/api/workflows/tasks/${notify.id}/complete`, {});
    expect(notified.body).toMatchObject({ status: 'done', caseId: file.caseId });
    const told = (await notificationsOf(counselor)).notifications.map((one: { title: string }) => one.title);
    expect(told).toEqual(['A new client is booked with you']);
    expect((await inbox(director.browser)).tasks).toEqual([]);
  });

  it('ends a declined request at screening and marks it declined', async () => {
    const { clinic, requestId } = await bookingClinic();
    const screen = await openTask(clinic.desk.browser, 'Screen the booking request');
    const declined = await clinic.desk.browser.post(`/api/workflows/tasks/${screen.id}/complete`, {
      outcome: 'rejected',
    });
    expect(declined.body).toMatchObject({ status: 'done', waitingAt: [] });
    expect(declined.body.history.at(-1).visited).toEqual(['declined']);
    expect(await requestStatus(requestId)).toBe('declined');
  });

  it('refuses a step whose data is not so, writing nothing', async () => {
    const { clinic } = await bookingClinic();
    const { desk, counselor, director } = clinic;
    const screen = await openTask(desk.browser, 'Screen the booking request');
    let before = await snapshotCounts();
    for (const data of [{}, { clientId: crypto.randomUUID() }, { clientId: 'not-an-id' }]) {
      const res = await desk.browser.post(`/api/workflows/tasks/${screen.id}/complete`, {
        outcome: 'approved',
        data,
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(await snapshotCounts()).toEqual(before);
    // Matching facts belong to an open matching step's assignee only.
    expect((await desk.browser.get(`/api/workflows/tasks/${screen.id}/matching`)).status).toBe(409);
    expect((await counselor.browser.get(`/api/workflows/tasks/${screen.id}/matching`)).status).toBe(404);
    expect((await new Browser().get(`/api/workflows/tasks/${screen.id}/matching`)).status).toBe(401);
    expect((await desk.browser.get('/api/workflows/tasks/nope/matching')).status).toBe(400);

    await desk.browser.post(`/api/workflows/tasks/${screen.id}/complete`, {
      outcome: 'approved',
      data: { clientId: clinic.clientId },
    });
    const match = await openTask(desk.browser, 'Match a counselor and book the first session');
    before = await snapshotCounts();
    for (const counselorId of [director.account.id, crypto.randomUUID()]) {
      const res = await desk.browser.post(`/api/workflows/tasks/${match.id}/complete`, {
        data: { counselorId },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toContain('no active counselor has this id');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a confirmation with a case that is not the counselor’s, and hands a declined one back to matching', async () => {
    const { clinic } = await bookingClinic();
    const { desk, counselor, other } = clinic;
    const screen = await openTask(desk.browser, 'Screen the booking request');
    await desk.browser.post(`/api/workflows/tasks/${screen.id}/complete`, {
      outcome: 'approved',
      data: { clientId: clinic.clientId },
    });
    const match = await openTask(desk.browser, 'Match a counselor and book the first session');
    await desk.browser.post(`/api/workflows/tasks/${match.id}/complete`, {
      data: { counselorId: counselor.account.id },
    });
    // Confirming with a case that is not the counselor's own is refused.
    const theirs = await openCase(clinic.center, other);
    const confirm = await openTask(counselor.browser, 'Confirm the new client and open the case');
    const before = await snapshotCounts();
    const wrong = await counselor.browser.post(`/api/workflows/tasks/${confirm.id}/complete`, {
      outcome: 'approved',
      data: { caseId: theirs.caseId },
    });
    expect(wrong.status).toBe(422);
    expect(await snapshotCounts()).toEqual(before);
    // Declining hands the request back to matching.
    const handedBack = await counselor.browser.post(`/api/workflows/tasks/${confirm.id}/complete`, {
      outcome: 'rejected',
    });
    expect(handedBack.body.waitingAt).toEqual(['match']);
  });
});

describe('a booking step opened by its address', () => {
  it('gives each person their own task, open or done, and nobody else’s', async () => {
    const { clinic, requestId } = await bookingClinic();
    const { desk, counselor } = clinic;
    const screen = await openTask(desk.browser, 'Screen the booking request');
    const one = await desk.browser.get(`/api/workflows/tasks/${screen.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: screen.id,
      action: 'screen_booking',
      processKey: 'new_client_booking',
      status: 'open',
      data: { bookingRequestId: requestId },
    });
    await desk.browser.post(`/api/workflows/tasks/${screen.id}/complete`, {
      outcome: 'approved',
      data: { clientId: clinic.clientId },
    });
    expect((await desk.browser.get(`/api/workflows/tasks/${screen.id}`)).body).toMatchObject({
      status: 'done',
      outcome: 'approved',
    });

    const before = await snapshotCounts();
    expect((await new Browser().get(`/api/workflows/tasks/${screen.id}`)).status).toBe(401);
    const theirs = await counselor.browser.get(`/api/workflows/tasks/${screen.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    expect((await clinic.center.adminBrowser.get(`/api/workflows/tasks/${screen.id}`)).status).toBe(404);
    const malformed = await desk.browser.get('/api/workflows/tasks/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_request');
    expect((await desk.browser.get(`/api/workflows/tasks/${crypto.randomUUID()}`)).status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('the first session of a booked client', () => {
  it('is filed in the case the counselor opens, so the supervision process counts it', async () => {
    const { clinic } = await bookingClinic();
    const { desk, counselor } = clinic;
    const installed = await clinic.center.adminBrowser.post('/api/workflows/definitions/shipped/supervision');
    const graph = structuredClone(installed.body.graph);
    graph.nodes[0].trigger.sessions = 1;
    await publishGraph(clinic.center.adminBrowser, 'supervision', graph, installed.body.name);
    const file = await openCase(clinic.center, counselor);

    const screen = await openTask(desk.browser, 'Screen the booking request');
    await desk.browser.post(`/api/workflows/tasks/${screen.id}/complete`, {
      outcome: 'approved',
      data: { clientId: file.clientId },
    });
    // A session already held (only a started session can be completed): booked at matching.
    const heldAt = Math.floor((Date.now() - 2 * HOUR) / HALF_HOUR) * HALF_HOUR;
    const booked = await desk.browser.post(
      '/api/schedule/appointments',
      booking(clinic, heldAt, { clientId: file.clientId }),
    );
    expect(booked.status).toBe(201);
    const appointmentId: string = booked.body.appointments[0].id;
    expect(booked.body.appointments[0].caseId).toBeNull();
    const match = await openTask(desk.browser, 'Match a counselor and book the first session');
    await desk.browser.post(`/api/workflows/tasks/${match.id}/complete`, {
      data: { counselorId: counselor.account.id, appointmentId, appointmentStart: heldAt },
    });

    const confirm = await openTask(counselor.browser, 'Confirm the new client and open the case');
    const confirmed = await counselor.browser.post(`/api/workflows/tasks/${confirm.id}/complete`, {
      outcome: 'approved',
      data: { caseId: file.caseId },
    });
    expect(confirmed.status).toBe(200);
    const filed = await env.DB.prepare('SELECT case_id FROM appointments WHERE id = ?')
      .bind(appointmentId)
      .first<{ case_id: string | null }>();
    expect(filed?.case_id).toBe(file.caseId);
    const linked = await env.DB.prepare(
      "SELECT actor_user_id AS actor, subject, details FROM audit_events WHERE type = 'appointment.case_linked'",
    ).all();
    expect(linked.results).toEqual([
      {
        actor: counselor.account.id,
        subject: appointmentId,
        details: JSON.stringify({ caseId: file.caseId }),
      },
    ]);

    const held = await counselor.browser.post(`/api/schedule/appointments/${appointmentId}/status`, {
      status: 'completed',
    });
    expect(held.status).toBe(200);
    const reports = (await inbox(counselor.browser)).tasks.filter(
      (task) => task.title === 'Submit supervision report',
    );
    expect(reports).toHaveLength(1);
    const started = await env.DB.prepare(
      'SELECT trigger_key FROM workflow_instances WHERE trigger_key IS NOT NULL',
    ).all<{ trigger_key: string }>();
    expect(started.results.map((row) => row.trigger_key)).toEqual([`supervision:${file.caseId}:1`]);
  });

  it('refuses to file a session booked with another counselor in my case, writing nothing', async () => {
    const { clinic } = await bookingClinic();
    const { desk, counselor, other } = clinic;
    const file = await openCase(clinic.center, counselor);
    const screen = await openTask(desk.browser, 'Screen the booking request');
    await desk.browser.post(`/api/workflows/tasks/${screen.id}/complete`, {
      outcome: 'approved',
      data: { clientId: file.clientId },
    });
    const startAt = Math.ceil((Date.now() + 5 * 24 * HOUR) / HALF_HOUR) * HALF_HOUR;
    const booked = await desk.browser.post(
      '/api/schedule/appointments',
      booking(clinic, startAt, { clientId: file.clientId, counselorId: other.account.id }),
    );
    const match = await openTask(desk.browser, 'Match a counselor and book the first session');
    await desk.browser.post(`/api/workflows/tasks/${match.id}/complete`, {
      data: { counselorId: counselor.account.id, appointmentId: booked.body.appointments[0].id },
    });
    const confirm = await openTask(counselor.browser, 'Confirm the new client and open the case');
    const before = await snapshotCounts();
    const refused = await counselor.browser.post(`/api/workflows/tasks/${confirm.id}/complete`, {
      outcome: 'approved',
      data: { caseId: file.caseId },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('first session is booked with you');
    expect(await snapshotCounts()).toEqual(before);
  });
});
