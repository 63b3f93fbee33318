import { and, count, eq, isNull, ne, notInArray, type SQLWrapper, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { DestructionResult } from '../core/api/data-rights.js';
import type { Db } from './db/client.js';
import { caseDestructions } from './db/data-rights-schema.js';
import { clientReminderAddresses } from './db/schedule-schema.js';
import {
  accessRequests,
  attachments,
  type CaseRow,
  caseEpochs,
  caseKeyWraps,
  caseLog,
  caseRecords,
  cases,
  clients,
  contactKeyWraps,
  portalLinks,
  portalSubmissions,
} from './db/schema.js';

/**
 * Crypto-shredding (issue 11). Every wrap of every epoch of the case key — the org-recovery wrap
 * included — is deleted, and with it the key chain and the sealed inbox key, so no key that opens
 * the case survives on the server; the ciphertext itself (records, log, R2 attachment chunks, the
 * sealed notes of access requests, the client's sealed portal answers) is deleted too, and open
 * portal links are revoked. The case row stays with its operational
 * metadata (dates, service type) for statistics and as the anchor of the tombstone. When this was
 * the client's last case, the contact card and every wrap of its key go the same way, and so does
 * the reminder address the client opted into (the one piece of contact data the server could read).
 */

export type ShredCounts = DestructionResult['removed'];

export const attachmentPrefix = (caseId: string) => `cases/${caseId}/attachments/`;

/** R2 first: if the D1 batch then fails, the request stays pending and a retry finishes the job. */
export async function deleteAttachmentObjects(bucket: R2Bucket, caseId: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: attachmentPrefix(caseId), ...(cursor && { cursor }) });
    const keys = page.objects.map((object) => object.key);
    if (keys.length > 0) await bucket.delete(keys);
    deleted += keys.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return deleted;
}

/** A case: its id, or SQL that yields it (a subquery), so the counts can join the read batch that finds it. */
type CaseRef = string | SQLWrapper;

/** What a shredding removes, counted as queries for a read batch; `planShred` takes their rows. */
export function shredCountQueries(db: Db, caseId: CaseRef) {
  const clientOfCase = sql`(${db.select({ id: cases.clientId }).from(cases).where(eq(cases.id, caseId))})`;
  const destroyed = db
    .select({ id: caseDestructions.caseId })
    .from(caseDestructions)
    .where(eq(caseDestructions.status, 'destroyed'));
  return [
    db.select({ n: count() }).from(caseKeyWraps).where(eq(caseKeyWraps.caseId, caseId)),
    db.select({ n: count() }).from(caseRecords).where(eq(caseRecords.caseId, caseId)),
    db.select({ n: count() }).from(caseLog).where(eq(caseLog.caseId, caseId)),
    db.select({ n: count() }).from(caseEpochs).where(eq(caseEpochs.caseId, caseId)),
    db.select({ n: count() }).from(attachments).where(eq(attachments.caseId, caseId)),
    db.select({ n: count() }).from(accessRequests).where(eq(accessRequests.caseId, caseId)),
    db.select({ n: count() }).from(portalSubmissions).where(eq(portalSubmissions.caseId, caseId)),
    // The client's other cases still alive (not destroyed): with none, the contact card goes too.
    db
      .select({ n: count() })
      .from(cases)
      .where(and(eq(cases.clientId, clientOfCase), ne(cases.id, caseId), notInArray(cases.id, destroyed))),
    db.select({ n: count() }).from(contactKeyWraps).where(eq(contactKeyWraps.clientId, clientOfCase)),
  ] as const;
}

type CountRows = readonly (readonly { n: number }[])[];

export function planShred(
  db: Db,
  caseRow: CaseRow,
  attachmentObjects: number,
  now: number,
  countRows: CountRows,
) {
  const caseId = caseRow.id;
  const [wraps, records, logEntries, epochs, files, requests, portalAnswers, otherCases, contactWraps] =
    countRows.map((rows) => rows[0]?.n ?? 0);
  const shredContact = (otherCases ?? 0) === 0;
  const counts: ShredCounts = {
    caseKeyWraps: wraps ?? 0,
    records: records ?? 0,
    logEntries: logEntries ?? 0,
    epochs: epochs ?? 0,
    attachments: files ?? 0,
    attachmentObjects,
    accessRequests: requests ?? 0,
    portalSubmissions: portalAnswers ?? 0,
    contactCard: shredContact,
    contactKeyWraps: shredContact ? (contactWraps ?? 0) : 0,
  };
  const statements = (): BatchItem<'sqlite'>[] => [
    // The requester's note is sealed to a person, not under the case key: delete it outright.
    db
      .update(accessRequests)
      .set({ noteToUserId: null, noteEnc: null, noteCt: null, grantId: null })
      .where(eq(accessRequests.caseId, caseId)),
    db.delete(attachments).where(eq(attachments.caseId, caseId)),
    db.delete(portalSubmissions).where(eq(portalSubmissions.caseId, caseId)),
    db
      .update(portalLinks)
      .set({ revokedAt: now })
      .where(and(eq(portalLinks.caseId, caseId), isNull(portalLinks.revokedAt))),
    db.delete(caseLog).where(eq(caseLog.caseId, caseId)),
    db.delete(caseRecords).where(eq(caseRecords.caseId, caseId)),
    db.delete(caseKeyWraps).where(eq(caseKeyWraps.caseId, caseId)),
    db.delete(caseEpochs).where(eq(caseEpochs.caseId, caseId)),
    ...(shredContact
      ? [
          db.delete(contactKeyWraps).where(eq(contactKeyWraps.clientId, caseRow.clientId)),
          db.delete(clientReminderAddresses).where(eq(clientReminderAddresses.clientId, caseRow.clientId)),
          db.update(clients).set({ contactEnvelope: '' }).where(eq(clients.id, caseRow.clientId)),
        ]
      : []),
  ];
  return { counts, statements };
}
