import { desc } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { AuditEventType } from '../core/api/audit.js';
import { auditGenesisHead, nextAuditHead } from '../crypto/audit-log.js';
import { fromHex, toHex } from '../crypto/bytes.js';
import type { JsonValue } from '../crypto/canonical-json.js';
import { type Db, isUniqueViolation } from './db/client.js';
import { auditEvents } from './db/schema.js';

/**
 * PROTOCOL §8 audit chain. The hashed event is exactly the object
 *   { seq, at, actor, type, subject, details }
 * (actor = user id or null, subject = the thing acted on or null, details = operational JSON,
 * never a secret): h_n = SHA-256(h_{n-1} || canonical JSON of event_n), with
 * h_0 = SHA-256("tacit/1/audit|" || org id). Heads are stored and served as lowercase hex.
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

export interface AuditHead {
  n: number;
  head: string;
}

/**
 * Two writers that read the same head race for the same seq; the loser re-reads and retries
 * after a short random pause. Each round commits at least one writer, so this many attempts
 * always suffice for that many simultaneous writers.
 */
const MAX_APPEND_ATTEMPTS = 8;
const RETRY_JITTER_MS = 15;

/** The head read as a query, to run in a caller's read batch (one round trip for all its reads). */
export function auditHeadQuery(db: Db) {
  return db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
}

export function toAuditHead(rows: readonly { seq: number; hash: string }[], orgId: string): AuditHead {
  const [last] = rows;
  return last ? { n: last.seq, head: last.hash } : { n: 0, head: toHex(auditGenesisHead(orgId)) };
}

export async function readAuditHead(db: Db, orgId: string): Promise<AuditHead> {
  return toAuditHead(await auditHeadQuery(db), orgId);
}

function appendStatements(db: Db, head: AuditHead, records: readonly AuditRecord[], at: number) {
  let previous = head.head;
  return records.map((record, index) => {
    const event: AuditEvent = { ...record, seq: head.n + index + 1, at, details: record.details ?? {} };
    const hash = toHex(nextAuditHead(fromHex(previous), event));
    const row = {
      seq: event.seq,
      at: event.at,
      actorUserId: event.actor,
      type: event.type,
      subject: event.subject,
      details: JSON.stringify(event.details),
      prevHash: previous,
      hash,
    };
    previous = hash;
    return db.insert(auditEvents).values(row);
  });
}

/**
 * Applies `changes()` and appends the events that record them in one D1 batch (one
 * transaction), so a change is never stored without its audit event nor the other way round.
 */
export async function commitAudited(
  db: Db,
  orgId: string,
  records: AuditRecord | readonly AuditRecord[],
  changes: () => BatchItem<'sqlite'>[] = () => [],
  /** The head the caller read in its own batch: saves the first attempt a round trip. */
  knownHead?: AuditHead,
): Promise<void> {
  const list = Array.isArray(records) ? records : [records as AuditRecord];
  for (let attempt = 1; ; attempt++) {
    const head = attempt === 1 && knownHead ? knownHead : await readAuditHead(db, orgId);
    const [first, ...rest] = [...changes(), ...appendStatements(db, head, list, Date.now())];
    if (!first) return;
    try {
      await db.batch([first, ...rest]);
      return;
    } catch (error) {
      if (attempt >= MAX_APPEND_ATTEMPTS || !isUniqueViolation(error, 'audit_events.seq')) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * RETRY_JITTER_MS * attempt));
    }
  }
}
