import { and, eq } from 'drizzle-orm';
import type { GroupContactRewrap } from '../core/api/groups.js';
import { contactGrantInfo } from '../crypto/grant.js';
import type { Db } from './db/client.js';
import { type ContactKeyWrapRow, clients, contactKeyWraps } from './db/schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';
import { assertDistinctRecipients, assertGrantSignature } from './key-wraps.js';

/**
 * The contact-card wraps a group holds, one per client, at each card's current epoch, as a query
 * for a read batch.
 */
export function groupContactWrapsQuery(db: Db, groupId: string) {
  return db
    .select({ wrap: contactKeyWraps })
    .from(contactKeyWraps)
    .innerJoin(
      clients,
      and(eq(clients.id, contactKeyWraps.clientId), eq(clients.contactEpoch, contactKeyWraps.epoch)),
    )
    .where(and(eq(contactKeyWraps.toKind, 'group'), eq(contactKeyWraps.toId, groupId)));
}

/**
 * A rotation must re-wrap every card the group holds, each under the same card epoch, permission
 * and expiry (PROTOCOL §5 `tacit/1/contact-grant|…`, now by the rotating member); a card left out
 * would stay sealed to the key the leaver still has. `heldWraps` are groupContactWrapsQuery's.
 * Returns the updates for the batch.
 */
export function rewrapRows(
  db: Db,
  session: ActiveSession,
  groupId: string,
  rewraps: GroupContactRewrap[],
  heldWraps: readonly ContactKeyWrapRow[],
) {
  assertDistinctRecipients(rewraps.map((rewrap) => rewrap.clientId));
  const held = new Map(heldWraps.map((wrap) => [wrap.clientId, wrap]));
  if (rewraps.length !== held.size || rewraps.some((rewrap) => !held.has(rewrap.clientId))) {
    throw new ApiError(
      409,
      'incomplete_rewrap',
      `re-wrap exactly the ${held.size} contact cards the group holds; the list has changed`,
    );
  }
  const now = Date.now();
  return rewraps.map((rewrap) => {
    const wrap = held.get(rewrap.clientId);
    if (!wrap) throw new ApiError(409, 'incomplete_rewrap', 'the list of contact cards has changed');
    const info = contactGrantInfo({
      org: session.org.id,
      clientId: wrap.clientId,
      epoch: wrap.epoch,
      to: groupId,
      perm: wrap.perm,
      expiresAtMs: wrap.expiresAt,
      by: session.user.id,
    });
    assertGrantSignature(info, rewrap, session.user);
    return db
      .update(contactKeyWraps)
      .set({ enc: rewrap.enc, ct: rewrap.ct, sig: rewrap.sig, byUserId: session.user.id, createdAt: now })
      .where(eq(contactKeyWraps.id, wrap.id));
  });
}
