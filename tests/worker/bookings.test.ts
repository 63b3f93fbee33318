import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WIDGET_SUBMISSIONS_PER_MINUTE } from '../../core/api/bookings.js';
import { fromBase64Url } from '../../crypto/bytes.js';
import { openBookingRequest } from '../../crypto/sealed.js';
import { Browser } from './support/client.js';
import { countRows, snapshotCounts } from './support/database.js';
import {
  createApiKey,
  offerService,
  openBooking,
  sealedSubmission,
  serverCall,
} from './support/integrations.js';
import { addMember, setUpOrganization } from './support/scenario.js';
import { ALWAYS, newClient } from './support/schedule.js';
import { openTask, publishGraph } from './support/workflows.js';

const CONTENT = { name: '李华', contact: '13800000000', concern: '最近睡不好，想找人聊聊' };

afterEach(() => {
  vi.unstubAllGlobals();
});

async function bookingCenter() {
  const center = await setUpOrganization();
  const desk = await addMember(center, ['frontdesk']);
  const group = await openBooking(center, [desk.account]);
  return { center, desk, group };
}

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
      const submission = sealedSubmission(center.org.id, group, CONTENT, { serviceId, slotStart: chosen });
      const res = await new Browser().post('/api/widget/booking-requests', submission);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('slot_unavailable');
    }
    expect({ ...(await snapshotCounts()), rate_limits: before.rate_limits }).toEqual(before);
    const free = sealedSubmission(center.org.id, group, CONTENT, {
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
    const submission = sealedSubmission(center.org.id, group, CONTENT, { serviceId, slotStart });
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
    expect(opened).toEqual(CONTENT);
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
    const submission = sealedSubmission(center.org.id, group, CONTENT);
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
    const submission = sealedSubmission(center.org.id, group, CONTENT, { serviceId: crypto.randomUUID() });
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
    const submission = sealedSubmission(center.org.id, group, CONTENT);
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
    const submission = sealedSubmission(center.org.id, group, CONTENT);
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

  it('answers a filled honeypot like a person but stores nothing', async () => {
    const { center, group } = await bookingCenter();
    const before = await snapshotCounts();
    const bot = sealedSubmission(center.org.id, group, CONTENT, { website: 'http://spam.example' });
    const res = await new Browser().post('/api/widget/booking-requests', bot);
    expect(res.status).toBe(201);
    const after = await snapshotCounts();
    expect({ ...after, rate_limits: before.rate_limits }).toEqual(before);
  });

  it('limits submissions per visitor address', async () => {
    const { center, group } = await bookingCenter();
    const visitor = new Browser();
    for (let i = 0; i < WIDGET_SUBMISSIONS_PER_MINUTE; i++) {
      const res = await visitor.post(
        '/api/widget/booking-requests',
        sealedSubmission(center.org.id, group, CONTENT),
        { ip: '203.0.113.9' },
      );
      expect(res.status).toBe(201);
    }
    const limited = await visitor.post(
      '/api/widget/booking-requests',
      sealedSubmission(center.org.id, group, CONTENT),
      { ip: '203.0.113.9' },
    );
    expect(limited.status).toBe(429);
    const other = await visitor.post(
      '/api/widget/booking-requests',
      sealedSubmission(center.org.id, group, CONTENT),
      { ip: '203.0.113.10' },
    );
    expect(other.status).toBe(201);
    expect(await countRows('booking_requests')).toBe(WIDGET_SUBMISSIONS_PER_MINUTE + 1);
  });

  it('requires a Turnstile token verified with Cloudflare when the deployment turns it on', async () => {
    const { center, group } = await bookingCenter();
    const bindings = {
      TURNSTILE_SITE_KEY: '1x00000000000000000000AA',
      TURNSTILE_SECRET_KEY: '1x0000000000000000000000000000000AA',
    };
    const verified: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const form = init?.body as FormData;
      verified.push(`${String(input)} ${form.get('response')}`);
      return Response.json({ success: form.get('response') === 'good-token' });
    });
    const config = await serverCall('GET', '/api/widget/config', { bindings });
    expect(config.body.turnstileSiteKey).toBe(bindings.TURNSTILE_SITE_KEY);
    const post = (extra: Record<string, unknown>) =>
      serverCall('POST', '/api/widget/booking-requests', {
        json: sealedSubmission(center.org.id, group, CONTENT, extra),
        headers: { 'X-Tacit-Request': '1' },
        bindings,
      });
    expect((await post({})).body.error.code).toBe('captcha_failed');
    expect((await post({ turnstileToken: 'bad-token' })).status).toBe(403);
    expect(await countRows('booking_requests')).toBe(0);
    expect((await post({ turnstileToken: 'good-token' })).status).toBe(201);
    expect(verified).toEqual([
      'https://challenges.cloudflare.com/turnstile/v0/siteverify bad-token',
      'https://challenges.cloudflare.com/turnstile/v0/siteverify good-token',
    ]);
  });

  it('refuses a request sealed to another group or an old epoch, a reused id, and malformed bodies', async () => {
    const { center, group } = await bookingCenter();
    const first = sealedSubmission(center.org.id, group, CONTENT);
    await new Browser().post('/api/widget/booking-requests', first);
    const before = await snapshotCounts();
    const visitor = new Browser();
    const wrongGroup = sealedSubmission(center.org.id, { ...group, groupId: crypto.randomUUID() }, CONTENT);
    expect((await visitor.post('/api/widget/booking-requests', wrongGroup)).body.error.code).toBe(
      'stale_group_key',
    );
    const oldEpoch = { ...sealedSubmission(center.org.id, group, CONTENT), groupEpoch: 3 };
    expect((await visitor.post('/api/widget/booking-requests', oldEpoch)).status).toBe(409);
    expect((await visitor.post('/api/widget/booking-requests', first)).status).toBe(409);
    const noSealed = { ...sealedSubmission(center.org.id, group, CONTENT), sealed: { enc: 'short', ct: '' } };
    expect((await visitor.post('/api/widget/booking-requests', noSealed)).status).toBe(400);
    expect(
      (
        await visitor.post('/api/widget/booking-requests', undefined, {
          body: '{',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    expect((await visitor.post('/api/widget/booking-requests', first, { csrf: false })).status).toBe(403);
    const after = await snapshotCounts();
    expect({ ...after, rate_limits: before.rate_limits, audit_events: before.audit_events }).toEqual(before);
  });

  it('refuses every request while online booking is not set up', async () => {
    const center = await setUpOrganization();
    const group = { groupId: crypto.randomUUID(), publicKey: 'q0aFcTg2q6N8ZpDPyqQyx2K4o8Jd3vFh1mBzX0yW5E8' };
    const res = await new Browser().post(
      '/api/widget/booking-requests',
      sealedSubmission(center.org.id, group, CONTENT),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('booking_closed');
  });
});

describe('the widget page', () => {
  it('may be framed by other sites, unlike every other response, and allows Turnstile only when on', async () => {
    const page = await serverCall('GET', '/widget');
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("frame-src 'none'");
    expect(csp).not.toContain('challenges.cloudflare.com');
    expect(page.headers.get('X-Frame-Options')).toBeNull();

    const bindings = {
      TURNSTILE_SITE_KEY: 'site',
      TURNSTILE_SECRET_KEY: 'secret',
      WIDGET_FRAME_ANCESTORS: 'https://xinqing.example',
    };
    const strict = await serverCall('GET', '/widget', { bindings });
    expect(strict.headers.get('Content-Security-Policy')).toContain(
      "script-src 'self' https://challenges.cloudflare.com",
    );
    expect(strict.headers.get('Content-Security-Policy')).toContain(
      'frame-ancestors https://xinqing.example',
    );

    const api = await serverCall('GET', '/api/widget/config');
    expect(api.headers.get('X-Frame-Options')).toBe('DENY');
    expect(api.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });
});

describe('the front desk queue', () => {
  it('lets the front desk move a request along, and nobody else read the queue', async () => {
    const { center, desk, group } = await bookingCenter();
    const counselor = await addMember(center, ['counselor']);
    const submission = sealedSubmission(center.org.id, group, CONTENT);
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
    const submission = sealedSubmission(center.org.id, group, CONTENT);
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
    const submission = sealedSubmission(center.org.id, group, CONTENT);
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
    const submission = sealedSubmission(center.org.id, group, CONTENT);
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

describe('booking requests through the API', () => {
  it('accepts a sealed request with bookings:write and lists operational fields only with bookings:read', async () => {
    const { center, group } = await bookingCenter();
    const writer = await createApiKey(center, ['bookings:write']);
    const reader = await createApiKey(center, ['bookings:read']);
    const submission = sealedSubmission(center.org.id, group, CONTENT, { channel: 'wechat' });
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
