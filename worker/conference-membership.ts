import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  addConferenceParticipantRequestSchema,
  rotateConferenceRequestSchema,
} from '../core/api/conferences.js';
import { commitAudited } from './audit.js';
import {
  activeParticipantsQuery,
  assertWithinConference,
  changedSince,
  epochIfOpen,
  judgeParticipation,
  participationQueries,
  signedConferenceWrapRows,
  staleOrDue,
  usersQuery,
} from './conferences.js';
import type { Db } from './db/client.js';
import { isUniqueViolation } from './db/client.js';
import {
  conferenceKeyChain,
  conferenceKeyWraps,
  conferenceParticipants,
  conferences,
} from './db/conferences-schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';
import { assertDistinctRecipients, requireCertified } from './key-wraps.js';

/** Who takes part in a conference (issue 14): adding wraps the current key; removing rotates it. */

export async function addParticipant(
  db: Db,
  session: ActiveSession,
  id: string,
  request: z.output<typeof addConferenceParticipantRequestSchema>,
) {
  const { epoch, wrap } = request;
  const now = Date.now();
  const [conferenceRows, participantRows, mine, existing, recipients] = await db.batch([
    ...participationQueries(db, id, session.user.id),
    db
      .select()
      .from(conferenceParticipants)
      .where(and(eq(conferenceParticipants.conferenceId, id), eq(conferenceParticipants.userId, wrap.to)))
      .limit(1),
    usersQuery(db, [wrap.to]),
  ]);
  const { conference } = judgeParticipation(conferenceRows, participantRows, mine, now);
  requireCertified(session.user, 'add a participant');
  const refused = staleOrDue(conference, epoch);
  if (refused) throw refused;
  if (existing.length > 0) {
    throw new ApiError(409, 'already_participant', 'this person is or was a participant of this conference');
  }
  assertWithinConference(conference, wrap.expiresAt);
  const [row] = signedConferenceWrapRows(session, recipients, conference.id, epoch, [wrap], now);
  if (!row) throw new ApiError(400, 'invalid_request', 'a wrap is required');
  try {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'conference.participant_added',
        subject: conference.id,
        details: { to: wrap.to, epoch, expiresAt: row.expiresAt },
      },
      () => [
        db
          .insert(conferenceParticipants)
          .values({ conferenceId: conference.id, userId: wrap.to, addedBy: session.user.id, addedAt: now }),
        db.insert(conferenceKeyWraps).values({ ...row, epoch: epochIfOpen(conference.id, epoch) }),
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'conference_participants')) {
      throw new ApiError(
        409,
        'already_participant',
        'this person is or was a participant of this conference',
      );
    }
    if (await changedSince(db, conference.id, epoch, false)) {
      throw new ApiError(409, 'stale_epoch', 'the conference changed meanwhile; re-read and retry');
    }
    throw error;
  }
  return { userId: wrap.to, addedBy: session.user.id, addedAt: now };
}

/** The creator removes someone, or a participant leaves; either way the key must rotate. */
export async function removeParticipant(db: Db, session: ActiveSession, id: string, userId: string) {
  const me = session.user.id;
  const [conferenceRows, participantRows, mine, active] = await db.batch([
    ...participationQueries(db, id, me),
    activeParticipantsQuery(db, id),
  ]);
  const { conference } = judgeParticipation(conferenceRows, participantRows, mine, Date.now());
  if (userId === conference.createdBy) {
    throw new ApiError(409, 'cannot_remove', 'the conference’s creator stays a participant');
  }
  if (userId !== me && me !== conference.createdBy) {
    throw new ApiError(403, 'forbidden', 'only the conference’s creator may remove someone else');
  }
  if (!active.some((p) => p.userId === userId)) {
    throw new ApiError(404, 'not_found', 'no such participant in this conference');
  }
  await commitAudited(
    db,
    session.org.id,
    {
      actor: me,
      type: 'conference.participant_removed',
      subject: conference.id,
      details: { removed: userId, epoch: conference.currentEpoch },
    },
    () => [
      db
        .update(conferenceParticipants)
        .set({ removedAt: Date.now() })
        .where(
          and(
            eq(conferenceParticipants.conferenceId, conference.id),
            eq(conferenceParticipants.userId, userId),
          ),
        ),
      db.update(conferences).set({ needsRotation: true }).where(eq(conferences.id, conference.id)),
    ],
  );
}

/** After a removal: epoch e+1 wrapped to exactly the remaining participants, e's key under it. */
export async function rotateConference(
  db: Db,
  session: ActiveSession,
  id: string,
  body: z.output<typeof rotateConferenceRequestSchema>,
) {
  const now = Date.now();
  const [conferenceRows, participantRows, mine, held, active, recipients] = await db.batch([
    ...participationQueries(db, id, session.user.id),
    db.select().from(conferenceKeyWraps).where(eq(conferenceKeyWraps.conferenceId, id)),
    activeParticipantsQuery(db, id),
    usersQuery(
      db,
      body.wraps.map((wrap) => wrap.to),
    ),
  ]);
  const { conference } = judgeParticipation(conferenceRows, participantRows, mine, now);
  requireCertified(session.user, 'rotate a conference key');
  if (!conference.needsRotation)
    throw new ApiError(409, 'rotation_not_due', 'no one was removed since the last key');
  const previous = conference.currentEpoch;
  if (body.epoch !== previous + 1) throw new ApiError(409, 'stale_epoch', `rotate to epoch ${previous + 1}`);
  assertDistinctRecipients(body.wraps.map((wrap) => wrap.to));
  const remaining = active.map((p) => p.userId);
  const expiryOf = new Map(held.filter((w) => w.epoch === previous).map((w) => [w.toUserId, w.expiresAt]));
  const exact =
    body.wraps.length === remaining.length &&
    body.wraps.every((wrap) => remaining.includes(wrap.to) && expiryOf.get(wrap.to) === wrap.expiresAt);
  if (!exact) {
    throw new ApiError(
      400,
      'participants_mismatch',
      'wrap the new key to exactly the remaining participants, each with their current expiry',
    );
  }
  const rows = signedConferenceWrapRows(session, recipients, conference.id, body.epoch, body.wraps, now);
  try {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'conference.key_rotated',
        subject: conference.id,
        details: { epoch: body.epoch, participants: remaining },
      },
      () => [
        // NULL (the batch aborts) if another rotation or removal landed since our read.
        db.insert(conferenceKeyChain).values({
          conferenceId: conference.id,
          epoch: sql<number>`(SELECT current_epoch FROM conferences WHERE id = ${conference.id} AND current_epoch = ${previous} AND needs_rotation = 1 AND (SELECT count(*) FROM conference_participants WHERE conference_id = ${conference.id} AND removed_at IS NULL) = ${remaining.length})`,
          envelope: body.chain,
        }),
        ...rows.map((row) => db.insert(conferenceKeyWraps).values(row)),
        db
          .update(conferences)
          .set({ currentEpoch: body.epoch, needsRotation: false })
          .where(eq(conferences.id, conference.id)),
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error) || (await changedSince(db, conference.id, previous, true))) {
      throw new ApiError(409, 'stale_epoch', 'the conference changed meanwhile; re-read and retry');
    }
    throw error;
  }
  return { epoch: body.epoch };
}
