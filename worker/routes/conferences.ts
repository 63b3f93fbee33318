import { and, asc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  addConferenceParticipantRequestSchema,
  conferenceIdParamSchema,
  conferenceMessagesQuerySchema,
  conferenceParticipantParamSchema,
  openConferenceRequestSchema,
  postConferenceMessageRequestSchema,
  rotateConferenceRequestSchema,
} from '../../core/api/conferences.js';
import { fromBase64Url } from '../../crypto/bytes.js';
import { conferenceMessageContext, conferenceMessageSignatureMessage } from '../../crypto/conference.js';
import { verifySync } from '../../crypto/ed25519.js';
import { commitAudited } from '../audit.js';
import { caseHolderQueries, judgeCaseHolder } from '../case-access.js';
import { addParticipant, removeParticipant, rotateConference } from '../conference-membership.js';
import {
  activeParticipantsQuery,
  assertWithinConference,
  changedSince,
  epochIfOpen,
  judgeParticipation,
  myConferenceQueries,
  participationQueries,
  signedConferenceWrapRows,
  staleOrDue,
  toConferenceViews,
  usersQuery,
} from '../conferences.js';
import { isUniqueViolation } from '../db/client.js';
import {
  conferenceKeyChain,
  conferenceKeyWraps,
  conferenceMessages,
  conferenceParticipants,
  conferences,
} from '../db/conferences-schema.js';
import { notifications } from '../db/rules-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { assertDistinctRecipients, requireCertified } from '../key-wraps.js';
import { requireSession } from '../middleware/session.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';

/** Case conferences (会诊, issue 14): ciphertext, wrapped keys and operational ids only. */
export const conferenceRoutes = new Hono<AppEnv>();
conferenceRoutes.use('*', requireSession);

conferenceRoutes.post('/', jsonBody(openConferenceRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  const now = Date.now();
  const me = session.user.id;
  const [caseRows, held, recipients] = await db.batch([
    ...caseHolderQueries(db, body.caseId, me),
    usersQuery(
      db,
      body.wraps.map((wrap) => wrap.to),
    ),
  ]);
  judgeCaseHolder(caseRows, held, now);
  requireCertified(session.user, 'open a conference');
  if (body.expiresAt !== 0 && body.expiresAt <= now) {
    throw new ApiError(400, 'bad_expiry', 'a conference cannot end before it starts');
  }
  assertDistinctRecipients(body.wraps.map((wrap) => wrap.to));
  if (!body.wraps.some((wrap) => wrap.to === me)) {
    throw new ApiError(400, 'invalid_request', 'include a wrap of the conference key to yourself');
  }
  for (const wrap of body.wraps) assertWithinConference(body, wrap.expiresAt);
  const rows = signedConferenceWrapRows(session, recipients, body.id, 1, body.wraps, now);
  const conference = {
    id: body.id,
    caseId: body.caseId,
    createdBy: me,
    currentEpoch: 1,
    needsRotation: false,
    expiresAt: body.expiresAt,
    createdAt: now,
  };
  const participants = rows.map((row) => ({
    conferenceId: body.id,
    userId: row.toUserId,
    addedBy: me,
    addedAt: now,
    removedAt: null,
    lastReadSeq: 0,
  }));
  try {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: me,
        type: 'conference.opened',
        subject: body.id,
        details: {
          case: body.caseId,
          participants: rows.map((row) => row.toUserId),
          expiresAt: body.expiresAt,
        },
      },
      () => [
        db.insert(conferences).values(conference),
        ...participants.map((row) => db.insert(conferenceParticipants).values(row)),
        ...rows.map((row) => db.insert(conferenceKeyWraps).values(row)),
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'conferences.id')) {
      throw new ApiError(409, 'already_exists', 'a conference with this id exists');
    }
    throw error;
  }
  return c.json(toConferenceViews([conference], participants, [])[0], 201);
});

/** Mine: conferences I take part in and was not removed from, expired ones included. */
conferenceRoutes.get('/', async (c) => {
  const { db, session } = c.var;
  const [rows, participants, unread] = await db.batch(myConferenceQueries(db, session.user.id));
  return c.json({ conferences: toConferenceViews(rows, participants, unread) });
});

/** The caller's own wraps and the key chain: what a browser needs to open every epoch. */
conferenceRoutes.get('/:id/keys', pathParams(conferenceIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const me = session.user.id;
  const [conferenceRows, participantRows, mine, chain, rows, participants, unread] = await db.batch([
    ...participationQueries(db, id, me),
    db
      .select()
      .from(conferenceKeyChain)
      .where(eq(conferenceKeyChain.conferenceId, id))
      .orderBy(asc(conferenceKeyChain.epoch)),
    ...myConferenceQueries(db, me, id),
  ]);
  const { wraps } = judgeParticipation(conferenceRows, participantRows, mine, Date.now());
  return c.json({
    conference: toConferenceViews(rows, participants, unread)[0],
    wraps: wraps.map((w) => ({
      epoch: w.epoch,
      to: w.toUserId,
      byUserId: w.byUserId,
      expiresAt: w.expiresAt,
      enc: w.enc,
      ct: w.ct,
      sig: w.sig,
    })),
    chain: chain.map((link) => ({ epoch: link.epoch, envelope: link.envelope })),
  });
});

conferenceRoutes.post(
  '/:id/messages',
  pathParams(conferenceIdParamSchema),
  jsonBody(postConferenceMessageRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const me = session.user.id;
    const { id } = c.req.valid('param');
    const [conferenceRows, participantRows, mine, activeRows] = await db.batch([
      ...participationQueries(db, id, me),
      activeParticipantsQuery(db, id),
    ]);
    const { conference } = judgeParticipation(conferenceRows, participantRows, mine, now);
    const body = c.req.valid('json');
    const refused = staleOrDue(conference, body.epoch);
    if (refused) throw refused;
    const context = conferenceMessageContext({
      org: session.org.id,
      conferenceId: conference.id,
      messageId: body.id,
      epoch: body.epoch,
      author: me,
    });
    const signed = conferenceMessageSignatureMessage(context, fromBase64Url(body.envelope));
    if (!verifySync(fromBase64Url(session.user.ed25519Pk), signed, fromBase64Url(body.sig))) {
      throw new ApiError(400, 'bad_signature', 'the message signature does not verify under your key');
    }
    const active = new Set(activeRows.map((p) => p.userId));
    const mentions = [...new Set(body.mentions)];
    if (mentions.some((userId) => userId === me || !active.has(userId))) {
      throw new ApiError(400, 'bad_mention', 'mention only other participants of this conference');
    }
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: me,
          type: 'conference.message_posted',
          subject: conference.id,
          details: { message: body.id, epoch: body.epoch, mentions },
        },
        () => [
          db.insert(conferenceMessages).values({
            id: body.id,
            conferenceId: conference.id,
            seq: sql<number>`(SELECT COALESCE(MAX(seq), 0) + 1 FROM conference_messages WHERE conference_id = ${conference.id})`,
            epoch: epochIfOpen(conference.id, body.epoch),
            authorId: me,
            envelope: body.envelope,
            sig: body.sig,
            createdAt: now,
          }),
          ...mentions.map((userId) =>
            db.insert(notifications).values({
              id: crypto.randomUUID(),
              userId,
              ruleId: null,
              source: `conference-message:${body.id}`,
              title: '会诊中有人提到了你 / You were mentioned in a case conference',
              eventType: 'conference.mention',
              caseId: conference.caseId,
              subject: conference.id,
              createdAt: now,
            }),
          ),
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'conference_messages.id')) {
        throw new ApiError(409, 'already_exists', 'a message with this id exists');
      }
      if (await changedSince(db, conference.id, body.epoch, false)) {
        throw new ApiError(409, 'stale_epoch', 'the conference key changed meanwhile; re-read and retry');
      }
      throw error;
    }
    return c.json({ id: body.id }, 201);
  },
);

/** Reading is audited and moves the caller's read marker to the newest message, unless it peeks. */
conferenceRoutes.get(
  '/:id/messages',
  pathParams(conferenceIdParamSchema),
  queryParams(conferenceMessagesQuerySchema),
  async (c) => {
    const { db, session } = c.var;
    const me = session.user.id;
    const { id } = c.req.valid('param');
    const peek = c.req.valid('query').peek === '1';
    const [conferenceRows, participantRows, mine, rows] = await db.batch([
      ...participationQueries(db, id, me),
      db
        .select()
        .from(conferenceMessages)
        .where(eq(conferenceMessages.conferenceId, id))
        .orderBy(asc(conferenceMessages.seq)),
    ]);
    const { conference } = judgeParticipation(conferenceRows, participantRows, mine, Date.now());
    const upTo = rows.at(-1)?.seq ?? 0;
    await commitAudited(
      db,
      session.org.id,
      { actor: me, type: 'conference.messages_read', subject: conference.id, details: { upTo, peek } },
      () =>
        peek
          ? []
          : [
              db
                .update(conferenceParticipants)
                .set({ lastReadSeq: upTo })
                .where(
                  and(
                    eq(conferenceParticipants.conferenceId, conference.id),
                    eq(conferenceParticipants.userId, me),
                  ),
                ),
            ],
    );
    return c.json({
      messages: rows.map((row) => ({
        id: row.id,
        seq: row.seq,
        epoch: row.epoch,
        authorId: row.authorId,
        envelope: row.envelope,
        sig: row.sig,
        createdAt: row.createdAt,
      })),
    });
  },
);

conferenceRoutes.post(
  '/:id/participants',
  pathParams(conferenceIdParamSchema),
  jsonBody(addConferenceParticipantRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    return c.json(await addParticipant(db, session, c.req.valid('param').id, c.req.valid('json')), 201);
  },
);

/** The creator removes someone, or a participant leaves; either way the key must rotate. */
conferenceRoutes.delete(
  '/:id/participants/:userId',
  pathParams(conferenceParticipantParamSchema),
  async (c) => {
    const { db, session } = c.var;
    const { id, userId } = c.req.valid('param');
    await removeParticipant(db, session, id, userId);
    return c.body(null, 204);
  },
);

/** After a removal: epoch e+1 wrapped to exactly the remaining participants, e's key under it. */
conferenceRoutes.post(
  '/:id/rotate',
  pathParams(conferenceIdParamSchema),
  jsonBody(rotateConferenceRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    return c.json(await rotateConference(db, session, c.req.valid('param').id, c.req.valid('json')), 201);
  },
);
