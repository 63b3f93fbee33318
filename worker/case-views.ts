import { and, asc, eq, inArray, isNotNull, or, type SQLWrapper } from 'drizzle-orm';
import type { AccessRequestView } from '../core/api/access-requests.js';
import type { CaseLogLine, CaseRecordView, OperationalFields } from '../core/api/case-records.js';
import type { CaseFileView, CaseSummary, GrantView, MyCase } from '../core/api/cases.js';
import type { CaseWrapView } from '../core/api/key-wraps.js';
import { isExpired, isLive, needsRotation } from './case-access.js';
import type { Db } from './db/client.js';
import {
  type AccessRequestRow,
  accessRequests,
  type CaseKeyWrapRow,
  type CaseRecordRow,
  type CaseRow,
  caseEpochs,
  caseKeyWraps,
  caseLog,
  caseRecords,
  cases,
  portalSubmissions,
  type UserRow,
  users,
} from './db/schema.js';
import { toUserView } from './views.js';

/** Rows to the case-file JSON of core/api/cases.ts. */

export function toCaseSummary(
  caseRow: CaseRow,
  currentWraps: readonly CaseKeyWrapRow[],
  now: number,
): CaseSummary {
  return {
    id: caseRow.id,
    clientId: caseRow.clientId,
    primaryCounselorId: caseRow.primaryCounselorId,
    status: caseRow.status,
    serviceType: caseRow.serviceType as CaseSummary['serviceType'],
    channel: caseRow.channel as CaseSummary['channel'],
    openedAt: caseRow.openedAt,
    closedAt: caseRow.closedAt,
    currentEpoch: caseRow.currentEpoch,
    logSeq: caseRow.logSeq,
    logHead: caseRow.logHead,
    needsRotation: needsRotation(caseRow, currentWraps, now),
  };
}

export function toMyCase(summary: CaseSummary, grant: Pick<CaseKeyWrapRow, 'perm' | 'expiresAt'>): MyCase {
  return { ...summary, myPerm: grant.perm, myExpiresAt: grant.expiresAt };
}

export function toCaseWrapView(wrap: CaseKeyWrapRow): CaseWrapView {
  return {
    id: wrap.id,
    epoch: wrap.epoch,
    to: wrap.toUserId,
    perm: wrap.perm,
    expiresAt: wrap.expiresAt,
    enc: wrap.enc,
    ct: wrap.ct,
    sig: wrap.sig,
    byUserId: wrap.byUserId,
    createdAt: wrap.createdAt,
  };
}

export function toGrantView(wrap: CaseKeyWrapRow, now: number): GrantView {
  return {
    id: wrap.id,
    epoch: wrap.epoch,
    to: wrap.toUserId,
    perm: wrap.perm,
    expiresAt: wrap.expiresAt,
    byUserId: wrap.byUserId,
    createdAt: wrap.createdAt,
    status: wrap.revokedAt !== null ? 'revoked' : isExpired(wrap, now) ? 'expired' : 'live',
  };
}

export function toRecordView(row: CaseRecordRow, filedFromPortal: ReadonlySet<string>): CaseRecordView {
  return {
    record: row.recordId,
    rev: row.rev,
    form: row.form,
    authorId: row.authorId,
    epoch: row.epoch,
    envelope: row.envelope,
    operational: JSON.parse(row.operational) as OperationalFields,
    seq: row.seq,
    createdAt: row.createdAt,
    fromPortal: filedFromPortal.has(row.recordId),
  };
}

export function toAccessRequestView(row: AccessRequestRow): AccessRequestView {
  return {
    id: row.id,
    caseId: row.caseId,
    requesterId: row.requesterId,
    reason: row.reason,
    perm: row.perm,
    durationMs: row.durationMs,
    status: row.status,
    note:
      row.noteEnc !== null && row.noteCt !== null && row.noteToUserId !== null
        ? { enc: row.noteEnc, ct: row.noteCt, toUserId: row.noteToUserId }
        : null,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    grantId: row.grantId,
    createdAt: row.createdAt,
  };
}

/** The latest revision of every record: the highest rev per record id. */
function latestRevisions(rows: readonly CaseRecordRow[]): CaseRecordRow[] {
  const latest = new Map<string, CaseRecordRow>();
  for (const row of rows) {
    const seen = latest.get(row.recordId);
    if (!seen || row.rev > seen.rev) latest.set(row.recordId, row);
  }
  return [...latest.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Everything a case file is made of, as queries for one read batch: epochs, wraps, log, records,
 * approved access requests (for delivery) and a superset of the people they name.
 */
export function caseFileQueries(db: Db, caseId: string | SQLWrapper) {
  const wrapsOfCase = (column: typeof caseKeyWraps.toUserId | typeof caseKeyWraps.byUserId) =>
    db.select({ id: column }).from(caseKeyWraps).where(eq(caseKeyWraps.caseId, caseId));
  const approved = and(eq(accessRequests.caseId, caseId), inArray(accessRequests.status, ['approved']));
  return [
    db.select().from(caseEpochs).where(eq(caseEpochs.caseId, caseId)).orderBy(asc(caseEpochs.epoch)),
    db.select().from(caseKeyWraps).where(eq(caseKeyWraps.caseId, caseId)),
    db.select().from(caseLog).where(eq(caseLog.caseId, caseId)).orderBy(asc(caseLog.seq)),
    db.select().from(caseRecords).where(eq(caseRecords.caseId, caseId)).orderBy(asc(caseRecords.seq)),
    db.select().from(accessRequests).where(approved),
    db
      .select()
      .from(users)
      .where(
        or(
          inArray(
            users.id,
            db.select({ id: cases.primaryCounselorId }).from(cases).where(eq(cases.id, caseId)),
          ),
          inArray(
            users.id,
            db.select({ id: caseRecords.authorId }).from(caseRecords).where(eq(caseRecords.caseId, caseId)),
          ),
          inArray(users.id, wrapsOfCase(caseKeyWraps.toUserId)),
          inArray(users.id, wrapsOfCase(caseKeyWraps.byUserId)),
          inArray(
            users.id,
            db.select({ id: accessRequests.requesterId }).from(accessRequests).where(approved),
          ),
        ),
      ),
    // a filed submission became the record with its id (migrations/0009)
    db
      .select({ id: portalSubmissions.id })
      .from(portalSubmissions)
      .where(and(eq(portalSubmissions.caseId, caseId), isNotNull(portalSubmissions.filedAt))),
  ] as const;
}

type CaseFileRows = readonly [
  epochRows: (typeof caseEpochs.$inferSelect)[],
  wrapRows: CaseKeyWrapRow[],
  logRows: (typeof caseLog.$inferSelect)[],
  recordRows: CaseRecordRow[],
  approved: AccessRequestRow[],
  peopleRows: UserRow[],
  filedRows: { id: string }[],
];

export function assembleCaseFile(
  [epochRows, wrapRows, logRows, recordRows, approved, peopleRows, filedRows]: CaseFileRows,
  caseRow: CaseRow,
  grant: CaseKeyWrapRow,
  userId: string,
  historyOf: string | undefined,
  now: number,
): CaseFileView {
  const deliveries = grant.perm === 'write' ? approved : [];
  const filedFromPortal = new Set(filedRows.map((row) => row.id));
  const toView = (row: CaseRecordRow) => toRecordView(row, filedFromPortal);
  const currentWraps = wrapRows.filter((wrap) => wrap.epoch === caseRow.currentEpoch);
  const myWraps = wrapRows.filter((wrap) => wrap.toUserId === userId && isLive(wrap, now));
  const log: CaseLogLine[] = logRows.map((row) => ({ entry: JSON.parse(row.entry), sig: row.sig }));
  const records = latestRevisions(recordRows);
  const history =
    historyOf === undefined ? undefined : recordRows.filter((row) => row.recordId === historyOf);
  // The batch read a superset; the file names exactly these people.
  const named = new Set([
    caseRow.primaryCounselorId,
    ...recordRows.map((row) => row.authorId),
    ...myWraps.map((wrap) => wrap.byUserId),
    ...currentWraps.flatMap((wrap) => [wrap.toUserId, wrap.byUserId]),
    ...deliveries.map((request) => request.requesterId),
  ]);
  const people = peopleRows.filter((row) => named.has(row.id));
  return {
    case: toMyCase(toCaseSummary(caseRow, currentWraps, now), grant),
    epochs: epochRows.map((row) => ({
      epoch: row.epoch,
      inbox: { pk: row.inboxPk, sealed: row.inboxSealed },
    })),
    keyChain: epochRows.flatMap((row) =>
      row.previousKeyEnvelope === null ? [] : [{ epoch: row.epoch - 1, envelope: row.previousKeyEnvelope }],
    ),
    myWraps: myWraps.map(toCaseWrapView),
    grants: currentWraps.map((wrap) => toGrantView(wrap, now)),
    log,
    records: records.map(toView),
    ...(history && { history: history.map(toView) }),
    pendingDeliveries: deliveries.map(toAccessRequestView),
    people: people.map(toUserView),
  };
}
