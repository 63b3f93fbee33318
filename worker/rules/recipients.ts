import { and, eq, sql } from 'drizzle-orm';
import { RELATION_PAYLOAD_KEYS, type Relation } from '../../core/rules/events.js';
import type { Recipient } from '../../core/rules/model.js';
import { caseCounselorSupervisor } from '../counselor-supervisors.js';
import type { Db } from '../db/client.js';
import type { EventPayload } from '../db/rules-schema.js';
import { users } from '../db/schema.js';
import { usersById } from '../people.js';
import type { CaseFacts } from './facts.js';

export interface RecipientContext {
  caseFacts: CaseFacts | undefined;
  payload: EventPayload;
}

/** Active users holding `role`, as one statement for the caller's batch. */
export const usersWithRoleQuery = (db: Db, role: string) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        sql`EXISTS (SELECT 1 FROM json_each(${users.roles}) WHERE json_each.value = ${role})`,
      ),
    );

export async function usersWithRole(db: Db, role: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        sql`EXISTS (SELECT 1 FROM json_each(${users.roles}) WHERE json_each.value = ${role})`,
      ),
    );
  return rows.map((row) => row.id);
}

async function relationIds(db: Db, relation: Relation, context: RecipientContext): Promise<string[]> {
  if (relation === 'primary_counselor')
    return context.caseFacts ? [context.caseFacts.primaryCounselorId] : [];
  if (relation === 'supervisor') {
    const supervisor = context.caseFacts && (await caseCounselorSupervisor(db, context.caseFacts.id));
    return supervisor ? [supervisor] : [];
  }
  const key = RELATION_PAYLOAD_KEYS[relation];
  const value = key ? context.payload[key] : undefined;
  return typeof value === 'string' ? [value] : [];
}

/** The active users a recipient names, in a stable order; unknown or disabled users drop out. */
export async function resolveRecipients(
  db: Db,
  recipients: readonly Recipient[],
  context: RecipientContext,
): Promise<string[]> {
  const ids = new Set<string>();
  for (const recipient of recipients) {
    const found =
      recipient.kind === 'user'
        ? [recipient.id]
        : recipient.kind === 'role'
          ? await usersWithRole(db, recipient.role)
          : await relationIds(db, recipient.relation, context);
    for (const id of found) ids.add(id);
  }
  const people = await usersById(db, ids);
  return [...ids].filter((id) => people.get(id)?.status === 'active').sort();
}
