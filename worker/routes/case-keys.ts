import { and, eq, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  deliverGrantRequestSchema,
  grantIdParamSchema,
  rotateCaseKeyRequestSchema,
} from '../../core/api/case-keys.js';
import { caseIdParamSchema } from '../../core/api/cases.js';
import { ORG_RECOVERY } from '../../core/api/key-wraps.js';
import { commitAudited } from '../audit.js';
import {
  caseHolderQueries,
  caseManagerQueries,
  caseNotFound,
  currentWrapsQuery,
  epochIfCurrent,
  findCase,
  isLive,
  judgeCaseHolder,
  judgeCaseManager,
  needsRotation,
  wrapsAtEpoch,
} from '../case-access.js';
import { assertGrantApproved, assertSameHolders, signedWrapRow } from '../case-grants.js';
import { toCaseWrapView } from '../case-views.js';
import { isUniqueViolation } from '../db/client.js';
import { accessRequests, caseEpochs, caseKeyWraps, cases } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { assertDistinctRecipients, assertRecipient, requireCertified } from '../key-wraps.js';
import { requireSession } from '../middleware/session.js';
import { usersByIdQuery } from '../people.js';
import { jsonBody, pathParams } from '../validation.js';

/** Case-key grants, revocation and rotation (PROTOCOL §5). */
export const caseKeyRoutes = new Hono<AppEnv>();

caseKeyRoutes.post(
  '/:id/grants',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(deliverGrantRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const caseId = c.req.valid('param').id;
    const { epoch, requestId, wrap } = c.req.valid('json');
    // One read batch: access, the current wraps, the recipient and the request being delivered.
    const [caseRows, mine, current, recipients, requests] = await db.batch([
      ...caseHolderQueries(db, caseId, session.user.id),
      currentWrapsQuery(db, caseId),
      usersByIdQuery(db, [wrap.to]),
      db
        .select()
        .from(accessRequests)
        .where(and(eq(accessRequests.id, requestId ?? ''), eq(accessRequests.caseId, caseId)))
        .limit(1),
    ]);
    const { caseRow } = judgeCaseHolder(caseRows, mine, now, 'write');
    requireCertified(session.user, 'grant access');
    if (epoch !== caseRow.currentEpoch) {
      throw new ApiError(409, 'stale_epoch', `grant the current case key epoch ${caseRow.currentEpoch}`);
    }
    const currentWraps = current.map((row) => row.wrap);
    if (needsRotation(caseRow, currentWraps, now)) {
      throw new ApiError(409, 'rotation_required', 'rotate the case key before granting it to anyone new');
    }
    if (wrap.to === ORG_RECOVERY)
      throw new ApiError(400, 'bad_recipient', 'the recovery wrap is made with the epoch');
    assertRecipient(recipients[0], wrap.to);
    const [request] = requestId ? requests : [];
    if (requestId && !request) throw new ApiError(404, 'not_found', 'no such access request for this case');
    assertGrantApproved(wrap, caseRow.primaryCounselorId, request, now);
    if (currentWraps.some((held) => held.toUserId === wrap.to)) {
      throw new ApiError(409, 'already_granted', 'this person already holds the current case key');
    }
    const row = signedWrapRow(session, caseRow.id, epoch, wrap, now);
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'case.grant_delivered',
          subject: caseRow.id,
          details: {
            grant: row.id,
            to: row.toUserId,
            perm: row.perm,
            expiresAt: row.expiresAt,
            epoch,
            request: requestId ?? null,
          },
        },
        () => [
          db.insert(caseKeyWraps).values({ ...row, epoch: epochIfCurrent(caseRow.id, epoch) }),
          ...(request
            ? [
                db
                  .update(accessRequests)
                  .set({ status: 'delivered', grantId: row.id })
                  .where(eq(accessRequests.id, request.id)),
              ]
            : []),
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'case_key_wraps')) {
        throw new ApiError(409, 'already_granted', 'this person already holds the current case key');
      }
      if ((await findCase(db, caseRow.id))?.currentEpoch !== epoch) {
        throw new ApiError(409, 'stale_epoch', 'the case key was rotated meanwhile');
      }
      throw error;
    }
    return c.json(toCaseWrapView(row), 201);
  },
);

/** Revokes every wrap the person holds in this case; the next write holder's visit rotates. */
caseKeyRoutes.delete('/:id/grants/:grantId', requireSession, pathParams(grantIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id, grantId } = c.req.valid('param');
  const [caseRows, held, grants] = await db.batch([
    ...caseManagerQueries(db, id, session.user.id),
    db
      .select()
      .from(caseKeyWraps)
      .where(and(eq(caseKeyWraps.id, grantId), eq(caseKeyWraps.caseId, id)))
      .limit(1),
  ]);
  const caseRow = judgeCaseManager(caseRows, held, session);
  const [grant] = grants;
  if (!grant) throw new ApiError(404, 'not_found', 'no such grant in this case');
  if (grant.toUserId === ORG_RECOVERY || grant.toUserId === caseRow.primaryCounselorId) {
    throw new ApiError(
      409,
      'cannot_revoke',
      'the recovery wrap and the primary counselor’s access stay; transfer first',
    );
  }
  if (grant.revokedAt !== null) throw new ApiError(409, 'cannot_revoke', 'this grant is already revoked');
  const now = Date.now();
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'case.grant_revoked',
      subject: caseRow.id,
      details: { grant: grant.id, to: grant.toUserId, epoch: grant.epoch },
    },
    () => [
      db
        .update(caseKeyWraps)
        .set({ revokedAt: now })
        .where(
          and(
            eq(caseKeyWraps.caseId, caseRow.id),
            eq(caseKeyWraps.toUserId, grant.toUserId),
            isNull(caseKeyWraps.revokedAt),
          ),
        ),
      db.update(cases).set({ needsRotation: true }).where(eq(cases.id, caseRow.id)),
    ],
  );
  return c.json({ ok: true as const });
});

caseKeyRoutes.post(
  '/:id/rotate',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(rotateCaseKeyRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const caseId = c.req.valid('param').id;
    const [caseRows, mine, current] = await db.batch([
      ...caseHolderQueries(db, caseId, session.user.id),
      currentWrapsQuery(db, caseId),
    ]);
    const { caseRow } = judgeCaseHolder(caseRows, mine, now, 'write');
    requireCertified(session.user, 'rotate a case key');
    const body = c.req.valid('json');
    const previous = caseRow.currentEpoch;
    if (body.epoch !== previous + 1)
      throw new ApiError(409, 'stale_epoch', `the next epoch is ${previous + 1}`);
    assertDistinctRecipients(body.wraps.map((wrap) => wrap.to));
    const currentWraps = current.map((row) => row.wrap);
    const holders = currentWraps.filter((wrap) => wrap.toUserId !== ORG_RECOVERY && isLive(wrap, now));
    assertSameHolders(body.wraps, holders);
    const rows = body.wraps.map((wrap) => signedWrapRow(session, caseRow.id, body.epoch, wrap, now));
    const unrevoked = currentWraps.filter((wrap) => wrap.revokedAt === null).length;
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'case.key_rotated',
          subject: caseRow.id,
          details: { epoch: body.epoch, holders: holders.map((held) => held.toUserId) },
        },
        () => [
          // NULL (the batch aborts) if another rotation, grant or revocation landed since our read.
          db.insert(caseEpochs).values({
            caseId: caseRow.id,
            epoch: sql<number>`(SELECT current_epoch + 1 FROM cases WHERE id = ${caseRow.id} AND current_epoch = ${previous} AND (SELECT count(*) FROM case_key_wraps WHERE case_id = ${caseRow.id} AND epoch = ${previous} AND revoked_at IS NULL) = ${unrevoked})`,
            inboxPk: body.inbox.pk,
            inboxSealed: body.inbox.sealed,
            previousKeyEnvelope: body.previousKeyEnvelope,
            openedBy: session.user.id,
            openedAt: now,
          }),
          ...rows.map((row) => db.insert(caseKeyWraps).values(row)),
          db
            .update(cases)
            .set({ currentEpoch: body.epoch, needsRotation: false })
            .where(eq(cases.id, caseRow.id)),
        ],
      );
    } catch (error) {
      const current = await findCase(db, caseRow.id);
      if (!current) throw caseNotFound();
      if (current.currentEpoch !== previous)
        throw new ApiError(409, 'stale_epoch', 'the case key was rotated meanwhile');
      const unrevokedNow = (await wrapsAtEpoch(db, caseRow.id, previous)).filter(
        (wrap) => wrap.revokedAt === null,
      ).length;
      if (unrevokedNow !== unrevoked)
        throw new ApiError(409, 'holders_mismatch', 'the holders changed meanwhile; re-read the case');
      throw error;
    }
    return c.json({ epoch: body.epoch }, 201);
  },
);
