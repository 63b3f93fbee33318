import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { CASE_TRANSITIONS, type CaseStatus } from '../core/api/cases.js';
import type { AuditRecord } from './audit.js';
import type { Db } from './db/client.js';
import { type CaseRow, cases } from './db/schema.js';
import { ApiError } from './errors.js';
import { eventStatement } from './rules/outbox.js';

/**
 * A case's status changes along CASE_TRANSITIONS only, each step audited and announced to the
 * rules engine. The writes go into the caller's batch: the status route's, or a workflow step's.
 */

export interface CaseStatusChange {
  audit: AuditRecord[];
  statements: BatchItem<'sqlite'>[];
  changed: CaseRow;
}

/** The shortest way from one status to another through the allowed transitions, or null. */
export function statusPath(from: CaseStatus, to: CaseStatus): CaseStatus[] | null {
  const cameFrom = new Map<CaseStatus, CaseStatus>();
  const queue: CaseStatus[] = [from];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    if (at === to) {
      const path: CaseStatus[] = [];
      for (let step: CaseStatus | undefined = to; step !== from && step; step = cameFrom.get(step)) {
        path.unshift(step);
      }
      return path;
    }
    for (const next of CASE_TRANSITIONS[at]) {
      if (next !== from && !cameFrom.has(next)) {
        cameFrom.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

/**
 * Moves the case through `path` (each step an allowed transition) in one write. The update
 * matches the status it was read at: of two racing changes, the second matches no row.
 */
export function caseStatusChange(
  db: Db,
  caseRow: CaseRow,
  path: readonly CaseStatus[],
  actorId: string,
  now = Date.now(),
): CaseStatusChange {
  const audit: AuditRecord[] = [];
  const announced: BatchItem<'sqlite'>[] = [];
  let from = caseRow.status;
  let closedAt = caseRow.closedAt;
  for (const to of path) {
    if (!CASE_TRANSITIONS[from].includes(to)) {
      throw new ApiError(409, 'invalid_transition', `a case cannot go from ${from} to ${to}`);
    }
    closedAt = to === 'closed' ? now : to === 'archived' ? closedAt : null;
    audit.push({
      actor: actorId,
      type: 'case.status_changed',
      subject: caseRow.id,
      details: { from, to },
    });
    announced.push(
      eventStatement(db, {
        type: 'case.status_changed',
        subject: caseRow.id,
        caseId: caseRow.id,
        payload: { from, to },
      }),
    );
    if (to === 'closed') {
      announced.push(eventStatement(db, { type: 'case.closed', subject: caseRow.id, caseId: caseRow.id }));
    }
    from = to;
  }
  return {
    audit,
    statements: [
      db
        .update(cases)
        .set({ status: from, closedAt })
        .where(and(eq(cases.id, caseRow.id), eq(cases.status, caseRow.status))),
      ...announced,
    ],
    changed: { ...caseRow, status: from, closedAt },
  };
}
