import { and, asc, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { auditGenesisHead, nextAuditHead } from '../crypto/audit-log.js';
import { fromHex, toHex } from '../crypto/bytes.js';
import type { Db } from './db/client.js';
import { auditEvents, org } from './db/schema.js';

/**
 * PROTOCOL §8 audit chain, sealing half: events are committed without their hash (worker/audit.ts)
 * and sealed here in seq order, h_n = SHA-256(h_{n-1} || canonical JSON of event_n), each row's
 * prev_hash and hash written once. Sealing is deterministic — the same rows give the same hashes —
 * so two sealers racing write the same values, and an update only applies to a row still unsealed.
 * Sealed rows are always a prefix of the log; whatever serves a hash seals first.
 */

export interface AuditHead {
  n: number;
  head: string;
}

export type AuditRow = typeof auditEvents.$inferSelect;
export type SealedAuditRow = AuditRow & { prevHash: string; hash: string };

/** Events sealed per round (one batch of updates). */
const SEAL_CHUNK = 100;

/** The last sealed event and the oldest ones not sealed yet, for one read batch. */
function sealQueries(db: Db) {
  return [
    db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(isNotNull(auditEvents.hash))
      .orderBy(desc(auditEvents.seq))
      .limit(1),
    db
      .select()
      .from(auditEvents)
      .where(isNull(auditEvents.hash))
      .orderBy(asc(auditEvents.seq))
      .limit(SEAL_CHUNK),
  ] as const;
}

interface SealPlan {
  head: AuditHead;
  sealed: Map<number, { prevHash: string; hash: string }>;
  updates: BatchItem<'sqlite'>[];
  /** False when more unsealed events may follow the ones planned. */
  complete: boolean;
}

type EventFields = Pick<AuditRow, 'seq' | 'at' | 'actorUserId' | 'type' | 'subject' | 'details'>;

/**
 * The hashes of events not sealed yet (in seq order), chained on from the last sealed event (or
 * h_0 when there is none): exactly what sealing them writes.
 */
export function chainOn(
  orgId: string,
  last: { seq: number; hash: string | null } | undefined,
  pending: readonly EventFields[],
): { head: AuditHead; sealed: Map<number, { prevHash: string; hash: string }> } {
  let n = last?.seq ?? 0;
  let head = last?.hash ?? toHex(auditGenesisHead(orgId));
  const sealed = new Map<number, { prevHash: string; hash: string }>();
  for (const row of pending) {
    const event = {
      seq: row.seq,
      at: row.at,
      actor: row.actorUserId,
      type: row.type,
      subject: row.subject,
      details: JSON.parse(row.details),
    };
    const hash = toHex(nextAuditHead(fromHex(head), event));
    sealed.set(row.seq, { prevHash: head, hash });
    head = hash;
    n = row.seq;
  }
  return { head: { n, head }, sealed };
}

function planSeal(
  db: Db,
  orgId: string,
  lastRows: readonly { seq: number; hash: string | null }[],
  pending: readonly AuditRow[],
): SealPlan {
  const { head, sealed } = chainOn(orgId, lastRows[0], pending);
  const updates = [...sealed].map(([seq, hashes]) =>
    db
      .update(auditEvents)
      .set(hashes)
      .where(and(eq(auditEvents.seq, seq), isNull(auditEvents.hash))),
  );
  return { head, sealed, updates, complete: pending.length < SEAL_CHUNK };
}

async function writeSeal(db: Db, plan: SealPlan): Promise<void> {
  const [first, ...rest] = plan.updates;
  if (first) await db.batch([first, ...rest]);
}

/** Seals every event committed so far and returns the head: (n, h_n) of the last one. */
export async function sealAuditChain(db: Db, orgId: string): Promise<AuditHead> {
  for (;;) {
    const [lastRows, pending] = await db.batch(sealQueries(db));
    const plan = planSeal(db, orgId, lastRows, pending);
    await writeSeal(db, plan);
    if (plan.complete) return plan.head;
  }
}

/** After a cron run, whose jobs open their own databases: seals whatever they appended. */
export async function sealAuditChainOfOrg(db: Db): Promise<void> {
  const [row] = await db.select({ id: org.id }).from(org).limit(1);
  if (row) await sealAuditChain(db, row.id);
}

type SealedEventsQuery = { where: SQL | undefined; order: 'asc' | 'desc'; limit?: number };

/** readSealedEvents' reads, for a route that puts them in its own read batch (see sealedEvents). */
export function sealedEventsQueries(db: Db, query: SealedEventsQuery) {
  const select = db
    .select()
    .from(auditEvents)
    .where(query.where)
    .orderBy(query.order === 'asc' ? asc(auditEvents.seq) : desc(auditEvents.seq));
  return [...sealQueries(db), query.limit === undefined ? select : select.limit(query.limit)] as const;
}

/**
 * Of sealedEventsQueries' rows, the events with their hashes, and the updates that seal them: the
 * route writes those in its own write batch (before anything it appends), or readSealedEvents now.
 */
export function sealedEvents(
  db: Db,
  orgId: string,
  [lastRows, pending, rows]: readonly [
    readonly { seq: number; hash: string | null }[],
    readonly AuditRow[],
    readonly AuditRow[],
  ],
): { events: SealedAuditRow[]; sealUpdates: BatchItem<'sqlite'>[] } {
  const plan = planSeal(db, orgId, lastRows, pending);
  const events = rows.flatMap((row) => {
    const hashes =
      row.hash !== null && row.prevHash !== null
        ? { prevHash: row.prevHash, hash: row.hash }
        : plan.sealed.get(row.seq);
    return hashes ? [{ ...row, ...hashes }] : [];
  });
  return { events, sealUpdates: plan.updates };
}

/**
 * The events matching `where`, every one sealed: the seal's reads and this one share a round
 * trip, the events they seal get their hashes from it, and (only when more than a round's worth
 * were waiting) an event still unsealed is left out — it was committed after those listed.
 */
export async function readSealedEvents(
  db: Db,
  orgId: string,
  query: SealedEventsQuery,
): Promise<SealedAuditRow[]> {
  const { events, sealUpdates } = sealedEvents(db, orgId, await db.batch(sealedEventsQueries(db, query)));
  const [first, ...rest] = sealUpdates;
  if (first) await db.batch([first, ...rest]);
  return events;
}

/**
 * After a request that appended events: seal them, one sealer per isolate at a time. A request
 * that appends while a sealer runs asks it for another round instead of starting its own. A
 * sealer that stopped without saying so (its request cut off) is replaced after LEASE_MS; the
 * next writer or reader seals anything it left.
 */
const LEASE_MS = 5_000;
const MAX_ROUNDS = 50;
let sealingSince = 0;
let sealAgain = false;

export async function sealAfterAppend(db: Db, orgId: string): Promise<void> {
  if (Date.now() - sealingSince < LEASE_MS) {
    sealAgain = true;
    return;
  }
  sealingSince = Date.now();
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      sealAgain = false;
      await sealAuditChain(db, orgId);
      sealingSince = Date.now();
      if (!sealAgain) return;
    }
  } finally {
    sealingSince = 0;
  }
}
