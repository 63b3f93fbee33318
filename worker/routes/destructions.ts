import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { caseIdParamSchema } from '../../core/api/cases.js';
import {
  type DestructionView,
  destructionIdParamSchema,
  requestDestructionSchema,
} from '../../core/api/data-rights.js';
import { commitAudited } from '../audit.js';
import { caseHolderQueries, caseNotFound, findCase, isLive, judgeCaseHolder } from '../case-access.js';
import { type Db, refuseDuplicate } from '../db/client.js';
import { type CaseDestructionRow, caseDestructions } from '../db/data-rights-schema.js';
import { caseKeyWraps, cases } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { deleteAttachmentObjects, planShred, shredCountQueries } from '../shred.js';
import { jsonBody, pathParams } from '../validation.js';

/**
 * Two people destroy a case (issue 11, documented in docs/security.md): a director asks, and a
 * different person who holds the case key with write access confirms — usually the primary
 * counselor, who knows whether the file is still needed. Only then is it crypto-shredded.
 */
export const caseDestructionRoutes = new Hono<AppEnv>();
export const destructionRoutes = new Hono<AppEnv>();

export function toDestructionView(row: CaseDestructionRow): DestructionView {
  return {
    id: row.id,
    caseId: row.caseId,
    reason: row.reason,
    status: row.status,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
  };
}

const notFound = () => new ApiError(404, 'not_found', 'no such destruction request');

caseDestructionRoutes.post(
  '/:id/destruction',
  requireRoles('director'),
  pathParams(caseIdParamSchema),
  jsonBody(requestDestructionSchema),
  async (c) => {
    const { db, session } = c.var;
    const caseRow = await findCase(db, c.req.valid('param').id);
    if (!caseRow) throw caseNotFound();
    if (caseRow.status !== 'closed' && caseRow.status !== 'archived') {
      throw new ApiError(409, 'case_not_closed', 'close the case before asking to destroy it');
    }
    const row: CaseDestructionRow = {
      id: crypto.randomUUID(),
      caseId: caseRow.id,
      reason: c.req.valid('json').reason,
      status: 'pending',
      requestedBy: session.user.id,
      requestedAt: Date.now(),
      decidedBy: null,
      decidedAt: null,
    };
    await refuseDuplicate(
      'case_destructions.case_id',
      () => new ApiError(409, 'already_requested', 'this case already has a destruction request'),
      () =>
        commitAudited(
          db,
          session.org.id,
          {
            actor: session.user.id,
            type: 'case.destruction_requested',
            subject: caseRow.id,
            details: { destruction: row.id, reason: row.reason },
          },
          () => [db.insert(caseDestructions).values(row)],
        ),
    );
    return c.json(toDestructionView(row), 201);
  },
);

/** Directors see every request; anyone else the pending ones on cases whose key they hold. */
destructionRoutes.get('/', requireSession, async (c) => {
  const { db, session } = c.var;
  if (session.user.roles.includes('director')) {
    const rows = await db.select().from(caseDestructions).orderBy(desc(caseDestructions.requestedAt));
    return c.json({ destructions: rows.map(toDestructionView) });
  }
  const now = Date.now();
  const held = await db
    .select({ caseId: caseKeyWraps.caseId, wrap: caseKeyWraps })
    .from(caseKeyWraps)
    .innerJoin(cases, and(eq(cases.id, caseKeyWraps.caseId), eq(cases.currentEpoch, caseKeyWraps.epoch)))
    .where(eq(caseKeyWraps.toUserId, session.user.id));
  const live = held.filter((row) => isLive(row.wrap, now)).map((row) => row.caseId);
  if (live.length === 0) return c.json({ destructions: [] });
  const rows = await db
    .select()
    .from(caseDestructions)
    .where(and(eq(caseDestructions.status, 'pending'), inArray(caseDestructions.caseId, live)))
    .orderBy(desc(caseDestructions.requestedAt));
  return c.json({ destructions: rows.map(toDestructionView) });
});

/**
 * The destruction request and the caller's access to its case, as queries for one read batch:
 * the case is found through the request, by `caseOfRequest`, which more queries may use too.
 */
function destructionQueries(db: Db, id: string, userId: string) {
  const caseOfRequest = sql<string>`(${db
    .select({ id: caseDestructions.caseId })
    .from(caseDestructions)
    .where(eq(caseDestructions.id, id))})`;
  return {
    caseOfRequest,
    queries: [
      db.select().from(caseDestructions).where(eq(caseDestructions.id, id)).limit(1),
      ...caseHolderQueries(db, caseOfRequest, userId),
    ] as const,
  };
}

function assertPending(row: CaseDestructionRow) {
  if (row.status !== 'pending') {
    throw new ApiError(409, 'request_not_pending', `this destruction request is ${row.status}`);
  }
}

destructionRoutes.post('/:id/confirm', requireSession, pathParams(destructionIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { caseOfRequest, queries } = destructionQueries(db, c.req.valid('param').id, session.user.id);
  const [[request], caseRows, mine, ...counted] = await db.batch([
    ...queries,
    ...shredCountQueries(db, caseOfRequest),
  ]);
  if (!request) throw notFound();
  const now = Date.now();
  const { caseRow } = judgeCaseHolder(caseRows, mine, now, 'write');
  assertPending(request);
  if (request.requestedBy === session.user.id) {
    throw new ApiError(403, 'self_approval', 'someone other than the requester must confirm');
  }
  const objects = await deleteAttachmentObjects(c.env.ATTACHMENTS, caseRow.id);
  const { counts, statements } = planShred(db, caseRow, objects, now, counted);
  const decided = { status: 'destroyed' as const, decidedBy: session.user.id, decidedAt: now };
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'case.destroyed',
      subject: caseRow.id,
      details: {
        destruction: request.id,
        reason: request.reason,
        requestedBy: request.requestedBy,
        clientId: caseRow.clientId,
        serviceType: caseRow.serviceType,
        removed: counts,
      },
    },
    () => [
      ...statements(),
      db
        .update(caseDestructions)
        .set(decided)
        .where(and(eq(caseDestructions.id, request.id), eq(caseDestructions.status, 'pending'))),
    ],
  );
  return c.json({ destruction: toDestructionView({ ...request, ...decided }), removed: counts });
});

/** The director withdraws, or the key holder refuses: either way the case stays. */
destructionRoutes.post('/:id/cancel', requireSession, pathParams(destructionIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const [[request], caseRows, mine] = await db.batch(
    destructionQueries(db, c.req.valid('param').id, session.user.id).queries,
  );
  if (!request) throw notFound();
  if (!session.user.roles.includes('director')) judgeCaseHolder(caseRows, mine, Date.now(), 'write');
  assertPending(request);
  const decided = { status: 'cancelled' as const, decidedBy: session.user.id, decidedAt: Date.now() };
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'case.destruction_cancelled',
      subject: request.caseId,
      details: { destruction: request.id },
    },
    () => [
      db
        .update(caseDestructions)
        .set(decided)
        .where(and(eq(caseDestructions.id, request.id), eq(caseDestructions.status, 'pending'))),
    ],
  );
  return c.json(toDestructionView({ ...request, ...decided }));
});
