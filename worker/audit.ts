import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { AuditEventType } from '../core/api/audit.js';
import type { JsonValue } from '../crypto/canonical-json.js';
import type { Db } from './db/client.js';
import { auditEvents } from './db/schema.js';

/**
 * PROTOCOL §8 audit chain, appending half. The hashed event is exactly the object
 *   { seq, at, actor, type, subject, details }
 * (actor = user id or null, subject = the thing acted on or null, details = operational JSON,
 * never a secret): h_n = SHA-256(h_{n-1} || canonical JSON of event_n), with
 * h_0 = SHA-256("tacit/1/audit|" || org id). Heads are stored and served as lowercase hex.
 *
 * A write and its events commit in one D1 batch (one transaction), and SQLite numbers the events
 * inside it (seq = the next rowid), so concurrent writers never race for a seq and never retry.
 * The hashes cannot be computed in SQL; worker/audit-seal.ts fills them in, in seq order, right
 * after the response (and before anything serves a hash). An event's content never changes
 * after it is committed, so its hash is the same whenever and by whomever it is computed.
 */
export interface AuditEvent {
  seq: number;
  at: number;
  actor: string | null;
  type: AuditEventType;
  subject: string | null;
  details: { [key: string]: JsonValue };
}

export type AuditRecord = Omit<AuditEvent, 'seq' | 'at' | 'details'> & { details?: AuditEvent['details'] };

/** Databases (one per request or cron job) that appended events, with their org: seal them next. */
const appendedBy = new WeakMap<Db, string>();

/** The org of the events this database appended, if it appended any. */
export function appendedAuditEvents(db: Db): string | undefined {
  return appendedBy.get(db);
}

/**
 * For a route that appended events in a statement of its own (an INSERT … SELECT guarded in a read
 * batch, worker/case-reads.ts): seal them after the response like commitAudited's.
 */
export function noteAppendedAuditEvents(db: Db, orgId: string): void {
  appendedBy.set(db, orgId);
}

function appendStatements(db: Db, records: readonly AuditRecord[], at: number) {
  return records.map((record) =>
    db.insert(auditEvents).values({
      at,
      actorUserId: record.actor,
      type: record.type,
      subject: record.subject,
      details: JSON.stringify(record.details ?? {}),
    }),
  );
}

/**
 * Applies `changes()` and appends the events that record them in one D1 batch (one
 * transaction), so a change is never stored without its audit event nor the other way round.
 * Returns the batch's results, the changes' first (a read among them sees the batch's writes).
 */
export async function commitAudited(
  db: Db,
  orgId: string,
  records: AuditRecord | readonly AuditRecord[],
  changes: () => BatchItem<'sqlite'>[] = () => [],
): Promise<unknown[]> {
  const list = Array.isArray(records) ? records : [records as AuditRecord];
  const [first, ...rest] = [...changes(), ...appendStatements(db, list, Date.now())];
  if (!first) return [];
  const results: unknown[] = await db.batch([first, ...rest]);
  if (list.length > 0) appendedBy.set(db, orgId);
  return results;
}

/**
 * Appends the events, then runs `reads` in the same D1 batch (one transaction) and returns their
 * results: for a route whose reads must already see its own event (an export that carries it).
 */
export async function appendAuditedThenRead<T extends [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]>(
  db: Db,
  orgId: string,
  records: AuditRecord | readonly AuditRecord[],
  reads: T,
): Promise<BatchResponse<T>> {
  const list = Array.isArray(records) ? records : [records as AuditRecord];
  const appended = appendStatements(db, list, Date.now());
  const results = await db.batch([...appended, ...reads] as unknown as T);
  if (list.length > 0) appendedBy.set(db, orgId);
  return results.slice(appended.length) as BatchResponse<T>;
}
