import { and, desc, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  accessDecisionRequestSchema,
  accessRequestIdParamSchema,
  accessRequestListQuerySchema,
  createAccessRequestSchema,
} from '../../core/api/access-requests.js';
import { caseIdParamSchema } from '../../core/api/cases.js';
import { commitAudited } from '../audit.js';
import { caseNotFound, currentWrapsQuery, isLive } from '../case-access.js';
import { toAccessRequestView } from '../case-views.js';
import { type Db, isUniqueViolation } from '../db/client.js';
import { type AccessRequestRow, accessRequests, cases } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';

/**
 * Temporary access (DESIGN §2): asked for on a case, decided by its primary counselor or a
 * director, delivered as a wrap by a write holder's browser (POST /api/cases/:id/grants).
 */
export const caseAccessRequestRoutes = new Hono<AppEnv>();
export const accessRequestRoutes = new Hono<AppEnv>();

const OPEN_STATUSES = ['pending', 'approved'] as const;

caseAccessRequestRoutes.post(
  '/:id/access-requests',
  requireRoles('supervisor', 'counselor'),
  pathParams(caseIdParamSchema),
  jsonBody(createAccessRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const caseId = c.req.valid('param').id;
    const me = session.user.id;
    const now = Date.now();
    const [caseRows, current, [open]] = await db.batch([
      db.select().from(cases).where(eq(cases.id, caseId)).limit(1),
      currentWrapsQuery(db, caseId),
      db
        .select({ id: accessRequests.id })
        .from(accessRequests)
        .where(
          and(
            eq(accessRequests.caseId, caseId),
            eq(accessRequests.requesterId, me),
            inArray(accessRequests.status, [...OPEN_STATUSES]),
          ),
        )
        .limit(1),
    ]);
    const [caseRow] = caseRows;
    if (!caseRow) throw caseNotFound();
    if (current.some(({ wrap }) => wrap.toUserId === me && isLive(wrap, now))) {
      throw new ApiError(409, 'already_holder', 'you already hold this case’s key');
    }
    if (open) throw new ApiError(409, 'already_requested', 'you already have an open request for this case');
    const body = c.req.valid('json');
    const row: AccessRequestRow = {
      id: body.id,
      caseId: caseRow.id,
      requesterId: me,
      reason: body.reason,
      noteToUserId: body.note ? caseRow.primaryCounselorId : null,
      noteEnc: body.note?.enc ?? null,
      noteCt: body.note?.ct ?? null,
      perm: body.perm,
      durationMs: body.durationMs,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      grantId: null,
      createdAt: now,
    };
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: me,
          type: 'access.requested',
          subject: caseRow.id,
          details: { request: row.id, reason: row.reason, perm: row.perm, durationMs: row.durationMs },
        },
        () => [db.insert(accessRequests).values(row)],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'access_requests.id')) {
        throw new ApiError(409, 'conflict', 'this request id is taken');
      }
      throw error;
    }
    return c.json(toAccessRequestView(row), 201);
  },
);

/** approver: requests on my cases (a director: every case); requester: my own. */
accessRequestRoutes.get('/', requireSession, queryParams(accessRequestListQuerySchema), async (c) => {
  const { db, session } = c.var;
  const { role } = c.req.valid('query');
  const me = session.user;
  let rows: AccessRequestRow[];
  if (role === 'requester') {
    rows = await db
      .select()
      .from(accessRequests)
      .where(eq(accessRequests.requesterId, me.id))
      .orderBy(desc(accessRequests.createdAt));
  } else {
    const joined = await db
      .select({ request: accessRequests })
      .from(accessRequests)
      .innerJoin(cases, eq(cases.id, accessRequests.caseId))
      .where(me.roles.includes('director') ? undefined : eq(cases.primaryCounselorId, me.id))
      .orderBy(desc(accessRequests.createdAt));
    rows = joined.map(({ request }) => request);
  }
  return c.json({ requests: rows.map(toAccessRequestView) });
});

async function requireRequest(db: Db, id: string): Promise<AccessRequestRow> {
  const [row] = await db.select().from(accessRequests).where(eq(accessRequests.id, id)).limit(1);
  if (!row) throw new ApiError(404, 'not_found', 'no such access request');
  return row;
}

accessRequestRoutes.post(
  '/:id/decision',
  requireSession,
  pathParams(accessRequestIdParamSchema),
  jsonBody(accessDecisionRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const me = session.user;
    const [found] = await db
      .select({ request: accessRequests, caseRow: cases })
      .from(accessRequests)
      .leftJoin(cases, eq(cases.id, accessRequests.caseId))
      .where(eq(accessRequests.id, c.req.valid('param').id))
      .limit(1);
    if (!found) throw new ApiError(404, 'not_found', 'no such access request');
    const { request, caseRow } = found;
    if (request.requesterId === me.id) {
      throw new ApiError(403, 'self_approval', 'someone else must decide on your own request');
    }
    if (!caseRow || (caseRow.primaryCounselorId !== me.id && !me.roles.includes('director'))) {
      throw new ApiError(404, 'not_found', 'no such access request');
    }
    if (request.status !== 'pending') {
      throw new ApiError(409, 'request_not_pending', `this request is already ${request.status}`);
    }
    const { decision } = c.req.valid('json');
    const status = decision === 'approve' ? 'approved' : 'denied';
    const now = Date.now();
    await commitAudited(
      db,
      session.org.id,
      {
        actor: me.id,
        type: decision === 'approve' ? 'access.approved' : 'access.denied',
        subject: request.caseId,
        details: {
          request: request.id,
          requester: request.requesterId,
          perm: request.perm,
          durationMs: request.durationMs,
        },
      },
      () => [
        db
          .update(accessRequests)
          .set({ status, decidedBy: me.id, decidedAt: now })
          .where(and(eq(accessRequests.id, request.id), eq(accessRequests.status, 'pending'))),
      ],
    );
    return c.json(toAccessRequestView({ ...request, status, decidedBy: me.id, decidedAt: now }));
  },
);

/** The requester withdraws a request that has not been delivered. */
accessRequestRoutes.delete('/:id', requireSession, pathParams(accessRequestIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const request = await requireRequest(db, c.req.valid('param').id);
  if (request.requesterId !== session.user.id) throw new ApiError(404, 'not_found', 'no such access request');
  if (!(OPEN_STATUSES as readonly string[]).includes(request.status)) {
    throw new ApiError(409, 'request_not_pending', `this request is already ${request.status}`);
  }
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'access.cancelled',
      subject: request.caseId,
      details: { request: request.id },
    },
    () => [db.update(accessRequests).set({ status: 'cancelled' }).where(eq(accessRequests.id, request.id))],
  );
  return c.json(toAccessRequestView({ ...request, status: 'cancelled' }));
});
