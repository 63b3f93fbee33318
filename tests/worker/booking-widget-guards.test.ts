import { afterEach, describe, expect, it, vi } from 'vitest';
import { WIDGET_SUBMISSIONS_PER_MINUTE } from '../../core/api/bookings.js';
import { Browser } from './support/client.js';
import { countRows, snapshotCounts } from './support/database.js';
import { BOOKING_CONTENT, bookingCenter, sealedSubmission, serverCall } from './support/integrations.js';
import { setUpOrganization } from './support/scenario.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The widget's defenses: bots, floods, captchas, forged or malformed requests, framing. */

describe('booking widget', () => {
  it('answers a filled honeypot like a person but stores nothing', async () => {
    const { center, group } = await bookingCenter();
    const before = await snapshotCounts();
    const bot = sealedSubmission(center.org.id, group, BOOKING_CONTENT, { website: 'http://spam.example' });
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
        sealedSubmission(center.org.id, group, BOOKING_CONTENT),
        { ip: '203.0.113.9' },
      );
      expect(res.status).toBe(201);
    }
    const limited = await visitor.post(
      '/api/widget/booking-requests',
      sealedSubmission(center.org.id, group, BOOKING_CONTENT),
      { ip: '203.0.113.9' },
    );
    expect(limited.status).toBe(429);
    const other = await visitor.post(
      '/api/widget/booking-requests',
      sealedSubmission(center.org.id, group, BOOKING_CONTENT),
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
        json: sealedSubmission(center.org.id, group, BOOKING_CONTENT, extra),
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
    const first = sealedSubmission(center.org.id, group, BOOKING_CONTENT);
    await new Browser().post('/api/widget/booking-requests', first);
    const before = await snapshotCounts();
    const visitor = new Browser();
    const wrongGroup = sealedSubmission(
      center.org.id,
      { ...group, groupId: crypto.randomUUID() },
      BOOKING_CONTENT,
    );
    expect((await visitor.post('/api/widget/booking-requests', wrongGroup)).body.error.code).toBe(
      'stale_group_key',
    );
    const oldEpoch = { ...sealedSubmission(center.org.id, group, BOOKING_CONTENT), groupEpoch: 3 };
    expect((await visitor.post('/api/widget/booking-requests', oldEpoch)).status).toBe(409);
    expect((await visitor.post('/api/widget/booking-requests', first)).status).toBe(409);
    const noSealed = {
      ...sealedSubmission(center.org.id, group, BOOKING_CONTENT),
      sealed: { enc: 'short', ct: '' },
    };
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
      sealedSubmission(center.org.id, group, BOOKING_CONTENT),
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
