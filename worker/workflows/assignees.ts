import { type SQL, sql } from 'drizzle-orm';
import type { Assignee } from '../../core/workflows/model.js';
import { caseCounselorSupervisorSql, counselorSupervisorSql } from '../counselor-supervisors.js';
import type { Db } from '../db/client.js';
import type { TaskRow } from '../db/rules-schema.js';
import { users } from '../db/schema.js';
import type { WorkflowInstanceRow } from '../db/workflow-schema.js';

/**
 * Who a step is for, as SQL the transition's own batch evaluates: a person (`userId`) or, when
 * there is none, a role. Resolving inside the write reads nothing beforehand (no round trip) and
 * sees the center as the transaction does.
 */
export interface AssigneeSql {
  userId: SQL<string | null>;
  role: SQL<string | null>;
}

const named = (userId: string): AssigneeSql => ({ userId: sql`${userId}`, role: sql`NULL` });
const toRole = (role: string): AssigneeSql => ({ userId: sql`NULL`, role: sql`${role}` });
const orElseRole = (userId: SQL<string | null>, role: string): AssigneeSql => ({
  userId,
  role: sql`(CASE WHEN ${userId} IS NULL THEN ${role} END)`,
});

/**
 * Round-robin: of the active people holding the role, the one this process has given the fewest
 * tasks so far (ties by id) — the next in turn, and nobody is skipped when someone joins.
 */
const nextInTurnSql = (role: string, definitionId: string): SQL<string | null> =>
  sql`(SELECT candidate.id FROM users AS candidate
    WHERE candidate.status = 'active'
      AND EXISTS (SELECT 1 FROM json_each(candidate.roles) WHERE value = ${role})
    ORDER BY (SELECT count(*) FROM tasks AS given
      JOIN workflow_instances AS given_in ON given_in.id = given.workflow_instance_id
      WHERE given_in.definition_id = ${definitionId} AND given.assignee_user_id = candidate.id), candidate.id
    LIMIT 1)`;

/**
 * Who a step is for. A relation that does not apply (no case, nobody started it) falls back to
 * the directors, so a task is never assigned to nobody. `overdue` is the task being escalated:
 * relations then read from its assignee.
 */
export function assigneeSql(
  assignee: Assignee,
  instance: WorkflowInstanceRow,
  overdue?: TaskRow,
): AssigneeSql {
  switch (assignee.kind) {
    case 'role':
      return toRole(assignee.role);
    case 'user':
      return named(assignee.userId);
    case 'round_robin':
      return orElseRole(nextInTurnSql(assignee.role, instance.definitionId), assignee.role);
    case 'relation': {
      if (assignee.relation === 'requester' && instance.startedBy) return named(instance.startedBy);
      if (assignee.relation === 'supervisor') {
        const supervisor = overdue?.assigneeUserId
          ? counselorSupervisorSql(overdue.assigneeUserId)
          : instance.caseId
            ? caseCounselorSupervisorSql(instance.caseId)
            : sql<null>`NULL`;
        // Without an assigned supervisor, the step goes to the supervisors as a group.
        return orElseRole(supervisor, 'supervisor');
      }
      const fields = { matched_counselor: 'counselorId', key_recipient: 'grantedTo' } as const;
      if (assignee.relation === 'matched_counselor' || assignee.relation === 'key_recipient') {
        const userId = instance.data[fields[assignee.relation]];
        if (typeof userId === 'string') return named(userId);
      }
      if (assignee.relation === 'primary_counselor' && instance.caseId) {
        return orElseRole(
          sql`(SELECT primary_counselor_id FROM cases WHERE id = ${instance.caseId})`,
          'director',
        );
      }
      return toRole('director');
    }
  }
}

/** Whom an existing task is assigned to. */
export function taskAssignee(task: TaskRow): AssigneeSql {
  return task.assigneeUserId ? named(task.assigneeUserId) : toRole(task.assigneeRole ?? 'director');
}

/** The people a notification to the assignee reaches: the person, or the role's active holders. */
export function recipientsWhere(assignee: AssigneeSql): SQL {
  return sql`((${assignee.userId}) IS NOT NULL AND ${users.id} = (${assignee.userId}))
    OR ((${assignee.userId}) IS NULL AND ${users.status} = 'active'
      AND EXISTS (SELECT 1 FROM json_each(${users.roles}) WHERE value = (${assignee.role})))`;
}

/** recipientsWhere's people, read (for a step's escalation, whose audit event names them). */
export async function recipients(db: Db, assignee: AssigneeSql): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(recipientsWhere(assignee))
    .orderBy(users.id);
  return rows.map((row) => row.id);
}
