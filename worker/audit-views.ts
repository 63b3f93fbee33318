import { and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { AuditEventView, AuditFilter } from '../core/api/audit.js';
import type { JsonValue } from '../crypto/canonical-json.js';
import type { SealedAuditRow } from './audit-seal.js';
import { auditEvents } from './db/schema.js';

export function toAuditEventView(row: SealedAuditRow): AuditEventView {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actorUserId,
    type: row.type,
    subject: row.subject,
    details: JSON.parse(row.details) as { [key: string]: JsonValue },
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** The viewer's filters as one WHERE clause; each one has its own index (migration 0006). */
export function auditConditions(filter: AuditFilter, before?: number): SQL | undefined {
  return and(
    before === undefined ? undefined : lt(auditEvents.seq, before),
    filter.actor === undefined ? undefined : eq(auditEvents.actorUserId, filter.actor),
    filter.subject === undefined ? undefined : eq(auditEvents.subject, filter.subject),
    filter.type === undefined ? undefined : eq(auditEvents.type, filter.type),
    filter.from === undefined ? undefined : gte(auditEvents.at, filter.from),
    filter.to === undefined ? undefined : lt(auditEvents.at, filter.to),
  );
}

/** Every event whose subject is one of `subjects`, oldest first: an access report. */
export function eventsAbout(subjects: readonly string[]): SQL {
  return inArray(auditEvents.subject, [...subjects]);
}
