import { and, eq } from 'drizzle-orm';
import { type Db, isUniqueViolation } from '../db/client.js';
import { appointments } from '../db/schedule-schema.js';
import { workflowDefinitions } from '../db/workflow-schema.js';
import { startInstance } from './runtime.js';

/**
 * Processes that start on their own: a published definition whose start node has an
 * every_n_sessions trigger starts for a case at its Nth, 2Nth, … completed session (the shipped
 * supervision process, 督导). The trigger key makes it once per count, however often the
 * completion is reported.
 */
export async function startSessionTriggers(db: Db, orgId: string, caseId: string): Promise<string[]> {
  const published = await db
    .select()
    .from(workflowDefinitions)
    .where(eq(workflowDefinitions.status, 'published'));
  const triggered = published.flatMap((definition) => {
    const start = definition.graph.nodes.find((node) => node.type === 'start');
    return start?.type === 'start' && start.trigger ? [{ definition, every: start.trigger.sessions }] : [];
  });
  if (triggered.length === 0) return [];
  const completed = await db.$count(
    appointments,
    and(eq(appointments.caseId, caseId), eq(appointments.status, 'completed')),
  );
  const started: string[] = [];
  for (const { definition, every } of triggered) {
    if (completed === 0 || completed % every !== 0) continue;
    try {
      const { instance } = await startInstance(db, {
        orgId,
        definition,
        caseId,
        data: { sessionCount: completed },
        actor: null,
        triggerKey: `${definition.key}:${caseId}:${completed}`,
      });
      started.push(instance.id);
    } catch (error) {
      if (!isUniqueViolation(error, 'workflow_instances.trigger_key')) throw error;
    }
  }
  return started;
}
