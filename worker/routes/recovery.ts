import { and, eq, inArray, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { caseIdParamSchema } from '../../core/api/cases.js';
import { ORG_RECOVERY } from '../../core/api/key-wraps.js';
import { reassignCaseRequestSchema, recoveryCasesQuerySchema } from '../../core/api/recovery.js';
import { commitAudited } from '../audit.js';
import { caseNotFound, epochIfCurrent } from '../case-access.js';
import { signedWrapRow } from '../case-grants.js';
import { toCaseSummary } from '../case-views.js';
import { caseKeyWraps, cases, users } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { assertRecipient, requireCertified } from '../key-wraps.js';
import { requireRoles } from '../middleware/session.js';
import { usersByIdQuery } from '../people.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';
import { toUserView } from '../views.js';

/**
 * The recovery ceremony (issue 4): directors read the org-recovery wraps of a departed counselor's
 * cases, and after opening them with the recombined recovery key in one browser, hand each case to
 * a new counselor. Every read and every reassignment is in the audit chain.
 */
export const recoveryRoutes = new Hono<AppEnv>();

recoveryRoutes.get('/cases', requireRoles('director'), queryParams(recoveryCasesQuerySchema), async (c) => {
  const { db, session } = c.var;
  const now = Date.now();
  const { primaryCounselor } = c.req.valid('query');
  // One read batch: the cases, their current wraps, the active staff and every recovery wrap's granter.
  const [rows, currentWraps, counselors, granterRows] = await db.batch([
    db.select().from(cases).where(eq(cases.primaryCounselorId, primaryCounselor)),
    db
      .select({ wrap: caseKeyWraps })
      .from(caseKeyWraps)
      .innerJoin(cases, and(eq(cases.id, caseKeyWraps.caseId), eq(cases.currentEpoch, caseKeyWraps.epoch)))
      .where(eq(cases.primaryCounselorId, primaryCounselor)),
    db.select().from(users).where(eq(users.status, 'active')),
    db
      .select()
      .from(users)
      .where(
        inArray(
          users.id,
          db
            .select({ id: caseKeyWraps.byUserId })
            .from(caseKeyWraps)
            .innerJoin(
              cases,
              and(eq(cases.id, caseKeyWraps.caseId), eq(cases.currentEpoch, caseKeyWraps.epoch)),
            )
            .where(
              and(
                eq(cases.primaryCounselorId, primaryCounselor),
                eq(caseKeyWraps.toUserId, ORG_RECOVERY),
                isNull(caseKeyWraps.revokedAt),
              ),
            ),
        ),
      ),
  ]);
  const recoverable = [];
  for (const caseRow of rows) {
    const wraps = currentWraps.map((row) => row.wrap).filter((wrap) => wrap.caseId === caseRow.id);
    const recovery = wraps.find((wrap) => wrap.toUserId === ORG_RECOVERY && wrap.revokedAt === null);
    if (!recovery) continue;
    recoverable.push({
      case: toCaseSummary(caseRow, wraps, now),
      recoveryWrap: {
        epoch: recovery.epoch,
        enc: recovery.enc,
        ct: recovery.ct,
        sig: recovery.sig,
        byUserId: recovery.byUserId,
      },
    });
  }
  const people = new Map([...counselors, ...granterRows].map((user) => [user.id, user]));
  await commitAudited(db, session.org.id, {
    actor: session.user.id,
    type: 'recovery.wraps_read',
    subject: primaryCounselor,
    details: { cases: recoverable.length },
  });
  return c.json({ cases: recoverable, people: [...people.values()].map(toUserView) });
});

recoveryRoutes.post(
  '/cases/:id/reassign',
  requireRoles('director'),
  pathParams(caseIdParamSchema),
  jsonBody(reassignCaseRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    requireCertified(session.user, 'reassign a case');
    const { epoch, newCounselorId, wrap } = c.req.valid('json');
    const [[caseRow], [newCounselor]] = await db.batch([
      db
        .select()
        .from(cases)
        .where(eq(cases.id, c.req.valid('param').id))
        .limit(1),
      usersByIdQuery(db, [newCounselorId]),
    ]);
    if (!caseRow) throw caseNotFound();
    if (epoch !== caseRow.currentEpoch) {
      throw new ApiError(409, 'stale_epoch', `wrap the current case key epoch ${caseRow.currentEpoch}`);
    }
    assertRecipient(newCounselor, newCounselorId);
    if (!newCounselor.roles.includes('counselor')) {
      throw new ApiError(409, 'bad_recipient', 'a case goes to a counselor');
    }
    // Signed by the director: the wrap proves who handed the case over (PROTOCOL §5).
    const row = signedWrapRow(
      session,
      caseRow.id,
      epoch,
      { ...wrap, to: newCounselorId, perm: 'write', expiresAt: 0 },
      now,
    );
    const departed = caseRow.primaryCounselorId;
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'recovery.case_reassigned',
        subject: caseRow.id,
        details: { from: departed, to: newCounselorId, epoch },
      },
      () => [
        db.insert(caseKeyWraps).values({ ...row, epoch: epochIfCurrent(caseRow.id, epoch) }),
        db
          .update(cases)
          .set({ primaryCounselorId: newCounselorId, needsRotation: true })
          .where(eq(cases.id, caseRow.id)),
        // The departed counselor's key is revoked: the new counselor's next visit rotates it.
        db
          .update(caseKeyWraps)
          .set({ revokedAt: now })
          .where(
            and(
              eq(caseKeyWraps.caseId, caseRow.id),
              eq(caseKeyWraps.toUserId, departed),
              isNull(caseKeyWraps.revokedAt),
            ),
          ),
      ],
    );
    return c.json({ ok: true as const });
  },
);
