import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBase64Url } from '../../crypto/bytes.js';
import { openBookingRequest } from '../../crypto/sealed.js';
import { Browser } from './support/client.js';
import { countRows, snapshotCounts } from './support/database.js';
import {
  BOOKING_CONTENT,
  bookingCenter,
  createApiKey,
  offerService,
  openBooking,
  sealedSubmission,
  serverCall,
} from './support/integrations.js';
import { addMember, setUpOrganization } from './support/scenario.js';
import { ALWAYS, newClient } from './support/schedule.js';
import { openTask, publishGraph } from './support/workflows.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

const onTheHour = (ms: number) => ms - (ms % 3_600_000);

async function counselorWorkingAlways(center: Awaited<ReturnType<typeof setUpOrganization>>) {
  const counselor = await addMember(center, ['counselor']);
  const set = await center.adminBrowser.request(
    'PUT',
    `/api/schedule/counselors/${counselor.account.id}/shifts`,
    {
      json: { shifts: ALWAYS },
    },
  );
  expect(set.status).toBe(200);
  return counselor;
}

describe('booking widget', () => {
  it('refuses a chosen time that is no longer free with 409 slot_unavailable, storing nothing', async () => {
    const { center, desk, group } = await bookingCenter();
    const serviceId = await offerService(center);
    const counselor = await counselorWorkingAlways(center);
    const slotStart = onTheHour(Date.now() + 3 * 86_400_000);
    // The one counselor is booked at that time after the visitor saw it listed.
    const clientId = await newClient(desk, center.org.id);
    const taken = await desk.browser.post('/api/schedule/appointments', {
      clientId,
      counselorId: counselor.account.id,
      roomId: null,
      serviceId,
      startAt: slotStart + 30 * 60_000,
    });
    expect(taken.status).toBe(201);
    const before = await snapshotCounts();
    for (const chosen of [slotStart, Date.now() + 60_000 - (Date.now() % 60_000)]) {
      const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT, {
        serviceId,
        slotStart: chosen,
      });
      const res = await new Browser().post('/api/widget/booking-requests', submission);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('slot_unavailable');
    }
    expect({ ...(await snapshotCounts()), rate_limits: before.rate_limits }).toEqual(before);
    const free = sealedSubmission(center.org.id, group, BOOKING_CONTENT, {
      serviceId,
      slotStart: slotStart + 86_400_000,
    });
    expect((await new Browser().post('/api/widget/booking-requests', free)).status).toBe(201);
  });

  it('gives the widget the front-desk group key, and none before the center has a front desk', async () => {
    const center = await setUpOrganization();
    const closed = await new Browser().get('/api/widget/config');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ orgId: center.org.id, intakeGroup: null, turnstileSiteKey: null });
    const desk = await addMember(center, ['frontdesk']);
    const group = await openBooking(center, [desk.account]);
    const open = await new Browser().get('/api/widget/config');
    expect(open.body.intakeGroup).toEqual({ id: group.groupId, epoch: 0, x25519Pk: group.publicKey });
  });

  it('stores a sealed request the front desk opens with the group key, keeping channel and UTM in plaintext', async () => {
    const { center, desk, group } = await bookingCenter();
    const serviceId = await offerService(center);
    await counselorWorkingAlways(center);
    const slotStart = onTheHour(Date.now() + 3 * 86_400_000);
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT, { serviceId, slotStart });
    const res = await new Browser().post('/api/widget/booking-requests', submission);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: submission.id, status: 'new' });

    const list = await desk.browser.get('/api/booking-requests');
    expect(list.status).toBe(200);
    const [request] = list.body.requests;
    expect(request).toMatchObject({
      id: submission.id,
      status: 'new',
      channel: 'website',
      utm: { source: 'newsletter', medium: 'email' },
      serviceId,
      slotStart,
    });
    const opened = openBookingRequest(group.secretKey, center.org.id, request.id, {
      enc: fromBase64Url(request.sealed.enc),
      ct: fromBase64Url(request.sealed.ct),
    });
    expect(opened).toEqual(BOOKING_CONTENT);
    const row = await env.DB.prepare('SELECT * FROM booking_requests').first();
    expect(JSON.stringify(row)).not.toContain('李华');
  });

  it('leaves a status the booking workflow picks up, and announces the request to subscribed integrations', async () => {
    const { center, group } = await bookingCenter();
    const received: string[] = [];
    await center.adminBrowser.post('/api/webhooks', {
      url: 'https://crm.example/h',
      eventTypes: ['booking_request.created'],
    });
    vi.stubGlobal('fetch', async (_input: RequestInfo | URL, init?: RequestInit) => {
      received.push(String(init?.body));
      return new Response(null, { status: 204 });
    });
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT);
    await new Browser().post('/api/widget/booking-requests', submission);
    const row = await env.DB.prepare('SELECT status, workflow_instance_id FROM booking_requests').first();
    expect(row).toEqual({ status: 'new', workflow_instance_id: null });
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0] as string)).toMatchObject({
      type: 'booking_request.created',
      data: { id: submission.id, channel: 'website', utmSource: 'newsletter' },
    });
    expect(received[0]).not.toContain(submission.sealed.ct);
  });

  it('lists the active services, and free start times within the counselors’ shifts', async () => {
    const { center } = await bookingCenter();
    const counselor = await addMember(center, ['counselor']);
    const serviceId = await offerService(center, 'Individual 60 min', 60);
    const retired = await offerService(center, 'Old service', 50);
    await center.adminBrowser.patch(`/api/schedule/services/${retired}`, { active: false });
    // Every day 09:00-12:00 in the institution's zone (Asia/Shanghai by default, UTC+8).
    const shifts = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 540, endMinute: 720 }));
    const set = await center.adminBrowser.request(
      'PUT',
      `/api/schedule/counselors/${counselor.account.id}/shifts`,
      {
        json: { shifts },
      },
    );
    expect(set.status).toBe(200);

    const listed = await new Browser().get('/api/widget/services');
    expect(listed.body.services).toEqual([
      { id: serviceId, name: 'Individual 60 min', durationMinutes: 60, feeCents: 60000 },
    ]);
    const day = Date.UTC(2030, 0, 7) - 8 * 3600_000; // 2030-01-07 00:00 in Shanghai
    const slots = await new Browser().get(
      `/api/widget/slots?serviceId=${serviceId}&from=${day}&to=${day + 86_400_000}`,
    );
    expect(slots.status).toBe(200);
    const hour = 3600_000;
    expect(slots.body).toEqual({
      timeZone: 'Asia/Shanghai',
      starts: [9, 9.5, 10, 10.5, 11].map((h) => day + h * hour),
    });

    const bad = [
      `/api/widget/slots?serviceId=${serviceId}&from=${day}&to=${day + 15 * 86_400_000}`,
      `/api/widget/slots?serviceId=${serviceId}&from=${day}`,
      '/api/widget/slots?serviceId=nope&from=1&to=2',
      `/api/widget/slots?serviceId=${retired}&from=${day}&to=${day + hour}`,
    ];
    for (const path of bad) expect((await new Browser().get(path)).status, path).toBe(400);
  });

  it('refuses a request for a service the center does not offer', async () => {
    const { center, group } = await bookingCenter();
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT, {
      serviceId: crypto.randomUUID(),
    });
    expect((await new Browser().post('/api/widget/booking-requests', submission)).status).toBe(400);
    expect(await countRows('booking_requests')).toBe(0);
  });

  it('starts the center’s published booking workflow with the request’s operational fields', async () => {
    const { center, desk, group } = await bookingCenter();
    await publishGraph(center.adminBrowser, 'new_client_booking', {
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'screen',
          type: 'form_task',
          label: 'Screen the request',
          assignee: { kind: 'role', role: 'frontdesk' },
        },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'screen' },
        { from: 'screen', to: 'end' },
      ],
    });
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT);
    await new Browser().post('/api/widget/booking-requests', submission);
    const row = await env.DB.prepare('SELECT workflow_instance_id AS instance FROM booking_requests').first<{
      instance: string | null;
    }>();
    expect(row?.instance).toMatch(/^[0-9a-f-]{36}$/);
    expect((await openTask(desk.browser, 'Screen the request')).instanceId).toBe(row?.instance);
  });

  it('keeps a request and answers the visitor when the booking workflow cannot start', async () => {
    const { center, group } = await bookingCenter();
    await publishGraph(center.adminBrowser, 'new_client_booking', {
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'screen', type: 'form_task', label: 'Screen', assignee: { kind: 'role', role: 'frontdesk' } },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'screen' },
        { from: 'screen', to: 'end' },
      ],
    });
    // The workflow tables refuse every new instance, as a failing database would.
    await env.DB.prepare(
      "CREATE TRIGGER refuse_instances BEFORE INSERT ON workflow_instances BEGIN SELECT RAISE(ABORT, 'refused'); END",
    ).run();
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT);
    const res = await new Browser().post('/api/widget/booking-requests', submission);
    expect(res.status).toBe(201);
    const row = await env.DB.prepare(
      'SELECT status, workflow_instance_id AS instance FROM booking_requests WHERE id = ?',
    )
      .bind(submission.id)
      .first<{ status: string; instance: string | null }>();
    expect(row).toEqual({ status: 'new', instance: null });
    expect(await countRows('workflow_instances')).toBe(0);
  });
});

describe('booking requests through the API', () => {
  it('accepts a sealed request with bookings:write and lists operational fields only with bookings:read', async () => {
    const { center, group } = await bookingCenter();
    const writer = await createApiKey(center, ['bookings:write']);
    const reader = await createApiKey(center, ['bookings:read']);
    const submission = sealedSubmission(center.org.id, group, BOOKING_CONTENT, { channel: 'wechat' });
    const created = await serverCall('POST', '/api/v1/booking-requests', {
      key: writer.secret,
      json: submission,
    });
    expect(created.status).toBe(201);
    expect((await serverCall('GET', '/api/v1/booking-requests', { key: writer.secret })).status).toBe(403);
    const list = await serverCall('GET', '/api/v1/booking-requests', { key: reader.secret });
    expect(list.body.requests).toEqual([
      expect.objectContaining({ id: submission.id, channel: 'wechat', status: 'new' }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(submission.sealed.ct);
    expect(
      (await serverCall('POST', '/api/v1/booking-requests', { key: writer.secret, json: { id: 'x' } }))
        .status,
    ).toBe(400);
  });
});
