import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { isLive } from './case-access.js';
import type { Db } from './db/client.js';
import { type ClientRow, type ContactKeyWrapRow, clients, contactKeyWraps } from './db/schema.js';
import { ApiError } from './errors.js';
import { myGroupIds } from './group-membership.js';

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

/** Every client whose card the user can open now, newest first, with the wraps that open it. */
export async function visibleCards(
  db: Db,
  userId: string,
  now: number,
): Promise<Map<string, { client: ClientRow; wraps: ContactKeyWrapRow[] }>> {
  const recipients = [userId, ...(await myGroupIds(db, userId))];
  const rows = await db
    .select({ client: clients, wrap: contactKeyWraps })
    .from(clients)
    .innerJoin(
      contactKeyWraps,
      and(eq(contactKeyWraps.clientId, clients.id), eq(contactKeyWraps.epoch, clients.contactEpoch)),
    )
    .where(
      or(
        and(eq(contactKeyWraps.toKind, 'user'), eq(contactKeyWraps.toId, userId)),
        and(eq(contactKeyWraps.toKind, 'group'), inArray(contactKeyWraps.toId, recipients)),
      ),
    )
    .orderBy(desc(clients.createdAt));
  const cards = new Map<string, { client: ClientRow; wraps: ContactKeyWrapRow[] }>();
  for (const { client, wrap } of rows) {
    if (!isLive({ ...wrap, revokedAt: null }, now)) continue;
    const card = cards.get(client.id) ?? { client, wraps: [] };
    card.wraps.push(wrap);
    cards.set(client.id, card);
  }
  return cards;
}
