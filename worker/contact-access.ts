import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { isLive } from './case-access.js';
import type { Db } from './db/client.js';
import {
  type ClientRow,
  type ContactKeyWrapRow,
  clients,
  contactKeyWraps,
  groupKeyWraps,
  groups,
} from './db/schema.js';
import { ApiError } from './errors.js';
import { eligibleGroupIds, myGroupsQuery } from './group-membership.js';

type GroupRows = Parameters<typeof eligibleGroupIds>[0];

/** Of a card's wraps, the live ones the user can open: to them, or to a group they may use. */
function openableWraps(
  userId: string,
  groupRows: GroupRows,
  wraps: readonly ContactKeyWrapRow[],
  now: number,
): ContactKeyWrapRow[] {
  const recipients = new Set([userId, ...eligibleGroupIds(groupRows)]);
  return wraps.filter(
    (wrap) =>
      (wrap.toKind === 'user' ? wrap.toId === userId : recipients.has(wrap.toId)) &&
      isLive({ ...wrap, revokedAt: null }, now),
  );
}

/** Group wraps of a group whose current key the user holds (their eligibility is judged apart). */
const heldGroupWrap = (userId: string) =>
  and(
    eq(contactKeyWraps.toKind, 'group'),
    inArray(
      contactKeyWraps.toId,
      sql`(SELECT ${groups.id} FROM ${groups} INNER JOIN ${groupKeyWraps} ON ${groupKeyWraps.groupId} = ${groups.id} AND ${groupKeyWraps.epoch} = ${groups.epoch} WHERE ${groupKeyWraps.userId} = ${userId})`,
    ),
  );

const mineOrHeldGroup = (userId: string) =>
  or(and(eq(contactKeyWraps.toKind, 'user'), eq(contactKeyWraps.toId, userId)), heldGroupWrap(userId));

/** The card, the user's groups and their candidate wraps of it, as queries for one read batch. */
export function visibleClientQueries(db: Db, userId: string, clientId: string) {
  return [
    db.select().from(clients).where(eq(clients.id, clientId)).limit(1),
    myGroupsQuery(db, userId),
    db
      .select()
      .from(contactKeyWraps)
      .where(
        and(
          eq(contactKeyWraps.clientId, clientId),
          eq(
            contactKeyWraps.epoch,
            sql`(SELECT ${clients.contactEpoch} FROM ${clients} WHERE ${clients.id} = ${clientId})`,
          ),
          mineOrHeldGroup(userId),
        ),
      ),
  ] as const;
}

export const clientNotFound = () => new ApiError(404, 'not_found', 'no such client');

/** A client the user can open; anyone else gets 404, as if it did not exist. */
export function judgeVisibleClient(
  userId: string,
  now: number,
  [clientRows, groupRows, wrapRows]: readonly [readonly ClientRow[], GroupRows, readonly ContactKeyWrapRow[]],
): { client: ClientRow; wraps: ContactKeyWrapRow[] } {
  const [client] = clientRows;
  if (!client) throw clientNotFound();
  const wraps = openableWraps(userId, groupRows, wrapRows, now);
  if (wraps.length === 0) throw clientNotFound();
  return { client, wraps };
}

/** requireVisibleClient in one round trip. */
export async function requireVisibleClient(
  db: Db,
  userId: string,
  clientId: string,
  now: number,
): Promise<{ client: ClientRow; wraps: ContactKeyWrapRow[] }> {
  return judgeVisibleClient(userId, now, await db.batch(visibleClientQueries(db, userId, clientId)));
}

/**
 * The user's groups, the cards they hold any wrap of, and their wraps of each card's current
 * epoch, as queries for one read batch (judgeVisibleCards). Two queries rather than one join: a
 * batch returns rows keyed by column name, so a join's repeated names (id, created_at) collide.
 */
export function visibleCardsQueries(db: Db, userId: string) {
  return [
    myGroupsQuery(db, userId),
    db
      .select()
      .from(clients)
      .where(
        inArray(
          clients.id,
          db.select({ id: contactKeyWraps.clientId }).from(contactKeyWraps).where(mineOrHeldGroup(userId)),
        ),
      )
      .orderBy(desc(clients.createdAt)),
    db
      .select({ wrap: contactKeyWraps })
      .from(contactKeyWraps)
      .innerJoin(
        clients,
        and(eq(contactKeyWraps.clientId, clients.id), eq(contactKeyWraps.epoch, clients.contactEpoch)),
      )
      .where(mineOrHeldGroup(userId)),
  ] as const;
}

/** Every client whose card the user can open now, newest first, with the wraps that open it. */
export function judgeVisibleCards(
  userId: string,
  now: number,
  groupRows: GroupRows,
  clientRows: readonly ClientRow[],
  wrapRows: readonly { wrap: ContactKeyWrapRow }[],
): Map<string, { client: ClientRow; wraps: ContactKeyWrapRow[] }> {
  const openable = openableWraps(
    userId,
    groupRows,
    wrapRows.map(({ wrap }) => wrap),
    now,
  );
  const cards = new Map<string, { client: ClientRow; wraps: ContactKeyWrapRow[] }>();
  for (const client of clientRows) {
    const wraps = openable.filter((wrap) => wrap.clientId === client.id);
    if (wraps.length > 0) cards.set(client.id, { client, wraps });
  }
  return cards;
}

export async function visibleCards(
  db: Db,
  userId: string,
  now: number,
): Promise<Map<string, { client: ClientRow; wraps: ContactKeyWrapRow[] }>> {
  const [groupRows, clientRows, wrapRows] = await db.batch(visibleCardsQueries(db, userId));
  return judgeVisibleCards(userId, now, groupRows, clientRows, wrapRows);
}
