import { and, desc, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Permission } from '../core/api/key-wraps.js';
import type { Db } from './db/client.js';
import { type CaseKeyWrapRow, type CaseRow, caseKeyWraps, cases } from './db/schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';

/**
 * DESIGN §2 defense in depth: the server hands ciphertext and wrapped keys only to someone with a
 * live grant at the case's current epoch. Someone who never held one learns nothing, not even
 * that the case exists (404); a former holder is told why (403 grant_expired / grant_revoked).
 */

/** Same rule as crypto/grant.ts: a grant is expired from its expiry instant on. */
export function isExpired(wrap: Pick<CaseKeyWrapRow, 'expiresAt'>, now: number): boolean {
  return wrap.expiresAt !== 0 && now >= wrap.expiresAt;
}

export function isLive(wrap: Pick<CaseKeyWrapRow, 'expiresAt' | 'revokedAt'>, now: number): boolean {
  return wrap.revokedAt === null && !isExpired(wrap, now);
}

export const caseNotFound = () => new ApiError(404, 'not_found', 'no such case');

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).limit(1);
  return row;
}

export async function wrapsAtEpoch(db: Db, caseId: string, epoch: number): Promise<CaseKeyWrapRow[]> {
  return db
    .select()
    .from(caseKeyWraps)
    .where(and(eq(caseKeyWraps.caseId, caseId), eq(caseKeyWraps.epoch, epoch)));
}

/** PROTOCOL §5: a revocation, or any grant of the current epoch that has expired, calls for e+1. */
export function needsRotation(
  caseRow: CaseRow,
  currentWraps: readonly CaseKeyWrapRow[],
  now: number,
): boolean {
  return (
    caseRow.needsRotation || currentWraps.some((wrap) => wrap.revokedAt === null && isExpired(wrap, now))
  );
}

export interface CaseHolder {
  caseRow: CaseRow;
  grant: CaseKeyWrapRow;
}

/**
 * The case and the caller's wraps of it, as queries for a read batch (see `judgeCaseHolder`).
 * `caseId` and `userId` may be SQL that yields them, such as a subquery on a row the batch also reads.
 */
export function caseHolderQueries(db: Db, caseId: string | SQLWrapper, userId: string | SQLWrapper) {
  return [
    db.select().from(cases).where(eq(cases.id, caseId)).limit(1),
    db
      .select()
      .from(caseKeyWraps)
      .where(and(eq(caseKeyWraps.caseId, caseId), eq(caseKeyWraps.toUserId, userId)))
      .orderBy(desc(caseKeyWraps.epoch)),
  ] as const;
}

export function judgeCaseHolder(
  caseRows: readonly CaseRow[],
  mine: readonly CaseKeyWrapRow[],
  now: number,
  perm: Permission = 'read',
): CaseHolder {
  const [caseRow] = caseRows;
  if (!caseRow) throw caseNotFound();
  const grant = mine.find((wrap) => wrap.epoch === caseRow.currentEpoch && isLive(wrap, now));
  if (!grant) {
    if (mine.some((wrap) => wrap.revokedAt !== null)) {
      throw new ApiError(403, 'grant_revoked', 'your access to this case was revoked');
    }
    if (mine.length > 0) throw new ApiError(403, 'grant_expired', 'your access to this case has expired');
    throw caseNotFound();
  }
  if (perm === 'write' && grant.perm !== 'write') {
    throw new ApiError(403, 'write_required', 'this needs write access to the case');
  }
  return { caseRow, grant };
}

/** One round trip: the case and the caller's wraps are read in one batch. */
export async function requireCaseHolder(
  db: Db,
  caseId: string,
  userId: string,
  now: number,
  perm: Permission = 'read',
): Promise<CaseHolder> {
  const [caseRows, mine] = await db.batch(caseHolderQueries(db, caseId, userId));
  return judgeCaseHolder(caseRows, mine, now, perm);
}

/** The wraps of a case's current epoch, whatever it is, as a query for a read batch. */
export function currentWrapsQuery(db: Db, caseId: string) {
  return db
    .select({ wrap: caseKeyWraps })
    .from(caseKeyWraps)
    .innerJoin(cases, and(eq(cases.id, caseKeyWraps.caseId), eq(cases.currentEpoch, caseKeyWraps.epoch)))
    .where(eq(caseKeyWraps.caseId, caseId));
}

/**
 * The case and whether the user ever held a wrap of it, as queries for a read batch (see
 * `judgeCaseManager`); `caseId` may be SQL that yields it.
 */
export function caseManagerQueries(db: Db, caseId: string | SQLWrapper, userId: string) {
  return [
    db.select().from(cases).where(eq(cases.id, caseId)).limit(1),
    db
      .select({ id: caseKeyWraps.id })
      .from(caseKeyWraps)
      .where(and(eq(caseKeyWraps.caseId, caseId), eq(caseKeyWraps.toUserId, userId)))
      .limit(1),
  ] as const;
}

/** Status, transfer and revocation: the primary counselor or a director, key holder or not. */
export function judgeCaseManager(
  caseRows: readonly CaseRow[],
  held: readonly { id: string }[],
  session: ActiveSession,
): CaseRow {
  const [caseRow] = caseRows;
  if (!caseRow) throw caseNotFound();
  if (caseRow.primaryCounselorId === session.user.id || session.user.roles.includes('director')) {
    return caseRow;
  }
  if (held.length === 0) throw caseNotFound();
  throw new ApiError(403, 'forbidden', 'only the primary counselor or a director may do this');
}

/** One round trip; see `judgeCaseManager`. */
export async function requireCaseManager(db: Db, caseId: string, session: ActiveSession): Promise<CaseRow> {
  const [caseRows, held] = await db.batch(caseManagerQueries(db, caseId, session.user.id));
  return judgeCaseManager(caseRows, held, session);
}

/**
 * A value that is NULL unless the case is still at `epoch`. Stored in a NOT NULL column it makes a
 * D1 batch abort when a rotation committed between our read and our write, so nothing is ever
 * written under an epoch that is no longer current.
 */
export function epochIfCurrent(caseId: string, epoch: number): SQL<number> {
  return sql<number>`(SELECT current_epoch FROM cases WHERE id = ${caseId} AND current_epoch = ${epoch})`;
}
