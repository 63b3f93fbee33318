import { and, eq, inArray, or } from 'drizzle-orm';
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

/** Groups whose current key the user holds: membership is a wrap at the group's epoch. */
export async function myGroupIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: groups.id })
    .from(groups)
    .innerJoin(
      groupKeyWraps,
      and(eq(groupKeyWraps.groupId, groups.id), eq(groupKeyWraps.epoch, groups.epoch)),
    )
    .where(eq(groupKeyWraps.userId, userId));
  return rows.map((row) => row.id);
}

/** The live contact-card wraps of the card's current epoch that the user can open. */
export async function myContactWraps(
  db: Db,
  userId: string,
  client: Pick<ClientRow, 'id' | 'contactEpoch'>,
  groupIds: readonly string[],
  now: number,
): Promise<ContactKeyWrapRow[]> {
  const recipients = [userId, ...groupIds];
  const rows = await db
    .select()
    .from(contactKeyWraps)
    .where(
      and(
        eq(contactKeyWraps.clientId, client.id),
        eq(contactKeyWraps.epoch, client.contactEpoch),
        or(
          and(eq(contactKeyWraps.toKind, 'user'), eq(contactKeyWraps.toId, userId)),
          and(eq(contactKeyWraps.toKind, 'group'), inArray(contactKeyWraps.toId, recipients)),
        ),
      ),
    );
  return rows.filter((wrap) => isLive({ ...wrap, revokedAt: null }, now));
}

export const clientNotFound = () => new ApiError(404, 'not_found', 'no such client');

/** A client the user can open; anyone else gets 404, as if it did not exist. */
export async function requireVisibleClient(
  db: Db,
  userId: string,
  clientId: string,
  now: number,
): Promise<{ client: ClientRow; wraps: ContactKeyWrapRow[] }> {
  const [client] = await db.select().from(clients).where(eq(clients.id, clientId)).limit(1);
  if (!client) throw clientNotFound();
  const wraps = await myContactWraps(db, userId, client, await myGroupIds(db, userId), now);
  if (wraps.length === 0) throw clientNotFound();
  return { client, wraps };
}
