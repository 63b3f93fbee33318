import { asc, eq } from 'drizzle-orm';
import type { BookingRequestView, bookingSubmissionSchema } from '../core/api/bookings.js';
import type { z } from '../core/api/zod.js';
import { commitAudited } from './audit.js';
import { type Db, refuseDuplicate } from './db/client.js';
import { type BookingRequestRow, bookingRequests } from './db/integrations-schema.js';
import { type ServiceRow, services } from './db/schedule-schema.js';
import { type GroupRow, groups } from './db/schema.js';
import { ApiError } from './errors.js';
import { freeSlotStarts } from './free-slots.js';
import { requireOrg } from './org.js';
import { institutionTimeZone } from './schedule-settings.js';
import { emitWebhookEvent } from './webhooks/outbound.js';
import { publishedDefinition, startInstance } from './workflows/runtime.js';

/**
 * Booking requests from the website (the widget) or an integration (bookings:write). The server
 * checks only what it can: the request is sealed to the current intake group key. It cannot open
 * it, and stores the sealed bytes with the operational fields beside them.
 */

export type BookingSubmissionData = z.output<typeof bookingSubmissionSchema>;

export async function requireBookableService(db: Db, id: string): Promise<ServiceRow> {
  const [service] = await db.select().from(services).where(eq(services.id, id)).limit(1);
  if (!service?.active) throw new ApiError(400, 'invalid_request', 'no such service is offered');
  return service;
}

/**
 * The time a visitor chose may have been taken since the widget listed it: it must still be a
 * free start now, or the request is refused (409 slot_unavailable) and the widget asks for
 * another time. The request itself books nothing; the front desk books once it has screened it.
 */
async function requireFreeSlot(db: Db, service: ServiceRow, slotStart: number): Promise<void> {
  const timeZone = institutionTimeZone(await requireOrg(db));
  const end = slotStart + service.durationMinutes * 60_000;
  const free = await freeSlotStarts(db, service, slotStart, end, timeZone);
  if (!free.includes(slotStart)) {
    throw new ApiError(409, 'slot_unavailable', 'this time is no longer free; choose another one');
  }
}

/** The intake group is the front-desk group: the center's first group, as the front desk's browsers take it. */
export async function intakeGroup(db: Db): Promise<GroupRow | undefined> {
  const [group] = await db.select().from(groups).orderBy(asc(groups.createdAt)).limit(1);
  return group;
}

export const toBookingRequestView = (row: BookingRequestRow): BookingRequestView => ({
  id: row.id,
  groupId: row.groupId,
  groupEpoch: row.groupEpoch,
  sealed: { enc: row.enc, ct: row.ct },
  serviceId: row.serviceId,
  slotStart: row.slotStart,
  channel: row.channel,
  utm: {
    ...(row.utmSource !== null && { source: row.utmSource }),
    ...(row.utmMedium !== null && { medium: row.utmMedium }),
    ...(row.utmCampaign !== null && { campaign: row.utmCampaign }),
  },
  status: row.status,
  createdAt: row.createdAt,
});

export const toBookingSummary = (row: BookingRequestRow) => {
  const { sealed: _, groupId: __, groupEpoch: ___, ...summary } = toBookingRequestView(row);
  return summary;
};

/** The workflow a center publishes under this key runs for every new request (DESIGN §3). */
export const BOOKING_WORKFLOW_KEY = 'new_client_booking';

/**
 * Starts the center's published booking workflow for the request, with its operational fields as
 * the instance's data; without one, the request waits with status 'new' for the front desk.
 */
async function startBookingWorkflow(db: Db, orgId: string, row: BookingRequestRow): Promise<void> {
  const definition = await publishedDefinition(db, BOOKING_WORKFLOW_KEY);
  if (!definition) return;
  const instance = await startInstance(db, {
    orgId,
    definition,
    caseId: null,
    actor: null,
    data: {
      bookingRequestId: row.id,
      channel: row.channel,
      serviceId: row.serviceId,
      slotStart: row.slotStart,
      utmSource: row.utmSource,
    },
  });
  await db
    .update(bookingRequests)
    .set({ workflowInstanceId: instance.id })
    .where(eq(bookingRequests.id, row.id));
  row.workflowInstanceId = instance.id;
}

/**
 * Stores the request and announces it: status 'new' without a workflow instance is what the
 * booking workflow (issue 6) picks up; integrations hear booking_request.created.
 */
export async function acceptBookingRequest(
  c: { var: { db: Db }; executionCtx: { waitUntil(promise: Promise<unknown>): void } },
  orgId: string,
  submission: BookingSubmissionData,
  viaApiKeyId: string | null,
): Promise<BookingRequestRow> {
  const { db } = c.var;
  const group = await intakeGroup(db);
  if (!group)
    throw new ApiError(409, 'booking_closed', 'online booking opens once the center has a front-desk group');
  if (submission.groupId !== group.id || submission.groupEpoch !== group.epoch) {
    throw new ApiError(409, 'stale_group_key', 'seal the request to the current intake group key');
  }
  if (submission.serviceId) {
    const service = await requireBookableService(db, submission.serviceId);
    if (submission.slotStart !== null) await requireFreeSlot(db, service, submission.slotStart);
  }
  const row: BookingRequestRow = {
    id: submission.id,
    groupId: group.id,
    groupEpoch: group.epoch,
    enc: submission.sealed.enc,
    ct: submission.sealed.ct,
    serviceId: submission.serviceId,
    slotStart: submission.slotStart,
    channel: submission.channel,
    utmSource: submission.utm.source || null,
    utmMedium: submission.utm.medium || null,
    utmCampaign: submission.utm.campaign || null,
    status: 'new',
    workflowInstanceId: null,
    viaApiKeyId,
    createdAt: Date.now(),
  };
  await refuseDuplicate(
    'booking_requests.id',
    () => new ApiError(409, 'conflict', 'this request id is taken'),
    () =>
      commitAudited(
        db,
        orgId,
        {
          actor: null,
          type: 'booking.requested',
          subject: row.id,
          details: {
            channel: row.channel,
            serviceId: row.serviceId,
            slotStart: row.slotStart,
            utmSource: row.utmSource,
            ...(viaApiKeyId && { apiKey: viaApiKeyId }),
          },
        },
        () => [db.insert(bookingRequests).values(row)],
      ),
  );
  try {
    await startBookingWorkflow(db, orgId, row);
  } catch (error) {
    // The request is stored and audited: the visitor must not be told it failed (and send it
    // twice). It waits with status 'new' on /bookings, like a center without a booking workflow.
    console.error(
      'bookings: the booking workflow did not start; the request waits for the front desk',
      error,
    );
  }
  await emitWebhookEvent(c, 'booking_request.created', {
    id: row.id,
    channel: row.channel,
    serviceId: row.serviceId,
    slotStart: row.slotStart,
    utmSource: row.utmSource,
    utmMedium: row.utmMedium,
    utmCampaign: row.utmCampaign,
    createdAt: row.createdAt,
  });
  return row;
}
