import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Assignee } from '../../core/workflows/model.js';
import { caseCounselorSupervisor, counselorSupervisor } from '../counselor-supervisors.js';
import type { Db } from '../db/client.js';
import { type TaskRow, tasks } from '../db/rules-schema.js';
import { cases, users } from '../db/schema.js';
import type { WorkflowInstanceRow } from '../db/workflow-schema.js';
import { workflowInstances } from '../db/workflow-schema.js';

export type Resolved = { userId: string } | { role: string };

async function activeUsersWithRole(db: Db, role: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        sql`EXISTS (SELECT 1 FROM json_each(${users.roles}) WHERE value = ${role})`,
      ),
    )
    .orderBy(users.id);
  return rows.map((row) => row.id);
}

/**
 * Round-robin: of the people holding the role, the one this process has given the fewest tasks
 * so far (ties by id) — the next in turn, and nobody is skipped when someone joins.
 */
async function nextInTurn(db: Db, role: string, definitionId: string): Promise<string | null> {
  const candidates = await activeUsersWithRole(db, role);
  if (candidates.length === 0) return null;
  const counts = await db
    .select({ userId: tasks.assigneeUserId, n: sql<number>`count(*)` })
    .from(tasks)
    .innerJoin(workflowInstances, eq(workflowInstances.id, tasks.workflowInstanceId))
    .where(and(eq(workflowInstances.definitionId, definitionId), inArray(tasks.assigneeUserId, candidates)))
    .groupBy(tasks.assigneeUserId);
  const given = new Map(counts.map((row) => [row.userId, row.n]));
  return candidates.reduce((best, id) => ((given.get(id) ?? 0) < (given.get(best) ?? 0) ? id : best));
}

/**
 * Who a step is for. A relation that does not apply (no case, nobody started it) falls back to
 * the directors, so a task is never assigned to nobody. `overdue` is the task being escalated:
 * relations then read from its assignee.
 */
export async function resolveAssignee(
  db: Db,
  assignee: Assignee,
  instance: WorkflowInstanceRow,
  overdue?: TaskRow,
): Promise<Resolved> {
  switch (assignee.kind) {
    case 'role':
      return { role: assignee.role };
    case 'user':
      return { userId: assignee.userId };
    case 'round_robin': {
      const userId = await nextInTurn(db, assignee.role, instance.definitionId);
      return userId ? { userId } : { role: assignee.role };
    }
    case 'relation': {
      if (assignee.relation === 'requester' && instance.startedBy) return { userId: instance.startedBy };
      if (assignee.relation === 'supervisor') {
        const userId = overdue?.assigneeUserId
          ? await counselorSupervisor(db, overdue.assigneeUserId)
          : instance.caseId
            ? await caseCounselorSupervisor(db, instance.caseId)
            : null;
        // Without an assigned supervisor, the step goes to the supervisors as a group.
        return userId ? { userId } : { role: 'supervisor' };
      }
      const named = { matched_counselor: 'counselorId', key_recipient: 'grantedTo' } as const;
      if (assignee.relation === 'matched_counselor' || assignee.relation === 'key_recipient') {
        const userId = instance.data[named[assignee.relation]];
        if (typeof userId === 'string') return { userId };
      }
      if (assignee.relation === 'primary_counselor' && instance.caseId) {
        const [row] = await db
          .select({ id: cases.primaryCounselorId })
          .from(cases)
          .where(eq(cases.id, instance.caseId));
        if (row?.id) return { userId: row.id };
      }
      return { role: 'director' };
    }
  }
}

/** The people a notification reaches. */
export async function recipients(db: Db, resolved: Resolved): Promise<string[]> {
  return 'userId' in resolved ? [resolved.userId] : activeUsersWithRole(db, resolved.role);
}
