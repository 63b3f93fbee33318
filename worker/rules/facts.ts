import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { caseRecords, cases } from '../db/schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const OPEN_STATUSES = ['intake', 'active', 'closing'] as const;

/** What a condition may know about a case: operational metadata and counts, nothing written in it. */
export interface CaseFacts {
  id: string;
  status: string;
  serviceType: string;
  channel: string;
  primaryCounselorId: string;
  currentEpoch: number;
  daysOpen: number;
  /** Since the last record, or since the case opened when it has none. */
  daysSinceLastRecord: number;
  recordsSoFar: number;
  sessionsSoFar: number;
}

const daysBetween = (from: number, to: number) => Math.max(0, Math.floor((to - from) / DAY_MS));

// The subqueries walk case_records_by_case_time and the primary key for one case each.
const factColumns = {
  id: cases.id,
  status: cases.status,
  serviceType: cases.serviceType,
  channel: cases.channel,
  primaryCounselorId: cases.primaryCounselorId,
  currentEpoch: cases.currentEpoch,
  openedAt: cases.openedAt,
  lastRecordAt: sql<
    number | null
  >`(SELECT MAX(${caseRecords.createdAt}) FROM ${caseRecords} WHERE ${caseRecords.caseId} = ${cases.id})`,
  records: sql<number>`(SELECT COUNT(DISTINCT ${caseRecords.recordId}) FROM ${caseRecords} WHERE ${caseRecords.caseId} = ${cases.id})`,
  sessions: sql<number>`(SELECT COUNT(DISTINCT ${caseRecords.recordId}) FROM ${caseRecords} WHERE ${caseRecords.caseId} = ${cases.id} AND ${caseRecords.form} LIKE 'session-note@%')`,
};

interface FactRow {
  id: string;
  status: string;
  serviceType: string;
  channel: string;
  primaryCounselorId: string;
  currentEpoch: number;
  openedAt: number;
  lastRecordAt: number | null;
  records: number;
  sessions: number;
}

function toFacts(row: FactRow, now: number): CaseFacts {
  return {
    id: row.id,
    status: row.status,
    serviceType: row.serviceType,
    channel: row.channel,
    primaryCounselorId: row.primaryCounselorId,
    currentEpoch: row.currentEpoch,
    daysOpen: daysBetween(row.openedAt, now),
    daysSinceLastRecord: daysBetween(row.lastRecordAt ?? row.openedAt, now),
    recordsSoFar: row.records,
    sessionsSoFar: row.sessions,
  };
}

export async function caseFacts(db: Db, caseId: string, now: number): Promise<CaseFacts | undefined> {
  const [row] = await db
    .select(factColumns)
    .from(cases)
    .where(inArray(cases.id, [caseId]));
  return row && toFacts(row, now);
}

/** The facts of the cases `where` picks, as one statement for the caller's batch (see factsById). */
export const caseFactsQuery = (db: Db, where: SQL) => db.select(factColumns).from(cases).where(where);

export function factsById(rows: readonly FactRow[], now: number): Map<string, CaseFacts> {
  return new Map(rows.map((row) => [row.id, toFacts(row, now)]));
}

/** Every open case (intake, active, closing) with its facts: what a schedule rule scans. */
export async function openCaseFacts(db: Db, now: number): Promise<CaseFacts[]> {
  const rows = await db
    .select(factColumns)
    .from(cases)
    .where(inArray(cases.status, [...OPEN_STATUSES]));
  return rows.map((row) => toFacts(row, now));
}

/** The part of the facts a condition reads (under `case.`) and a dry run shows. */
export function conditionCaseFacts(facts: CaseFacts) {
  const { primaryCounselorId: _counselor, currentEpoch: _epoch, ...visible } = facts;
  return visible;
}
