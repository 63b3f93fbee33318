import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { BOOKED_STATUSES } from '../../core/api/appointments.js';
import type { MatchingFacts } from '../../core/workflows/matching.js';
import type { WorkflowData } from '../../core/workflows/model.js';
import type { Db } from '../db/client.js';
import { counselorProfiles } from '../db/profile-schema.js';
import { appointments, type ServiceRow, services } from '../db/schedule-schema.js';
import { cases, type OrgRow, users } from '../db/schema.js';
import { freeSlotsByCounselor } from '../free-slots.js';
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

async function requestedService(db: Db, serviceId: unknown): Promise<ServiceRow | undefined> {
  if (typeof serviceId === 'string') {
    const [row] = await db.select().from(services).where(eq(services.id, serviceId));
    if (row) return row;
  }
  // A request without a service is matched for the center's first active one.
  const [first] = await db
    .select()
    .from(services)
    .where(eq(services.active, true))
    .orderBy(asc(services.createdAt))
    .limit(1);
  return first;
}

export async function matchingFacts(
  db: Db,
  orgRow: Pick<OrgRow, 'settings'>,
  data: WorkflowData,
  now = Date.now(),
): Promise<MatchingFacts> {
  const service = await requestedService(db, data.serviceId);
  const slotStart = typeof data.slotStart === 'number' ? data.slotStart : null;
  const windowEnd = Math.max(now + WINDOW_MS, (slotStart ?? 0) + DAY);
  const counselors = await db
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
    .orderBy(asc(users.displayName));
  const ids = counselors.map((one) => one.id);
  const [free, open, booked, experience] = await Promise.all([
    service
      ? freeSlotsByCounselor(db, service, now, windowEnd, institutionTimeZone(orgRow))
      : new Map<string, number[]>(),
    db
      .select({ id: cases.primaryCounselorId, n: sql<number>`count(*)` })
      .from(cases)
      .where(and(inArray(cases.primaryCounselorId, ids), inArray(cases.status, [...OPEN])))
      .groupBy(cases.primaryCounselorId),
    db
      .select({ id: appointments.counselorId, n: sql<number>`count(*)` })
      .from(appointments)
      .where(
        and(
          inArray(appointments.counselorId, ids),
          inArray(appointments.status, [...BOOKED_STATUSES]),
          gte(appointments.startAt, now),
          lt(appointments.startAt, windowEnd),
        ),
      )
      .groupBy(appointments.counselorId),
    service
      ? db
          .select({ id: cases.primaryCounselorId, n: sql<number>`count(*)` })
          .from(cases)
          .where(and(inArray(cases.primaryCounselorId, ids), eq(cases.serviceType, service.serviceType)))
          .groupBy(cases.primaryCounselorId)
      : [],
  ]);
  const count = (rows: { id: string | null; n: number }[]) => new Map(rows.map((row) => [row.id, row.n]));
  const [openBy, bookedBy, experienceBy] = [count(open), count(booked), count(experience)];
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
