import { eq } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { cases, users } from './db/schema.js';

/**
 * The relation "the case's counselor's supervisor" (督导), the one place rules (notify the
 * `supervisor` relation) and workflows (a step assigned to the `supervisor` relation) resolve it:
 * the supervisor an admin assigned to the case's primary counselor (migration 0015). Nobody when
 * none is assigned, or the assigned person is disabled or no longer holds the supervisor role.
 */
export async function caseCounselorSupervisor(db: Db, caseId: string): Promise<string | null> {
  const [row] = await db
    .select({ counselorId: cases.primaryCounselorId })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1);
  return row ? counselorSupervisor(db, row.counselorId) : null;
}

/** A counselor's assigned supervisor while that person is an active supervisor; else null. */
export async function counselorSupervisor(db: Db, counselorId: string): Promise<string | null> {
  const [counselor] = await db
    .select({ supervisorId: users.supervisorId })
    .from(users)
    .where(eq(users.id, counselorId))
    .limit(1);
  if (!counselor?.supervisorId) return null;
  const [supervisor] = await db
    .select({ id: users.id, roles: users.roles, status: users.status })
    .from(users)
    .where(eq(users.id, counselor.supervisorId))
    .limit(1);
  return supervisor && isActiveSupervisor(supervisor) ? supervisor.id : null;
}

export const isActiveSupervisor = (user: { roles: readonly string[]; status: string }) =>
  user.status === 'active' && user.roles.includes('supervisor');
