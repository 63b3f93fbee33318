import { asc, eq, inArray } from 'drizzle-orm';
import type { BookingRequestView, bookingSubmissionSchema } from '../core/api/bookings.js';
import { MAX_APPOINTMENT_MINUTES } from '../core/api/schedule-setup.js';
import type { z } from '../core/api/zod.js';
import { runAfterResponse } from './after-response.js';
import { commitAudited } from './audit.js';
import { type Db, refuseDuplicate } from './db/client.js';
import { type BookingRequestRow, bookingRequests } from './db/integrations-schema.js';
import { type ServiceRow, services } from './db/schedule-schema.js';
import { type GroupRow, groups } from './db/schema.js';
import type { WorkflowDefinitionRow } from './db/workflow-schema.js';
import { ApiError } from './errors.js';
import { freeSlotQueries, freeSlotsFrom, mergedStarts } from './free-slots.js';
import { judgeOrg, orgQuery } from './org.js';
import { institutionTimeZone } from './schedule-settings.js';
import { deliverAfterResponse, deliveryInserts, enabledEndpointsQuery } from './webhooks/outbound.js';
import { publishedDefinitionQuery, startInstance } from './workflows/runtime.js';

const LONGEST_MS = MAX_APPOINTMENT_MINUTES * 60_000;

/**
 * Booking requests from the website (the widget) or an integration (bookings:write). The server
 * checks only what it can: the request is sealed to the current intake group key. It cannot open
 * it, and stores the sealed bytes with the operational fields beside them.
 */

export type BookingSubmissionData = z.output<typeof bookingSubmissionSchema>;

export const serviceQuery = (db: Db, id: string | null) =>
  db
    .select()
    .from(services)
    .where(inArray(services.id, id === null ? [] : [id]))
    .limit(1);

export function judgeBookableService(rows: readonly ServiceRow[]): ServiceRow {
  const [service] = rows;
  if (!service?.active) throw new ApiError(400, 'invalid_request', 'no such service is offered');
  return service;
}

/** The intake group is the front-desk group: the center's first group, as the front desk's browsers take it. */
export const intakeGroupQuery = (db: Db) => db.select().from(groups).orderBy(asc(groups.createdAt)).limit(1);

export async function intakeGroup(db: Db): Promise<GroupRow | undefined> {
  const [group] = await intakeGroupQuery(db);
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
async function startBookingWorkflow(
  db: Db,
  orgId: string,
  definition: WorkflowDefinitionRow,
  row: BookingRequestRow,
): Promise<void> {
  const { instance } = await startInstance(db, {
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
}

/**
 * Stores the request and announces it: status 'new' without a workflow instance is what the
 * booking workflow (issue 6) picks up; integrations hear booking_request.created. One read batch
 * and one write; the workflow starts and the webhooks go out after the response.
 */
export async function acceptBookingRequest(
  c: { var: { db: Db }; executionCtx: { waitUntil(promise: Promise<unknown>): void } },
  submission: BookingSubmissionData,
  viaApiKeyId: string | null,
): Promise<BookingRequestRow> {
  const { db } = c.var;
  const slotEnd = submission.slotStart === null ? null : submission.slotStart + LONGEST_MS;
  const [orgRows, groupRows, serviceRows, definitionRows, endpoints, ...slotRows] = await db.batch([
    orgQuery(db),
    intakeGroupQuery(db),
    serviceQuery(db, submission.serviceId),
    publishedDefinitionQuery(db, BOOKING_WORKFLOW_KEY),
    enabledEndpointsQuery(db),
    // The slot's facts, read for the longest service: the service's own length is known only after.
    ...freeSlotQueries(db, submission.slotStart ?? 0, slotEnd ?? 0),
  ]);
  const orgRow = judgeOrg(orgRows);
  const [group] = groupRows;
  if (!group)
    throw new ApiError(409, 'booking_closed', 'online booking opens once the center has a front-desk group');
  if (submission.groupId !== group.id || submission.groupEpoch !== group.epoch) {
    throw new ApiError(409, 'stale_group_key', 'seal the request to the current intake group key');
  }
  if (submission.serviceId) {
    const service = judgeBookableService(serviceRows);
    if (submission.slotStart !== null) {
      // The time a visitor chose may have been taken since the widget listed it: it must still be
      // a free start now, or the request is refused and the widget asks for another time. The
      // request itself books nothing; the front desk books once it has screened it.
      const end = submission.slotStart + service.durationMinutes * 60_000;
      const free = mergedStarts(
        freeSlotsFrom(slotRows, service, submission.slotStart, end, institutionTimeZone(orgRow)),
      );
      if (!free.includes(submission.slotStart)) {
        throw new ApiError(409, 'slot_unavailable', 'this time is no longer free; choose another one');
      }
    }
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
  const deliveries = deliveryInserts(db, endpoints, 'booking_request.created', {
    id: row.id,
    channel: row.channel,
    serviceId: row.serviceId,
    slotStart: row.slotStart,
    utmSource: row.utmSource,
    utmMedium: row.utmMedium,
    utmCampaign: row.utmCampaign,
    createdAt: row.createdAt,
  });
  await refuseDuplicate(
    'booking_requests.id',
    () => new ApiError(409, 'conflict', 'this request id is taken'),
    () =>
      commitAudited(
        db,
        orgRow.id,
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
        () => [db.insert(bookingRequests).values(row), ...deliveries.map((one) => one.insert)],
      ),
  );
  const [definition] = definitionRows;
  const startWorkflow = async () => {
    if (!definition) return;
    try {
      await startBookingWorkflow(db, orgRow.id, definition, row);
    } catch (error) {
      // The request is stored and audited: the visitor must not be told it failed (and send it
      // twice). It waits with status 'new' on /bookings, like a center without a booking workflow.
      console.error(
        'bookings: the booking workflow did not start; the request waits for the front desk',
        error,
      );
    }
  };
  runAfterResponse(c, startWorkflow);
  deliverAfterResponse(c, deliveries.length);
  return row;
}
