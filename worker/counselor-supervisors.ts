import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './db/client.js';

/**
 * The relation "the case's counselor's supervisor" (督导), the one place rules (notify the
 * `supervisor` relation) and workflows (a step assigned to the `supervisor` relation) resolve it:
 * the supervisor an admin assigned to the case's primary counselor (migration 0015). Nobody when
 * none is assigned, or the assigned person is disabled or no longer holds the supervisor role.
 */

/** A counselor's assigned supervisor while that person is an active supervisor, else NULL, as SQL. */
export const counselorSupervisorSql = (counselorId: string | SQL): SQL<string | null> =>
  sql`(SELECT supervisor.id FROM users AS counselor
    JOIN users AS supervisor ON supervisor.id = counselor.supervisor_id
    WHERE counselor.id = ${counselorId} AND supervisor.status = 'active'
      AND EXISTS (SELECT 1 FROM json_each(supervisor.roles) WHERE value = 'supervisor'))`;

/** The supervisor of the case's primary counselor (see counselorSupervisorSql), as SQL. */
export const caseCounselorSupervisorSql = (caseId: string | SQL): SQL<string | null> =>
  counselorSupervisorSql(sql`(SELECT primary_counselor_id FROM cases WHERE id = ${caseId})`);

async function scalar(db: Db, value: SQL<string | null>): Promise<string | null> {
  const row = await db.get<{ id: string | null }>(sql`SELECT ${value} AS id`);
  return row?.id ?? null;
}

export function caseCounselorSupervisor(db: Db, caseId: string): Promise<string | null> {
  return scalar(db, caseCounselorSupervisorSql(caseId));
}

export function counselorSupervisor(db: Db, counselorId: string): Promise<string | null> {
  return scalar(db, counselorSupervisorSql(counselorId));
}

export const isActiveSupervisor = (user: { roles: readonly string[]; status: string }) =>
  user.status === 'active' && user.roles.includes('supervisor');
