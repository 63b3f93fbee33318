import { and, eq, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  deliverGrantRequestSchema,
  grantIdParamSchema,
  rotateCaseKeyRequestSchema,
} from '../../core/api/case-keys.js';
import { caseIdParamSchema } from '../../core/api/cases.js';
import { type CaseWrap, ORG_RECOVERY } from '../../core/api/key-wraps.js';
import { caseGrantInfo } from '../../crypto/grant.js';
import { commitAudited } from '../audit.js';
import {
  caseNotFound,
  epochIfCurrent,
  findCase,
  isLive,
  needsRotation,
  requireCaseHolder,
  requireCaseManager,
  wrapsAtEpoch,
} from '../case-access.js';
import { toCaseWrapView } from '../case-views.js';
import { isUniqueViolation } from '../db/client.js';
import {
  type AccessRequestRow,
  accessRequests,
  type CaseKeyWrapRow,
  caseEpochs,
  caseKeyWraps,
  cases,
} from '../db/schema.js';
import type { ActiveSession, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import {
  assertDistinctRecipients,
  assertGrantSignature,
  assertRecipient,
  requireCertified,
} from '../key-wraps.js';
import { requireSession } from '../middleware/session.js';
import { usersById } from '../people.js';
import { jsonBody, pathParams } from '../validation.js';

/** Case-key grants, revocation and rotation (PROTOCOL §5). */
export const caseKeyRoutes = new Hono<AppEnv>();

/** The browser's clock and ours differ; an approved duration may be counted from its now. */
const EXPIRY_SLACK_MS = 5 * 60_000;

function signedWrapRow(
  session: ActiveSession,
  caseId: string,
  epoch: number,
  wrap: CaseWrap,
  now: number,
): CaseKeyWrapRow {
  const expiresAt = wrap.expiresAt ?? 0;
  const info = caseGrantInfo({
    org: session.org.id,
    caseId,
    epoch,
    to: wrap.to,
    perm: wrap.perm,
    expiresAtMs: expiresAt,
    by: session.user.id,
  });
  assertGrantSignature(info, wrap, session.user);
  return {
    id: crypto.randomUUID(),
    caseId,
    epoch,
    toUserId: wrap.to,
    perm: wrap.perm,
    expiresAt,
    enc: wrap.enc,
    ct: wrap.ct,
    sig: wrap.sig,
    byUserId: session.user.id,
    createdAt: now,
    revokedAt: null,
  };
}

/** A grant either delivers an approved request or restores the primary counselor's own access. */
function assertGrantApproved(
  wrap: CaseWrap,
  primaryCounselorId: string,
  request: AccessRequestRow | undefined,
  now: number,
): void {
  const expiresAt = wrap.expiresAt ?? 0;
  if (request) {
    if (request.status !== 'approved') {
      throw new ApiError(409, 'request_not_pending', `this request is ${request.status}, not approved`);
    }
    const withinApproval =
      request.requesterId === wrap.to &&
      request.perm === wrap.perm &&
      expiresAt > now &&
      expiresAt <= now + request.durationMs + EXPIRY_SLACK_MS;
    if (!withinApproval) {
      throw new ApiError(
        403,
        'grant_not_approved',
        'the wrap must match the approved recipient, permission and duration',
      );
    }
    return;
  }
  if (wrap.to !== primaryCounselorId || wrap.perm !== 'write' || expiresAt !== 0) {
    throw new ApiError(
      403,
      'grant_not_approved',
      'without an approved access request, only the primary counselor may be given the key (write, no expiry)',
    );
  }
}

caseKeyRoutes.post(
  '/:id/grants',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(deliverGrantRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const { caseRow } = await requireCaseHolder(db, c.req.valid('param').id, session.user.id, now, 'write');
    requireCertified(session.user, 'grant access');
    const { epoch, requestId, wrap } = c.req.valid('json');
    if (epoch !== caseRow.currentEpoch) {
      throw new ApiError(409, 'stale_epoch', `grant the current case key epoch ${caseRow.currentEpoch}`);
    }
    const currentWraps = await wrapsAtEpoch(db, caseRow.id, epoch);
    if (needsRotation(caseRow, currentWraps, now)) {
      throw new ApiError(409, 'rotation_required', 'rotate the case key before granting it to anyone new');
    }
    if (wrap.to === ORG_RECOVERY)
      throw new ApiError(400, 'bad_recipient', 'the recovery wrap is made with the epoch');
    assertRecipient((await usersById(db, [wrap.to])).get(wrap.to), wrap.to);
    const [request] = requestId
      ? await db
          .select()
          .from(accessRequests)
          .where(and(eq(accessRequests.id, requestId), eq(accessRequests.caseId, caseRow.id)))
          .limit(1)
      : [];
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
  const caseRow = await requireCaseManager(db, id, session);
  const [grant] = await db
    .select()
    .from(caseKeyWraps)
    .where(and(eq(caseKeyWraps.id, grantId), eq(caseKeyWraps.caseId, caseRow.id)))
    .limit(1);
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

/** Every live holder of epoch e must get epoch e+1 with the same permission and expiry, nobody else. */
function assertSameHolders(wraps: readonly CaseWrap[], holders: readonly CaseKeyWrapRow[]): void {
  if (
    !wraps.some((wrap) => wrap.to === ORG_RECOVERY && wrap.perm === 'write' && (wrap.expiresAt ?? 0) === 0)
  ) {
    throw new ApiError(400, 'recovery_wrap_missing', 'every epoch is wrapped to the org recovery key');
  }
  const expected = new Map(holders.map((held) => [held.toUserId, held]));
  const missing = holders.filter((held) => !wraps.some((wrap) => wrap.to === held.toUserId));
  const mismatched = wraps.filter((wrap) => {
    if (wrap.to === ORG_RECOVERY) return false;
    const held = expected.get(wrap.to);
    return !held || held.perm !== wrap.perm || held.expiresAt !== (wrap.expiresAt ?? 0);
  });
  if (missing.length > 0 || mismatched.length > 0) {
    throw new ApiError(
      409,
      'holders_mismatch',
      `the new epoch must go to exactly the live holders with their permission and expiry (missing: ${missing.map((held) => held.toUserId).join(', ') || 'none'}; not matching: ${mismatched.map((wrap) => wrap.to).join(', ') || 'none'})`,
    );
  }
}

caseKeyRoutes.post(
  '/:id/rotate',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(rotateCaseKeyRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const { caseRow } = await requireCaseHolder(db, c.req.valid('param').id, session.user.id, now, 'write');
    requireCertified(session.user, 'rotate a case key');
    const body = c.req.valid('json');
    const previous = caseRow.currentEpoch;
    if (body.epoch !== previous + 1)
      throw new ApiError(409, 'stale_epoch', `the next epoch is ${previous + 1}`);
    assertDistinctRecipients(body.wraps.map((wrap) => wrap.to));
    const currentWraps = await wrapsAtEpoch(db, caseRow.id, previous);
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
