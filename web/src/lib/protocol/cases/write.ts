import { appendRecordResponseSchema } from '../../../../../core/api/index';
import { type FormDefinition, type FormValues, formRef, splitRecord } from '../../../../../core/forms/index';
import { appendCaseLogEntry, encryptRecord, fromHex, toBase64Url, toHex } from '../../../../../crypto/index';
import { ApiError } from '../../api-client';
import type { CaseContext } from './context';
import { type OpenedCase, openCase } from './open';

/**
 * Writing to a case (PROTOCOL §3, §6): the secret part encrypted under the current epoch's key,
 * the operational part in the clear, one signed log entry on top of the head. The server accepts
 * it only at its current head; if someone wrote in between, the file is opened again (verifying
 * their entry too) and the write is rebased on the new head.
 */

export interface RecordWrite {
  form: FormDefinition;
  values: FormValues;
  /** a correction names the record; a new record gets a fresh id */
  recordId?: string;
}

const MAX_REBASES = 3;

export async function writeRecord(context: CaseContext, opened: OpenedCase, write: RecordWrite) {
  let current = opened;
  for (let attempt = 0; ; attempt++) {
    try {
      return await appendAtHead(context, current, write);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'stale_head') || attempt >= MAX_REBASES) throw error;
      current = await openCase(context, current.view.case.id);
    }
  }
}

/** The append request for `write` on top of the head `opened` knows: no I/O, nothing sent. */
export function recordAppendRequest(
  context: Pick<CaseContext, 'me' | 'orgId' | 'now'>,
  opened: OpenedCase,
  write: RecordWrite,
) {
  const { me, orgId } = context;
  const caseId = opened.view.case.id;
  const epoch = opened.currentEpoch;
  const key = opened.keys.get(epoch);
  if (!key) throw new Error('the current case key is not open');
  const recordId = write.recordId ?? crypto.randomUUID();
  const previous = opened.log.latest.get(recordId);
  const rev = previous ? previous.rev + 1 : 1;
  const form = formRef(write.form);
  const { secret, operational } = splitRecord(write.form, write.values);
  const envelope = encryptRecord(key, { org: orgId, caseId, recordId, rev, form, author: me.id }, secret);
  const previousHead = fromHex(opened.view.case.logHead);
  const { entry, head, sig } = appendCaseLogEntry({
    previousHead,
    seq: opened.view.case.logSeq + 1,
    author: me.id,
    authorSeed: me.keys.ed25519Seed,
    record: recordId,
    rev,
    form,
    envelope,
    operational,
    time: context.now?.() ?? Date.now(),
  });
  return {
    recordId,
    rev,
    head,
    path: `/api/cases/${caseId}/records`,
    body: {
      entry,
      previousHead: toHex(previousHead),
      head: toHex(head),
      sig: toBase64Url(sig),
      epoch,
      envelope: toBase64Url(envelope),
      operational,
    },
  };
}

async function appendAtHead(context: CaseContext, opened: OpenedCase, write: RecordWrite) {
  const { recordId, rev, head, path, body } = recordAppendRequest(context, opened, write);
  const appended = await context.api.send('POST', path, body, appendRecordResponseSchema);
  // What this browser wrote itself it has verified: remember the new head (rollback check).
  context.checkpoints.set(opened.view.case.id, { seq: appended.seq, head });
  return { recordId, rev, ...appended };
}
