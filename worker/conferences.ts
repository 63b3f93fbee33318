import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { ConferenceView, ConferenceWrap } from '../core/api/conferences.js';
import { conferenceGrantInfo } from '../crypto/grant.js';
import type { Db } from './db/client.js';
import {
  type ConferenceKeyWrapRow,
  type ConferenceParticipantRow,
  type ConferenceRow,
  conferenceKeyWraps,
  conferenceMessages,
  conferenceParticipants,
  conferences,
} from './db/conferences-schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';
import { assertGrantSignature, assertRecipient } from './key-wraps.js';
import { usersById } from './people.js';

/**
 * Who may see what of a conference (issue 14). Someone never added learns nothing, not even that
 * it exists (404); a removed participant is refused everything, old epochs included (403); an
 * expired wrap or conference is refused as expired (403).
 */

export const conferenceNotFound = () => new ApiError(404, 'not_found', 'no such conference');

const expired = (expiresAt: number, now: number) => expiresAt !== 0 && now >= expiresAt;

export interface Participation {
  conference: ConferenceRow;
  participant: ConferenceParticipantRow;
  wrap: ConferenceKeyWrapRow;
}

export async function requireParticipant(
  db: Db,
  conferenceId: string,
  userId: string,
  now: number,
): Promise<Participation> {
  const [conference] = await db.select().from(conferences).where(eq(conferences.id, conferenceId)).limit(1);
  if (!conference) throw conferenceNotFound();
  const [participant] = await db
    .select()
    .from(conferenceParticipants)
    .where(
      and(eq(conferenceParticipants.conferenceId, conferenceId), eq(conferenceParticipants.userId, userId)),
    )
    .limit(1);
  if (!participant) throw conferenceNotFound();
  if (participant.removedAt !== null) {
    throw new ApiError(403, 'participant_removed', 'you were removed from this conference');
  }
  if (expired(conference.expiresAt, now))
    throw new ApiError(403, 'conference_expired', 'this conference has ended');
  const [wrap] = await db
    .select()
    .from(conferenceKeyWraps)
    .where(
      and(
        eq(conferenceKeyWraps.conferenceId, conferenceId),
        eq(conferenceKeyWraps.epoch, conference.currentEpoch),
        eq(conferenceKeyWraps.toUserId, userId),
      ),
    )
    .limit(1);
  if (!wrap) throw new ApiError(403, 'no_key', 'you hold no key of this conference’s current epoch');
  if (expired(wrap.expiresAt, now)) {
    throw new ApiError(403, 'grant_expired', 'your access to this conference has expired');
  }
  return { conference, participant, wrap };
}

/** The wrap must be signed by the caller over exactly the metadata stored with it. */
export async function signedConferenceWrapRows(
  db: Db,
  session: ActiveSession,
  conferenceId: string,
  epoch: number,
  wraps: readonly ConferenceWrap[],
  now: number,
): Promise<ConferenceKeyWrapRow[]> {
  const recipients = await usersById(
    db,
    wraps.map((wrap) => wrap.to),
  );
  return wraps.map((wrap) => {
    assertRecipient(recipients.get(wrap.to), wrap.to);
    const expiresAt = wrap.expiresAt ?? 0;
    const info = conferenceGrantInfo({
      org: session.org.id,
      conferenceId,
      epoch,
      to: wrap.to,
      expiresAtMs: expiresAt,
      by: session.user.id,
    });
    assertGrantSignature(info, wrap, session.user);
    return {
      id: crypto.randomUUID(),
      conferenceId,
      epoch,
      toUserId: wrap.to,
      byUserId: session.user.id,
      expiresAt,
      enc: wrap.enc,
      ct: wrap.ct,
      sig: wrap.sig,
      createdAt: now,
    };
  });
}

/** A participant's wrap may not outlive the conference. */
export function assertWithinConference(conference: Pick<ConferenceRow, 'expiresAt'>, wrapExpiresAt: number) {
  if (conference.expiresAt === 0) return;
  if (wrapExpiresAt === 0 || wrapExpiresAt > conference.expiresAt) {
    throw new ApiError(400, 'bad_expiry', 'a participant’s access cannot outlast the conference');
  }
}

export async function activeParticipants(db: Db, conferenceId: string): Promise<ConferenceParticipantRow[]> {
  return db
    .select()
    .from(conferenceParticipants)
    .where(
      and(
        eq(conferenceParticipants.conferenceId, conferenceId),
        sql`${conferenceParticipants.removedAt} IS NULL`,
      ),
    );
}

/** Conference views for `userId`: active participants only, unread = others' messages after last read. */
export async function conferenceViews(
  db: Db,
  rows: readonly ConferenceRow[],
  userId: string,
): Promise<ConferenceView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const participants = await db
    .select()
    .from(conferenceParticipants)
    .where(
      and(
        inArray(conferenceParticipants.conferenceId, ids),
        sql`${conferenceParticipants.removedAt} IS NULL`,
      ),
    );
  const unread = await db
    .select({ conferenceId: conferenceMessages.conferenceId, n: sql<number>`count(*)` })
    .from(conferenceMessages)
    .innerJoin(
      conferenceParticipants,
      and(
        eq(conferenceParticipants.conferenceId, conferenceMessages.conferenceId),
        eq(conferenceParticipants.userId, userId),
      ),
    )
    .where(
      and(
        inArray(conferenceMessages.conferenceId, ids),
        ne(conferenceMessages.authorId, userId),
        gt(conferenceMessages.seq, conferenceParticipants.lastReadSeq),
      ),
    )
    .groupBy(conferenceMessages.conferenceId);
  const unreadBy = new Map(unread.map((row) => [row.conferenceId, Number(row.n)]));
  return rows.map((row) => ({
    id: row.id,
    caseId: row.caseId,
    createdBy: row.createdBy,
    epoch: row.currentEpoch,
    rotationDue: row.needsRotation,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    participants: participants
      .filter((p) => p.conferenceId === row.id)
      .map((p) => ({ userId: p.userId, addedBy: p.addedBy, addedAt: p.addedAt })),
    unread: unreadBy.get(row.id) ?? 0,
  }));
}

/** After a failed guarded write: did a rotation, removal or another rotation land meanwhile? */
export async function changedSince(
  db: Db,
  id: string,
  epoch: number,
  rotationDue: boolean,
): Promise<boolean> {
  const [row] = await db.select().from(conferences).where(eq(conferences.id, id)).limit(1);
  return !row || row.currentEpoch !== epoch || row.needsRotation !== rotationDue;
}
