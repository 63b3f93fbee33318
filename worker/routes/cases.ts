import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  caseFileQuerySchema,
  caseIdParamSchema,
  createCaseRequestSchema,
  transferCaseRequestSchema,
  updateCaseRequestSchema,
} from '../../core/api/cases.js';
import { ORG_RECOVERY } from '../../core/api/key-wraps.js';
import { toHex } from '../../crypto/bytes.js';
import { caseLogGenesis } from '../../crypto/case-log.js';
import { caseGrantInfo } from '../../crypto/grant.js';
import { commitAudited, noteAppendedAuditEvents } from '../audit.js';
import { caseManagerQueries, currentWrapsQuery, judgeCaseHolder, judgeCaseManager } from '../case-access.js';
import { caseListRead, openCaseHistoryRead, openCaseRead } from '../case-reads.js';
import { caseStatusChange } from '../case-status.js';
import { assembleCaseFile, toCaseSummary, toMyCase } from '../case-views.js';
import { requireVisibleClient } from '../contact-access.js';
import { isUniqueViolation } from '../db/client.js';
import { type CaseKeyWrapRow, type CaseRow, caseEpochs, caseKeyWraps, cases } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import {
  assertDistinctRecipients,
  assertGrantSignature,
  assertRecipient,
  requireCertified,
} from '../key-wraps.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { usersByIdQuery } from '../people.js';
import { eventStatement, processEventsAfterCommit } from '../rules/outbox.js';
import { readWithSession } from '../session-reads.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';

/** Cases: creation, the case file, status and transfer. Records and keys have their own routers. */
export const caseRoutes = new Hono<AppEnv>();

/**
 * Epoch 0 is wrapped to the primary counselor (the caller) and to the org recovery key; a case
 * without the recovery wrap could be lost with its counselor, so it is refused (PROTOCOL §4).
 */
caseRoutes.post('/', requireRoles('counselor'), jsonBody(createCaseRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  const me = session.user;
  requireCertified(me, 'open a case');
  const now = Date.now();
  await requireVisibleClient(db, me.id, body.clientId, now);
  assertDistinctRecipients(body.wraps.map((wrap) => wrap.to));
  const recovery = body.wraps.find((wrap) => wrap.to === ORG_RECOVERY);
  if (recovery?.perm !== 'write' || recovery.expiresAt !== 0) {
    throw new ApiError(400, 'recovery_wrap_missing', 'a case needs its key wrapped to the org recovery key');
  }
  const own = body.wraps.find((wrap) => wrap.to === me.id);
  if (own?.perm !== 'write' || own.expiresAt !== 0) {
    throw new ApiError(400, 'bad_recipient', 'wrap epoch 0 to yourself with write access and no expiry');
  }
  const wrapRows: CaseKeyWrapRow[] = [recovery, own].map((wrap) => {
    const info = caseGrantInfo({
      org: session.org.id,
      caseId: body.id,
      epoch: 0,
      to: wrap.to,
      perm: wrap.perm,
      expiresAtMs: 0,
      by: me.id,
    });
    assertGrantSignature(info, wrap, me);
    return {
      id: crypto.randomUUID(),
      caseId: body.id,
      epoch: 0,
      toUserId: wrap.to,
      perm: wrap.perm,
      expiresAt: 0,
      enc: wrap.enc,
      ct: wrap.ct,
      sig: wrap.sig,
      byUserId: me.id,
      createdAt: now,
      revokedAt: null,
    };
  });
  const caseRow: CaseRow = {
    id: body.id,
    clientId: body.clientId,
    primaryCounselorId: me.id,
    status: 'intake',
    serviceType: body.serviceType,
    channel: body.channel,
    openedAt: now,
    closedAt: null,
    currentEpoch: 0,
    logSeq: 0,
    logHead: toHex(caseLogGenesis(body.id)),
    needsRotation: false,
    createdBy: me.id,
  };
  try {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: me.id,
        type: 'case.created',
        subject: caseRow.id,
        details: { clientId: body.clientId, serviceType: body.serviceType, channel: body.channel },
      },
      () => [
        db.insert(cases).values(caseRow),
        db.insert(caseEpochs).values({
          caseId: caseRow.id,
          epoch: 0,
          inboxPk: body.inbox.pk,
          inboxSealed: body.inbox.sealed,
          previousKeyEnvelope: null,
          openedBy: me.id,
          openedAt: now,
        }),
        ...wrapRows.map((row) => db.insert(caseKeyWraps).values(row)),
        eventStatement(db, {
          type: 'case.opened',
          subject: caseRow.id,
          caseId: caseRow.id,
          payload: { serviceType: body.serviceType, channel: body.channel, counselorId: me.id },
        }),
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'cases.id')) throw new ApiError(409, 'conflict', 'this case id is taken');
    throw error;
  }
  processEventsAfterCommit(c);
  const grant = wrapRows[1] as CaseKeyWrapRow;
  return c.json(toMyCase(toCaseSummary(caseRow, wrapRows, now), grant), 201);
});

/**
 * The cases where the caller holds a live grant at the current epoch: metadata only. One query:
 * whether a case needs rotation is asked of SQL (an EXISTS over its current wraps), so no wrap's
 * ciphertext is read to list cases. The session is read in the same batch (session-reads.ts).
 */
caseRoutes.get('/', async (c) => {
  const {
    now,
    rows: [rows],
  } = await readWithSession(c, caseListRead);
  const list = rows.map(({ caseRow, perm, expiresAt, currentWrapExpired }) => {
    const summary = toCaseSummary(caseRow, [], now);
    // needsRotation as toCaseSummary decides it from the current wraps (case-access.ts).
    summary.needsRotation = caseRow.needsRotation || currentWrapExpired === 1;
    return toMyCase(summary, { perm, expiresAt });
  });
  return c.json({ cases: list });
});

/** One read batch: the session, access, the whole file and the read's audit event (case-reads.ts). */
caseRoutes.get('/:id', pathParams(caseIdParamSchema), queryParams(caseFileQuerySchema), async (c) => {
  const caseId = c.req.valid('param').id;
  const { history } = c.req.valid('query');
  const {
    session,
    now,
    rows: [caseRows, mine, ...rest],
  } = await (history === undefined
    ? readWithSession(c, openCaseRead, { caseId })
    : readWithSession(c, openCaseHistoryRead, { caseId, history }));
  const { caseRow, grant } = judgeCaseHolder(caseRows, mine, now);
  const [epochRows, wrapRows, logRows, recordRows, approved, peopleRows, filedRows, audited] = rest;
  // The event's guard is judgeCaseHolder's rule at the same instant: a file is never served unrecorded.
  if (audited.length !== 1) throw new Error('the case read was not audited');
  noteAppendedAuditEvents(c.var.db, session.org.id);
  const file = assembleCaseFile(
    [epochRows, wrapRows, logRows, recordRows, approved, peopleRows, filedRows],
    caseRow,
    grant,
    session.user.id,
    history,
    now,
  );
  return c.json(file);
});

caseRoutes.patch(
  '/:id',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(updateCaseRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const caseId = c.req.valid('param').id;
    // A status change leaves the wraps as they are: the summary's are read with the case.
    const [caseRows, held, current] = await db.batch([
      ...caseManagerQueries(db, caseId, session.user.id),
      currentWrapsQuery(db, caseId),
    ]);
    const caseRow = judgeCaseManager(caseRows, held, session);
    const { status } = c.req.valid('json');
    const now = Date.now();
    const change = caseStatusChange(db, caseRow, [status], session.user.id, now);
    await commitAudited(db, session.org.id, change.audit, () => change.statements);
    processEventsAfterCommit(c);
    return c.json(
      toCaseSummary(
        change.changed,
        current.map((row) => row.wrap),
        now,
      ),
    );
  },
);

/**
 * The new primary counselor gets the key from a holder's browser afterwards (POST …/grants with
 * a write wrap without expiry); until then they see the case only in requests and transfers.
 */
caseRoutes.post(
  '/:id/transfer',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(transferCaseRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const caseId = c.req.valid('param').id;
    const { primaryCounselorId } = c.req.valid('json');
    const [caseRows, held, current, nextRows] = await db.batch([
      ...caseManagerQueries(db, caseId, session.user.id),
      currentWrapsQuery(db, caseId),
      usersByIdQuery(db, [primaryCounselorId]),
    ]);
    const caseRow = judgeCaseManager(caseRows, held, session);
    const [next] = nextRows;
    assertRecipient(next, primaryCounselorId);
    if (!next.roles.includes('counselor')) {
      throw new ApiError(409, 'bad_recipient', 'a case is transferred to a counselor');
    }
    if (next.id === caseRow.primaryCounselorId) {
      throw new ApiError(409, 'conflict', 'this counselor is already the primary counselor');
    }
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'case.transferred',
        subject: caseRow.id,
        details: { from: caseRow.primaryCounselorId, to: next.id },
      },
      () => [db.update(cases).set({ primaryCounselorId: next.id }).where(eq(cases.id, caseRow.id))],
    );
    const now = Date.now();
    const updated = { ...caseRow, primaryCounselorId: next.id };
    return c.json(
      toCaseSummary(
        updated,
        current.map((row) => row.wrap),
        now,
      ),
    );
  },
);
