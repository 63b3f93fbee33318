import { inArray } from 'drizzle-orm';
import type { Role } from '../core/api/roles.js';
import type { Db } from './db/client.js';
import { type UserRow, users } from './db/schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';

/** Who may do what with schedules (issue 7): the front desk sees every calendar, counselors their own. */

const has = (session: ActiveSession, ...roles: Role[]) =>
  roles.some((role) => session.user.roles.includes(role));

/** Directors and administrators configure rooms, services, the time zone, and decide leave. */
export const managesSchedule = (session: ActiveSession) => has(session, 'admin', 'director');

/** The front desk, directors and administrators see and book on every calendar. */
export const seesEveryCalendar = (session: ActiveSession) => has(session, 'frontdesk', 'admin', 'director');

/** A counselor's own schedule, or anyone who manages schedules. */
export function assertOwnOrManager(session: ActiveSession, counselorId: string, what: string): void {
  if (session.user.id !== counselorId && !managesSchedule(session)) {
    throw new ApiError(403, 'forbidden', `only the counselor or a director may ${what}`);
  }
}

/** A counselor's own calendar, or anyone who sees every calendar. */
export function assertCalendarVisible(session: ActiveSession, counselorId: string): void {
  if (session.user.id !== counselorId && !seesEveryCalendar(session)) {
    throw new ApiError(403, 'forbidden', 'you may see only your own calendar');
  }
}

/** The user who should be a counselor (no row for none named), as a query for a read batch. */
export const counselorQuery = (db: Db, id: string | null) =>
  db
    .select()
    .from(users)
    .where(inArray(users.id, id === null ? [] : [id]))
    .limit(1);

export function judgeCounselor(rows: readonly UserRow[]): UserRow {
  const [user] = rows;
  if (user?.status !== 'active' || !user.roles.includes('counselor')) {
    throw new ApiError(404, 'user_not_found', 'no active counselor with this id');
  }
  return user;
}

export async function requireCounselor(db: Db, id: string): Promise<UserRow> {
  return judgeCounselor(await counselorQuery(db, id));
}
