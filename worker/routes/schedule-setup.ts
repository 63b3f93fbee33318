import { and, asc, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type Context, Hono } from 'hono';
import {
  counselorParamSchema,
  createExceptionRequestSchema,
  createRoomRequestSchema,
  createServiceRequestSchema,
  idParamSchema,
  timeZoneSettingSchema,
  updateRoomRequestSchema,
  updateServiceRequestSchema,
  weeklyShiftsSchema,
} from '../../core/api/schedule-setup.js';
import { commitAudited } from '../audit.js';
import { refuseDuplicate } from '../db/client.js';
import {
  availabilityExceptions,
  availabilityShifts,
  type ExceptionRow,
  type RoomRow,
  rooms,
  type ServiceRow,
  services,
} from '../db/schedule-schema.js';
import { users } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { assertOwnOrManager, requireCounselor } from '../schedule-access.js';
import { institutionTimeZone, setTimeZone } from '../schedule-settings.js';
import { jsonBody, pathParams } from '../validation.js';

/** The schedule's configuration: time zone, rooms, services, counselors' shifts and exceptions. */
export const scheduleSetupRoutes = new Hono<AppEnv>();

const manager = requireRoles('admin', 'director');

/**
 * Rooms and services are the schedule's named catalog: created and edited alike, each name
 * unique (409 conflict), every change audited as a settings change.
 */
async function commitCatalogChange(
  c: Context<AppEnv>,
  what: 'room' | 'service',
  subject: string,
  details: Record<string, string | number | boolean>,
  write: () => BatchItem<'sqlite'>[],
): Promise<void> {
  const { db, session } = c.var;
  await refuseDuplicate(
    `${what}s.name`,
    () => new ApiError(409, 'conflict', `a ${what} with this name exists`),
    () =>
      commitAudited(
        db,
        session.org.id,
        { actor: session.user.id, type: 'schedule.settings_changed', subject, details },
        write,
      ),
  );
}

const toRoomView = ({ id, name, active }: RoomRow) => ({ id, name, active });
const toServiceView = ({ id, name, serviceType, durationMinutes, feeCents, active }: ServiceRow) => ({
  id,
  name,
  serviceType,
  durationMinutes,
  feeCents,
  active,
});
const toExceptionView = (row: ExceptionRow) => ({
  id: row.id,
  counselorId: row.counselorId,
  date: row.localDate,
  kind: row.kind,
  startMinute: row.startMinute,
  endMinute: row.endMinute,
});

scheduleSetupRoutes.get('/time-zone', requireSession, (c) =>
  c.json({ timeZone: institutionTimeZone(c.var.session.org) }),
);

scheduleSetupRoutes.put('/time-zone', manager, jsonBody(timeZoneSettingSchema), async (c) => {
  const { db, session } = c.var;
  const { timeZone } = c.req.valid('json');
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: 'schedule.settings_changed', subject: null, details: { timeZone } },
    () => setTimeZone(db, timeZone),
  );
  return c.json({ timeZone });
});

scheduleSetupRoutes.get('/rooms', requireSession, async (c) => {
  const rows = await c.var.db.select().from(rooms).orderBy(asc(rooms.name));
  return c.json({ rooms: rows.map(toRoomView) });
});

scheduleSetupRoutes.post('/rooms', manager, jsonBody(createRoomRequestSchema), async (c) => {
  const row: RoomRow = {
    id: crypto.randomUUID(),
    name: c.req.valid('json').name,
    active: true,
    createdAt: Date.now(),
  };
  await commitCatalogChange(c, 'room', row.id, { room: row.name }, () => [
    c.var.db.insert(rooms).values(row),
  ]);
  return c.json(toRoomView(row), 201);
});

scheduleSetupRoutes.patch(
  '/rooms/:id',
  manager,
  pathParams(idParamSchema),
  jsonBody(updateRoomRequestSchema),
  async (c) => {
    const { db } = c.var;
    const { id } = c.req.valid('param');
    const [row] = await db.select().from(rooms).where(eq(rooms.id, id));
    if (!row) throw new ApiError(404, 'not_found', 'no such room');
    const next = { ...row, ...withoutUndefined(c.req.valid('json')) };
    await commitCatalogChange(c, 'room', id, { room: next.name, active: next.active }, () => [
      db.update(rooms).set({ name: next.name, active: next.active }).where(eq(rooms.id, id)),
    ]);
    return c.json(toRoomView(next));
  },
);

scheduleSetupRoutes.get('/services', requireSession, async (c) => {
  const rows = await c.var.db.select().from(services).orderBy(asc(services.name));
  return c.json({ services: rows.map(toServiceView) });
});

scheduleSetupRoutes.post('/services', manager, jsonBody(createServiceRequestSchema), async (c) => {
  const row: ServiceRow = {
    id: crypto.randomUUID(),
    ...c.req.valid('json'),
    active: true,
    createdAt: Date.now(),
  };
  await commitCatalogChange(c, 'service', row.id, { service: row.name, feeCents: row.feeCents }, () => [
    c.var.db.insert(services).values(row),
  ]);
  return c.json(toServiceView(row), 201);
});

scheduleSetupRoutes.patch(
  '/services/:id',
  manager,
  pathParams(idParamSchema),
  jsonBody(updateServiceRequestSchema),
  async (c) => {
    const { db } = c.var;
    const { id } = c.req.valid('param');
    const [row] = await db.select().from(services).where(eq(services.id, id));
    if (!row) throw new ApiError(404, 'not_found', 'no such service');
    const next = { ...row, ...withoutUndefined(c.req.valid('json')) };
    const { name, durationMinutes, feeCents, active } = next;
    await commitCatalogChange(c, 'service', id, { service: name, feeCents, active }, () => [
      db.update(services).set({ name, durationMinutes, feeCents, active }).where(eq(services.id, id)),
    ]);
    return c.json(toServiceView(next));
  },
);

/** Active counselors, for the calendars' pickers: names only, no keys. */
scheduleSetupRoutes.get('/counselors', requireSession, async (c) => {
  const rows = await c.var.db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        sql`EXISTS (SELECT 1 FROM json_each(${users.roles}) WHERE value = 'counselor')`,
      ),
    )
    .orderBy(asc(users.displayName));
  return c.json({ counselors: rows.map(({ id, displayName }) => ({ id, displayName })) });
});

/**
 * A counselor's weekly shifts and dated exceptions are one thing, their working time: read by
 * anyone who books, changed by the counselor or a manager, every change audited alike.
 */
async function commitAvailabilityChange(
  c: Context<AppEnv>,
  counselorId: string,
  details: Record<string, string | number>,
  write: () => BatchItem<'sqlite'>[],
  /** Removing what exists needs no active counselor: a departed one's exceptions may be cleared. */
  { counselorActive = true } = {},
): Promise<void> {
  const { db, session } = c.var;
  assertOwnOrManager(session, counselorId, 'change working hours');
  if (counselorActive) await requireCounselor(db, counselorId);
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: 'schedule.availability_changed', subject: counselorId, details },
    write,
  );
}

const ofCounselor = pathParams(counselorParamSchema);

scheduleSetupRoutes.get('/counselors/:counselorId/shifts', requireSession, ofCounselor, async (c) => {
  const { counselorId } = c.req.valid('param');
  const rows = await c.var.db
    .select()
    .from(availabilityShifts)
    .where(eq(availabilityShifts.counselorId, counselorId))
    .orderBy(asc(availabilityShifts.weekday), asc(availabilityShifts.startMinute));
  return c.json({
    shifts: rows.map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute })),
  });
});

/** The whole week is replaced at once, so a half-saved pattern never exists. */
scheduleSetupRoutes.put(
  '/counselors/:counselorId/shifts',
  requireSession,
  ofCounselor,
  jsonBody(weeklyShiftsSchema),
  async (c) => {
    const { db } = c.var;
    const { counselorId } = c.req.valid('param');
    const { shifts } = c.req.valid('json');
    await commitAvailabilityChange(c, counselorId, { shifts: shifts.length }, () => [
      db.delete(availabilityShifts).where(eq(availabilityShifts.counselorId, counselorId)),
      ...shifts.map((shift) =>
        db.insert(availabilityShifts).values({ id: crypto.randomUUID(), counselorId, ...shift }),
      ),
    ]);
    return c.json({ shifts });
  },
);

scheduleSetupRoutes.get('/counselors/:counselorId/exceptions', requireSession, ofCounselor, async (c) => {
  const { counselorId } = c.req.valid('param');
  const rows = await c.var.db
    .select()
    .from(availabilityExceptions)
    .where(eq(availabilityExceptions.counselorId, counselorId))
    .orderBy(asc(availabilityExceptions.localDate), asc(availabilityExceptions.startMinute));
  return c.json({ exceptions: rows.map(toExceptionView) });
});

scheduleSetupRoutes.post(
  '/counselors/:counselorId/exceptions',
  requireSession,
  ofCounselor,
  jsonBody(createExceptionRequestSchema),
  async (c) => {
    const { counselorId } = c.req.valid('param');
    const body = c.req.valid('json');
    const row: ExceptionRow = {
      id: crypto.randomUUID(),
      counselorId,
      localDate: body.date,
      kind: body.kind,
      startMinute: body.startMinute,
      endMinute: body.endMinute,
      createdAt: Date.now(),
    };
    await commitAvailabilityChange(c, counselorId, { exception: body.kind, date: body.date }, () => [
      c.var.db.insert(availabilityExceptions).values(row),
    ]);
    return c.json(toExceptionView(row), 201);
  },
);

scheduleSetupRoutes.delete('/exceptions/:id', requireSession, pathParams(idParamSchema), async (c) => {
  const { db } = c.var;
  const { id } = c.req.valid('param');
  const [row] = await db.select().from(availabilityExceptions).where(eq(availabilityExceptions.id, id));
  if (!row) throw new ApiError(404, 'not_found', 'no such exception');
  await commitAvailabilityChange(
    c,
    row.counselorId,
    { removed: row.kind, date: row.localDate },
    () => [db.delete(availabilityExceptions).where(eq(availabilityExceptions.id, id))],
    { counselorActive: false },
  );
  return c.body(null, 204);
});

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
