import { and, desc, eq, gt, isNull, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { caseHolderQueries } from './case-access.js';
import { caseFileQueries } from './case-views.js';
import { slot } from './db/prepared.js';
import { auditEvents, caseKeyWraps, cases } from './db/schema.js';
import { type SessionScope, sessionRead } from './session-reads.js';

/**
 * The two hot case reads as single read batches behind the folded session read
 * (worker/session-reads.ts): every statement names the user only through `scope.userId`, the live
 * session's user id or NULL.
 */

/** A listed case, the caller's grant of it, and whether a current wrap has expired unrevoked. */
function myCaseColumns(now: Placeholder) {
  return {
    caseRow: cases,
    perm: caseKeyWraps.perm,
    expiresAt: caseKeyWraps.expiresAt,
    currentWrapExpired: sql<number>`EXISTS (SELECT 1 FROM case_key_wraps AS current_wrap
      WHERE current_wrap.case_id = ${cases.id} AND current_wrap.epoch = ${cases.currentEpoch}
      AND current_wrap.revoked_at IS NULL AND current_wrap.expires_at <> 0 AND current_wrap.expires_at <= ${now})`,
  };
}

/** The cases where the user holds a live grant at the current epoch, newest first. */
function myCasesQuery({ db, now, userId }: SessionScope) {
  return db
    .select(myCaseColumns(now))
    .from(caseKeyWraps)
    .innerJoin(cases, and(eq(cases.id, caseKeyWraps.caseId), eq(cases.currentEpoch, caseKeyWraps.epoch)))
    .where(
      and(
        eq(caseKeyWraps.toUserId, userId),
        isNull(caseKeyWraps.revokedAt),
        or(eq(caseKeyWraps.expiresAt, 0), gt(caseKeyWraps.expiresAt, now)),
      ),
    )
    .orderBy(desc(cases.openedAt));
}

/** case-access.ts's `isLive` in SQL, for a wrap table under `alias`. */
function liveWrap(alias: string, now: Placeholder): SQL {
  const wrap = sql.raw(alias);
  return sql`${wrap}.revoked_at IS NULL AND (${wrap}.expires_at = 0 OR ${wrap}.expires_at > ${now})`;
}

/**
 * The case id if the user holds a live grant at its current epoch (what `judgeCaseHolder` serves
 * the file on), else NULL: the file's statements and the audit event read through it.
 */
function servedCaseId(caseId: Placeholder, { now, userId }: SessionScope): SQL<string | null> {
  return sql<string | null>`(SELECT granted_wrap.case_id FROM case_key_wraps AS granted_wrap
    INNER JOIN cases AS granted_case ON granted_case.id = granted_wrap.case_id
      AND granted_case.current_epoch = granted_wrap.epoch
    WHERE granted_wrap.case_id = ${caseId} AND granted_wrap.to_user_id = ${userId}
      AND ${liveWrap('granted_wrap', now)} LIMIT 1)`;
}

/**
 * PROTOCOL §8: the `case.read` event, appended in the read's own batch (one transaction) by an
 * INSERT … SELECT that yields a row exactly when the file is served, with the details the route
 * used to append after its read: the epoch and log position read, the caller's live wraps, the
 * record whose history was asked for. It is appended without its hash like every event
 * (worker/audit.ts) and sealed into the chain after the response (worker/audit-seal.ts); its
 * content is fixed at commit, so the chain is exactly as if it had been appended alone.
 */
function caseReadEvent(served: SQL<string | null>, scope: SessionScope, withHistory: boolean) {
  const { db, now, userId } = scope;
  const myLiveWrapIds = sql`(SELECT json_group_array(id) FROM (SELECT my_wrap.id AS id
    FROM case_key_wraps AS my_wrap WHERE my_wrap.case_id = ${cases.id} AND my_wrap.to_user_id = ${userId}
      AND ${liveWrap('my_wrap', now)} ORDER BY my_wrap.rowid))`;
  const details = sql<string>`json_object('epoch', ${cases.currentEpoch}, 'seq', ${cases.logSeq}, 'wraps', json(${myLiveWrapIds})`;
  if (withHistory) details.append(sql`, 'history', ${slot('history')}`);
  details.append(sql`)`);
  return db
    .insert(auditEvents)
    .select(
      db
        .select({
          seq: sql<number>`NULL`.as('seq'),
          at: sql<number>`${now}`.as('at'),
          actorUserId: sql<string>`${userId}`.as('actor_user_id'),
          type: sql<string>`'case.read'`.as('type'),
          subject: cases.id,
          details: details.as('details'),
          prevHash: sql<string>`NULL`.as('prev_hash'),
          hash: sql<string>`NULL`.as('hash'),
        })
        .from(cases)
        .where(eq(cases.id, served)),
    )
    .returning({ seq: auditEvents.seq });
}

/**
 * Opening a case: the case and the caller's wraps of it (for `judgeCaseHolder`'s 404 / 403), the
 * whole file, and its audit event. The case row is read only for a live session; the file and the
 * event only when the caller holds a live current grant.
 */
function openCaseQueries(scope: SessionScope, withHistory: boolean) {
  const { db, userId } = scope;
  const caseId = slot<string>('caseId');
  const served = servedCaseId(caseId, scope);
  const [caseRow, mine] = caseHolderQueries(
    db,
    sql`(SELECT id FROM cases WHERE id = ${caseId} AND ${userId} IS NOT NULL)`,
    userId,
  );
  return [caseRow, mine, ...caseFileQueries(db, served), caseReadEvent(served, scope, withHistory)] as const;
}

/** The case list: `now` and the session are the only values. */
export const caseListRead = sessionRead((scope) => [myCasesQuery(scope)] as const);

/** Opening a case, bound with `caseId` (and `history`, the record whose history is asked for). */
export const openCaseRead = sessionRead((scope) => openCaseQueries(scope, false));
export const openCaseHistoryRead = sessionRead((scope) => openCaseQueries(scope, true));
