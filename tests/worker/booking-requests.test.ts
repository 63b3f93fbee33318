import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { BOOKING_CONTENT, bookingCenter, sealedSubmission } from './support/integrations.js';
import { addMember } from './support/scenario.js';

/** The front desk's side of booking requests: the queue, one request by id, and its status. */

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the front desk queue', () => {
  it('lets the front desk move a request along, and nobody else read the queue', async () => {
    const { center, desk, group } = await bookingCenter();
    const counselor = await addMember(center, ['counselor']);
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT);
    await new Browser().post('/api/widget/booking-requests', submission);
    const moved = await desk.browser.patch(`/api/booking-requests/${submission.id}`, { status: 'screening' });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('screening');
    expect((await desk.browser.get('/api/booking-requests?status=new')).body.requests).toEqual([]);

    const before = await snapshotCounts();
    expect((await new Browser().get('/api/booking-requests')).status).toBe(401);
    expect((await counselor.browser.get('/api/booking-requests')).status).toBe(403);
    expect((await center.adminBrowser.get('/api/booking-requests')).status).toBe(403);
    expect(
      (await counselor.browser.patch(`/api/booking-requests/${submission.id}`, { status: 'declined' }))
        .status,
    ).toBe(403);
    expect(
      (await desk.browser.patch(`/api/booking-requests/${submission.id}`, { status: 'lost' })).status,
    ).toBe(400);
    expect(
      (await desk.browser.patch(`/api/booking-requests/${crypto.randomUUID()}`, { status: 'declined' }))
        .status,
    ).toBe(404);
    expect((await desk.browser.get('/api/booking-requests?limit=0')).status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('one booking request', () => {
  it('gives the front desk one request by id, sealed as stored, and records the read', async () => {
    const { center, desk, group } = await bookingCenter();
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT);
    await new Browser().post('/api/widget/booking-requests', submission);
    const one = await desk.browser.get(`/api/booking-requests/${submission.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: submission.id, status: 'new', sealed: submission.sealed });
    const read = await env.DB.prepare(
      "SELECT actor_user_id AS actor, subject FROM audit_events WHERE type = 'booking.request_read'",
    ).all();
    expect(read.results).toEqual([{ actor: desk.account.id, subject: submission.id }]);
  });

  it('refuses the request to anyone but the front desk, a malformed id and an unknown one, recording nothing', async () => {
    const { center, desk, group } = await bookingCenter();
    const counselor = await addMember(center, ['counselor']);
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT);
    await new Browser().post('/api/widget/booking-requests', submission);
    const before = await snapshotCounts();
    const path = `/api/booking-requests/${submission.id}`;
    expect((await new Browser().get(path)).status).toBe(401);
    expect((await counselor.browser.get(path)).status).toBe(403);
    expect((await center.adminBrowser.get(path)).status).toBe(403);
    const malformed = await desk.browser.get('/api/booking-requests/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_request');
    const unknown = await desk.browser.get(`/api/booking-requests/${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('tells subscribed integrations of a status the front desk set, in the write of the change', async () => {
    const { center, desk, group } = await bookingCenter();
    const received: string[] = [];
    await center.adminBrowser.post('/api/webhooks', {
      url: 'https://crm.example/h',
      eventTypes: ['booking_request.status_changed'],
    });
    vi.stubGlobal('fetch', async (_input: RequestInfo | URL, init?: RequestInit) => {
      received.push(String(init?.body));
      return new Response(null, { status: 204 });
    });
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT);
    await new Browser().post('/api/widget/booking-requests', submission);
    const moved = await desk.browser.patch(`/api/booking-requests/${submission.id}`, { status: 'declined' });
    expect(moved.body.status).toBe('declined');
    expect(received.map((body) => JSON.parse(body))).toMatchObject([
      { type: 'booking_request.status_changed', data: { id: submission.id, from: 'new', to: 'declined' } },
    ]);
    // The same status again changes nothing and tells nobody.
    await desk.browser.patch(`/api/booking-requests/${submission.id}`, { status: 'declined' });
    expect(received).toHaveLength(1);
  });
});
