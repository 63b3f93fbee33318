import { and, desc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { appendRecordRequestSchema } from '../../core/api/case-records.js';
import { caseIdParamSchema } from '../../core/api/cases.js';
import { canonicalJson } from '../../crypto/canonical-json.js';
import { commitAudited } from '../audit.js';
import { caseHolderQueries, findCase, judgeCaseHolder } from '../case-access.js';
import { assertAtHead, assertEntryMatches, staleHead } from '../case-log.js';
import { caseLog, caseRecords, cases } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { assertOperationalMatches, formRefQuery } from '../form-check.js';
import { requireCertified } from '../key-wraps.js';
import { requireSession } from '../middleware/session.js';
import { eventStatement, processEventsAfterCommit } from '../rules/outbox.js';
import { jsonBody, pathParams } from '../validation.js';

/** Appending a record revision and its case-log entry (PROTOCOL §3, §6). */
export const caseRecordRoutes = new Hono<AppEnv>();

const formId = (form: string) => form.slice(0, form.indexOf('@'));

caseRecordRoutes.post(
  '/:id/records',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(appendRecordRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const caseId = c.req.valid('param').id;
    const write = c.req.valid('json');
    const { entry } = write;
    // One read batch: access, the record's latest revision, the form version.
    const [caseRows, mine, latestRows, formRows] = await db.batch([
      ...caseHolderQueries(db, caseId, session.user.id),
      db
        .select({ rev: caseRecords.rev, form: caseRecords.form })
        .from(caseRecords)
        .where(and(eq(caseRecords.caseId, caseId), eq(caseRecords.recordId, entry.record)))
        .orderBy(desc(caseRecords.rev))
        .limit(1),
      formRefQuery(db, entry.form),
    ]);
    const { caseRow } = judgeCaseHolder(caseRows, mine, now, 'write');
    requireCertified(session.user, 'write to a case');
    if (caseRow.status === 'archived')
      throw new ApiError(409, 'case_archived', 'an archived case is read-only');
    assertAtHead(caseRow, write);
    if (write.epoch !== caseRow.currentEpoch) {
      throw new ApiError(
        409,
        'stale_epoch',
        `write under the current case key epoch ${caseRow.currentEpoch}`,
      );
    }
    assertEntryMatches(write, session.user, now);

    // A correction is the next revision of the same form, never an overwrite.
    const [latest] = latestRows;
    const expectedRev = latest ? latest.rev + 1 : 1;
    if (entry.rev !== expectedRev || (latest && formId(latest.form) !== formId(entry.form))) {
      throw new ApiError(
        409,
        'bad_revision',
        latest
          ? `the next revision of record ${entry.record} is ${expectedRev}, of form ${formId(latest.form)}`
          : 'a new record starts at revision 1',
      );
    }
    assertOperationalMatches(formRows, entry.form, write.operational);

    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'case.record_appended',
          subject: caseRow.id,
          details: {
            seq: entry.seq,
            record: entry.record,
            rev: entry.rev,
            form: entry.form,
            epoch: write.epoch,
          },
        },
        () => [
          // seq is NULL (and the batch aborts) unless the case is still at the head and epoch we
          // checked: of two writers at the same head exactly one appends.
          db.insert(caseLog).values({
            caseId: caseRow.id,
            seq: sql<number>`(SELECT log_seq + 1 FROM cases WHERE id = ${caseRow.id} AND log_seq = ${caseRow.logSeq} AND log_head = ${caseRow.logHead} AND current_epoch = ${write.epoch})`,
            entry: canonicalJson(entry),
            sig: write.sig,
          }),
          db.insert(caseRecords).values({
            caseId: caseRow.id,
            recordId: entry.record,
            rev: entry.rev,
            form: entry.form,
            authorId: session.user.id,
            epoch: write.epoch,
            envelope: write.envelope,
            operational: JSON.stringify(write.operational),
            seq: entry.seq,
            createdAt: now,
          }),
          db.update(cases).set({ logSeq: entry.seq, logHead: write.head }).where(eq(cases.id, caseRow.id)),
          eventStatement(db, {
            type: 'record.saved',
            subject: caseRow.id,
            caseId: caseRow.id,
            payload: {
              recordId: entry.record,
              rev: entry.rev,
              form: entry.form,
              authorId: session.user.id,
              operational: write.operational,
            },
          }),
        ],
      );
    } catch (error) {
      const current = await findCase(db, caseRow.id);
      if (current && current.logSeq !== caseRow.logSeq) throw staleHead(current);
      if (current && current.currentEpoch !== write.epoch) {
        throw new ApiError(409, 'stale_epoch', `the case key moved on to epoch ${current.currentEpoch}`);
      }
      throw error;
    }
    processEventsAfterCommit(c);
    return c.json({ seq: entry.seq, head: write.head }, 201);
  },
);
