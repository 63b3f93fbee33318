import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  WIDGET_SUBMISSIONS_PER_MINUTE,
  widgetSlotsQuerySchema,
  widgetSubmissionSchema,
} from '../../core/api/bookings.js';
import { acceptBookingRequest, intakeGroup, judgeBookableService, serviceQuery } from '../bookings.js';
import { services } from '../db/schedule-schema.js';
import type { AppEnv, Env } from '../env.js';
import { ApiError } from '../errors.js';
import { freeSlotQueries, freeSlotsFrom, mergedStarts } from '../free-slots.js';
import { judgeOrg, orgQuery, requireOrg } from '../org.js';
import { countRequest } from '../rate-limit.js';
import { institutionTimeZone } from '../schedule-settings.js';
import { clientIp } from '../sign-in.js';
import { jsonBody, queryParams } from '../validation.js';

/**
 * The booking widget's own endpoints. The widget page is served from this origin inside an
 * iframe on the center's website, so these are same-origin calls with the CSRF header; the
 * visitor has no account, hence the spam defenses: a per-IP limit, a honeypot field people never
 * see, and Cloudflare Turnstile when the deployment configures it.
 */
export const bookingWidgetRoutes = new Hono<AppEnv>();

const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

export function turnstileSiteKey(env: Env): string | null {
  return env.TURNSTILE_SITE_KEY && env.TURNSTILE_SECRET_KEY ? env.TURNSTILE_SITE_KEY : null;
}

async function verifyTurnstile(secret: string, token: string | undefined, ip: string): Promise<void> {
  if (!token) throw new ApiError(403, 'captcha_failed', 'complete the human check first');
  const form = new FormData();
  form.set('secret', secret);
  form.set('response', token);
  if (ip !== 'local') form.set('remoteip', ip);
  let success = false;
  try {
    const response = await fetch(TURNSTILE_VERIFY_URL, { method: 'POST', body: form });
    success = response.ok && ((await response.json()) as { success?: unknown }).success === true;
  } catch {
    throw new ApiError(503, 'unavailable', 'the human check could not be verified; try again');
  }
  if (!success) throw new ApiError(403, 'captcha_failed', 'the human check failed; try again');
}

bookingWidgetRoutes.get('/config', async (c) => {
  const orgRow = await requireOrg(c.var.db);
  const group = await intakeGroup(c.var.db);
  return c.json({
    orgId: orgRow.id,
    orgName: orgRow.name,
    intakeGroup: group ? { id: group.id, epoch: group.epoch, x25519Pk: group.x25519Pk } : null,
    turnstileSiteKey: turnstileSiteKey(c.env),
  });
});

bookingWidgetRoutes.get('/services', async (c) => {
  const rows = await c.var.db
    .select()
    .from(services)
    .where(eq(services.active, true))
    .orderBy(asc(services.name));
  return c.json({
    services: rows.map(({ id, name, durationMinutes, feeCents }) => ({
      id,
      name,
      durationMinutes,
      feeCents,
    })),
  });
});

bookingWidgetRoutes.get('/slots', queryParams(widgetSlotsQuerySchema), async (c) => {
  const { db } = c.var;
  const { serviceId, from, to } = c.req.valid('query');
  const [serviceRows, orgRows, ...slotRows] = await db.batch([
    serviceQuery(db, serviceId),
    orgQuery(db),
    ...freeSlotQueries(db, from, to),
  ]);
  const service = judgeBookableService(serviceRows);
  const timeZone = institutionTimeZone(judgeOrg(orgRows));
  return c.json({ timeZone, starts: mergedStarts(freeSlotsFrom(slotRows, service, from, to, timeZone)) });
});

bookingWidgetRoutes.post('/booking-requests', jsonBody(widgetSubmissionSchema), async (c) => {
  const ip = clientIp(c);
  await countRequest(c.var.db, `widget-ip:${ip}`, WIDGET_SUBMISSIONS_PER_MINUTE);
  const { website, turnstileToken, ...submission } = c.req.valid('json');
  // A filled honeypot is a bot: it is told what a person is told, and nothing is stored.
  if (website) return c.json({ id: submission.id, status: 'new' as const }, 201);
  if (turnstileSiteKey(c.env))
    await verifyTurnstile(c.env.TURNSTILE_SECRET_KEY as string, turnstileToken, ip);
  const row = await acceptBookingRequest(c, submission, null);
  return c.json({ id: row.id, status: row.status }, 201);
});
