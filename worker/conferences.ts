import { and, asc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
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
import { type UserRow, users } from './db/schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';
import { assertGrantSignature, assertRecipient } from './key-wraps.js';

/**
 * Who may see what of a conference (issue 14). Someone never added learns nothing, not even that
 * it exists (404); a removed participant is refused everything, old epochs included (403); an
 * expired wrap or conference is refused as expired (403). Reads are built as queries so a route
 * runs all of its reads in one D1 batch (issue 12's round-trip budget).
 */

export const conferenceNotFound = () => new ApiError(404, 'not_found', 'no such conference');

const expired = (expiresAt: number, now: number) => expiresAt !== 0 && now >= expiresAt;

export interface Participation {
  conference: ConferenceRow;
  participant: ConferenceParticipantRow;
  /** the caller's wraps, every epoch, oldest first */
  wraps: ConferenceKeyWrapRow[];
}

export function participationQueries(db: Db, conferenceId: string, userId: string) {
  return [
    db.select().from(conferences).where(eq(conferences.id, conferenceId)).limit(1),
    db
      .select()
      .from(conferenceParticipants)
      .where(
        and(eq(conferenceParticipants.conferenceId, conferenceId), eq(conferenceParticipants.userId, userId)),
      )
      .limit(1),
    db
      .select()
      .from(conferenceKeyWraps)
      .where(and(eq(conferenceKeyWraps.conferenceId, conferenceId), eq(conferenceKeyWraps.toUserId, userId)))
      .orderBy(asc(conferenceKeyWraps.epoch)),
  ] as const;
}

export function judgeParticipation(
  conferenceRows: readonly ConferenceRow[],
  participantRows: readonly ConferenceParticipantRow[],
  wraps: ConferenceKeyWrapRow[],
  now: number,
): Participation {
  const [conference] = conferenceRows;
  const [participant] = participantRows;
  if (!conference || !participant) throw conferenceNotFound();
  if (participant.removedAt !== null) {
    throw new ApiError(403, 'participant_removed', 'you were removed from this conference');
  }
  if (expired(conference.expiresAt, now))
    throw new ApiError(403, 'conference_expired', 'this conference has ended');
  const current = wraps.find((wrap) => wrap.epoch === conference.currentEpoch);
  if (!current) throw new ApiError(403, 'no_key', 'you hold no key of this conference’s current epoch');
  if (expired(current.expiresAt, now)) {
    throw new ApiError(403, 'grant_expired', 'your access to this conference has expired');
  }
  return { conference, participant, wraps };
}

export function activeParticipantsQuery(db: Db, conferenceId: string) {
  return db
    .select()
    .from(conferenceParticipants)
    .where(
      and(eq(conferenceParticipants.conferenceId, conferenceId), isNull(conferenceParticipants.removedAt)),
    );
}

export function usersQuery(db: Db, ids: readonly string[]) {
  return db
    .select()
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
}

/** The wrap must be signed by the caller over exactly the metadata stored with it. */
export function signedConferenceWrapRows(
  session: ActiveSession,
  recipients: readonly UserRow[],
  conferenceId: string,
  epoch: number,
  wraps: readonly ConferenceWrap[],
  now: number,
): ConferenceKeyWrapRow[] {
  const byId = new Map(recipients.map((user) => [user.id, user]));
  return wraps.map((wrap) => {
    assertRecipient(byId.get(wrap.to), wrap.to);
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

/**
 * The conferences `userId` takes part in (and was not removed from), or just `conferenceId`:
 * rows, their active participants, and the caller's unread count (others' messages after the
 * caller's read marker).
 */
export function myConferenceQueries(db: Db, userId: string, conferenceId?: string) {
  const mine = db
    .select({ id: conferenceParticipants.conferenceId })
    .from(conferenceParticipants)
    .where(and(eq(conferenceParticipants.userId, userId), isNull(conferenceParticipants.removedAt)));
  const only = (column: typeof conferences.id) => (conferenceId ? eq(column, conferenceId) : undefined);
  return [
    db
      .select()
      .from(conferences)
      .where(and(inArray(conferences.id, mine), only(conferences.id)))
      .orderBy(sql`${conferences.createdAt} DESC`),
    db
      .select()
      .from(conferenceParticipants)
      .where(
        and(
          inArray(conferenceParticipants.conferenceId, mine),
          isNull(conferenceParticipants.removedAt),
          conferenceId ? eq(conferenceParticipants.conferenceId, conferenceId) : undefined,
        ),
      ),
    db
      .select({ conferenceId: conferenceMessages.conferenceId, n: sql<number>`count(*)` })
      .from(conferenceMessages)
      .innerJoin(
        conferenceParticipants,
        and(
          eq(conferenceParticipants.conferenceId, conferenceMessages.conferenceId),
          eq(conferenceParticipants.userId, userId),
          isNull(conferenceParticipants.removedAt),
        ),
      )
      .where(
        and(
          ne(conferenceMessages.authorId, userId),
          gt(conferenceMessages.seq, conferenceParticipants.lastReadSeq),
          conferenceId ? eq(conferenceMessages.conferenceId, conferenceId) : undefined,
        ),
      )
      .groupBy(conferenceMessages.conferenceId),
  ] as const;
}

export function toConferenceViews(
  rows: readonly ConferenceRow[],
  participants: readonly ConferenceParticipantRow[],
  unread: readonly { conferenceId: string; n: number }[],
): ConferenceView[] {
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

/** NULL unless the conference is still at `epoch` with no rotation due: the batch then aborts. */
export const epochIfOpen = (id: string, epoch: number) =>
  sql<number>`(SELECT current_epoch FROM conferences WHERE id = ${id} AND current_epoch = ${epoch} AND needs_rotation = 0)`;

export const staleOrDue = (conference: { currentEpoch: number; needsRotation: boolean }, epoch: number) => {
  if (conference.needsRotation) {
    return new ApiError(
      409,
      'rotation_required',
      'a participant was removed: rotate the conference key first',
    );
  }
  if (epoch !== conference.currentEpoch) {
    return new ApiError(
      409,
      'stale_epoch',
      `use the current conference key epoch ${conference.currentEpoch}`,
    );
  }
  return undefined;
};
