import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { BOOKED_STATUSES } from '../../core/api/appointments.js';
import type { MatchingFacts } from '../../core/workflows/matching.js';
import type { WorkflowData } from '../../core/workflows/model.js';
import type { Db } from '../db/client.js';
import { counselorProfiles } from '../db/profile-schema.js';
import { appointments, services } from '../db/schedule-schema.js';
import { cases, type OrgRow, users } from '../db/schema.js';
import { freeSlotQueries, freeSlotsFrom } from '../free-slots.js';
import { institutionTimeZone } from '../schedule-settings.js';

/**
 * The operational facts the matching step's browser ranks counselors by (core/workflows/
 * matching.ts): free times for the requested service, open cases, booked appointments,
 * experience with the service type, and each counselor's profile (languages, specialties, gender). No names of clients, nothing clinical.
 */

const DAY = 86_400_000;
const WINDOW_MS = 14 * DAY;
const OFFERED = 20;
const OPEN = ['intake', 'active', 'closing'] as const;

/** Active counselors' ids, as SQL for the count queries' filters. */
const activeCounselorIds = sql`(SELECT id FROM users
  WHERE status = 'active' AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'counselor'))`;

/**
 * The requested service, as SQL; a request without one (or naming none there is) is matched for
 * the center's first active one.
 */
const requestedServiceId = (serviceId: unknown) =>
  sql`coalesce((SELECT id FROM services WHERE id = ${typeof serviceId === 'string' ? serviceId : null}),
    (SELECT id FROM services WHERE active = 1 ORDER BY created_at LIMIT 1))`;

const countsBy = (rows: readonly { id: string | null; n: number }[]) =>
  new Map(rows.map((row) => [row.id, row.n]));

/** Read in one batch: the service, the counselors, what their free times depend on and their counts. */
export async function matchingFacts(
  db: Db,
  orgRow: Pick<OrgRow, 'settings'>,
  data: WorkflowData,
  now = Date.now(),
): Promise<MatchingFacts> {
  const slotStart = typeof data.slotStart === 'number' ? data.slotStart : null;
  const windowEnd = Math.max(now + WINDOW_MS, (slotStart ?? 0) + DAY);
  const serviceId = requestedServiceId(data.serviceId);
  const [[service], counselors, open, booked, experience, ...slotRows] = await db.batch([
    db.select().from(services).where(eq(services.id, serviceId)),
    db
      .select({
        id: users.id,
        displayName: users.displayName,
        languages: counselorProfiles.languages,
        specialties: counselorProfiles.specialties,
        gender: counselorProfiles.gender,
      })
      .from(users)
      .leftJoin(counselorProfiles, eq(counselorProfiles.userId, users.id))
      .where(
        and(
          eq(users.status, 'active'),
          sql`EXISTS (SELECT 1 FROM json_each(${users.roles}) WHERE value = 'counselor')`,
        ),
      )
      .orderBy(asc(users.displayName)),
    db
      .select({ id: cases.primaryCounselorId, n: sql<number>`count(*)` })
      .from(cases)
      .where(and(inArray(cases.primaryCounselorId, activeCounselorIds), inArray(cases.status, [...OPEN])))
      .groupBy(cases.primaryCounselorId),
    db
      .select({ id: appointments.counselorId, n: sql<number>`count(*)` })
      .from(appointments)
      .where(
        and(
          inArray(appointments.counselorId, activeCounselorIds),
          inArray(appointments.status, [...BOOKED_STATUSES]),
          gte(appointments.startAt, now),
          lt(appointments.startAt, windowEnd),
        ),
      )
      .groupBy(appointments.counselorId),
    db
      .select({ id: cases.primaryCounselorId, n: sql<number>`count(*)` })
      .from(cases)
      .where(
        and(
          inArray(cases.primaryCounselorId, activeCounselorIds),
          eq(cases.serviceType, sql`(SELECT service_type FROM services WHERE id = ${serviceId})`),
        ),
      )
      .groupBy(cases.primaryCounselorId),
    ...freeSlotQueries(db, now, windowEnd),
  ]);
  const free = service
    ? freeSlotsFrom(slotRows, service, now, windowEnd, institutionTimeZone(orgRow))
    : new Map<string, number[]>();
  const [openBy, bookedBy, experienceBy] = [countsBy(open), countsBy(booked), countsBy(experience)];
  return {
    serviceId: service?.id ?? null,
    serviceName: service?.name ?? null,
    durationMinutes: service?.durationMinutes ?? 50,
    slotStart,
    windowEnd,
    counselors: counselors.map(({ id, displayName, languages, specialties, gender }) => {
      const starts = free.get(id) ?? [];
      return {
        id,
        displayName,
        freeStarts: starts
          .slice(0, OFFERED)
          .concat(
            slotStart !== null && starts.includes(slotStart) && !starts.slice(0, OFFERED).includes(slotStart)
              ? [slotStart]
              : [],
          ),
        freeCount: starts.length,
        openCases: openBy.get(id) ?? 0,
        upcomingAppointments: bookedBy.get(id) ?? 0,
        serviceCases: experienceBy.get(id) ?? 0,
        languages: languages ?? [],
        specialties: specialties ?? [],
        gender: gender ?? null,
      };
    }),
  };
}
