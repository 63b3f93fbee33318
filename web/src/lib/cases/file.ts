import {
  accessRequestListSchema,
  type CaseRecordView,
  type GrantView,
  type MyCase,
  ORG_RECOVERY,
} from '../../../../core/api/index';
import type { FormDefinition, FormValues } from '../../../../core/forms/index';
import {
  type ContactCard,
  canonicalJsonBytes,
  decryptRecord,
  fail,
  fromBase64Url,
  type SecretFields,
  sha256,
  toHex,
} from '../../../../crypto/index';
import { knownForm, loadForms } from '../forms';
import * as protocol from '../protocol/cases/index';
import type { KeyVault, UserKeys } from '../vault';
import { type AccessRequest, withNote } from './access';
import { api, withCaseContext } from './context';

/** Opening a case file: verified as a whole, decrypted, shaped for the case page. */

export interface CaseRecord {
  readonly recordId: string;
  readonly rev: number;
  /** "<form id>@<version>" */
  readonly formRef: string;
  /** the form it was written with, when this browser knows it */
  readonly form: FormDefinition | undefined;
  readonly authorId: string;
  readonly writtenAt: number;
  /** secret and operational fields together, as the form shows them */
  readonly values: FormValues;
  /** filed from a client's portal submission (the server's word: a label, not a proof) */
  readonly fromPortal: boolean;
}

export interface CaseGrant extends GrantView {
  /** the org recovery key's wrap, shown as such */
  readonly isRecovery: boolean;
}

export interface CaseFile {
  readonly summary: MyCase;
  /** log entries verified (chain, signatures, envelope and operational hashes) */
  readonly verifiedEntries: number;
  /** the latest revision of each record, newest first */
  readonly records: readonly CaseRecord[];
  /** every revision of the record asked for, newest first */
  readonly history: readonly CaseRecord[] | null;
  readonly grants: readonly CaseGrant[];
  /** approved requests waiting for a key holder's browser to deliver the key */
  readonly pendingDeliveries: readonly AccessRequest[];
  /** set when this visit rotated the case key (a grant had ended since the last rotation) */
  readonly rotatedToEpoch: number | null;
  readonly currentEpoch: number;
}

export function formFor(formRef: string): FormDefinition | undefined {
  return knownForm(formRef);
}

function toCaseRecord(
  row: CaseRecordView,
  authorId: string,
  fields: SecretFields,
  formRef: string,
): CaseRecord {
  return {
    recordId: row.record,
    rev: row.rev,
    formRef,
    form: formFor(formRef),
    authorId,
    writtenAt: row.createdAt,
    values: { ...row.operational, ...fields },
    fromPortal: row.fromPortal,
  };
}

/**
 * Older revisions are not part of the file's latest state, so openCaseFile does not present them:
 * each is checked here against its entry in the (already verified) log before it is decrypted.
 */
function openHistory(context: protocol.CaseContext, opened: protocol.OpenedCase): CaseRecord[] {
  const entries = new Map(opened.view.log.map(({ entry }) => [`${entry.record}@${entry.rev}`, entry]));
  return (opened.view.history ?? []).map((row) => {
    const entry = entries.get(`${row.record}@${row.rev}`) ?? fail('injected', 'a revision is not in the log');
    const envelope = fromBase64Url(row.envelope);
    if (toHex(sha256(envelope)) !== entry.envelope_hash)
      fail('altered', 'a revision’s ciphertext was altered');
    if (toHex(sha256(canonicalJsonBytes(row.operational))) !== entry.operational_hash)
      fail('altered', 'a revision’s operational fields were altered');
    const key = opened.keys.get(row.epoch) ?? fail('wrong-key', `no key for epoch ${row.epoch}`);
    const binding = {
      org: context.orgId,
      caseId: opened.view.case.id,
      recordId: row.record,
      rev: row.rev,
      form: entry.form,
      author: entry.author,
    };
    return toCaseRecord(row, entry.author, decryptRecord(key, binding, envelope), entry.form);
  });
}

/**
 * Opens, verifies and decrypts the whole file (nothing is returned unless all of it checks out).
 * When a grant has ended since the last rotation and I hold the key with write permission, this
 * visit rotates it first (PROTOCOL §5: "the next key holder's visit rotates the key"). The
 * contact card and the requests to decide are not part of it: see `openCaseAside`.
 */
export function openCaseFile(keys: UserKeys, caseId: string, historyOf?: string): Promise<CaseFile> {
  const query = historyOf ? `?history=${encodeURIComponent(historyOf)}` : '';
  // The file does not depend on the session look-up of withCaseContext: both travel at once.
  const fetched = protocol.fetchCaseFile({ api }, caseId, query);
  fetched.catch(() => undefined); // awaited by openCase; never an unhandled rejection
  return withCaseContext(keys, async (context) => {
    let rotatedToEpoch: number | null = null;
    const first = await protocol.openCase(context, caseId, query, fetched);
    let opened = first;
    try {
      if (first.view.case.needsRotation && first.view.case.myPerm === 'write') {
        await protocol.rotateCaseKey(context, first);
        protocol.closeCase(first);
        opened = await protocol.openCase(context, caseId, query);
        rotatedToEpoch = opened.currentEpoch;
      }
      const { view } = opened;
      await loadForms([...view.records, ...(view.history ?? [])].map((row) => row.form));
      const rowsByRecord = new Map(view.records.map((row) => [`${row.record}@${row.rev}`, row]));
      const records = opened.records
        .map((record) => {
          const row = rowsByRecord.get(`${record.binding.recordId}@${record.binding.rev}`);
          if (!row) return fail('injected', 'a record is not in the file');
          return toCaseRecord(row, record.binding.author, record.fields, record.binding.form);
        })
        .sort((a, b) => b.writtenAt - a.writtenAt);
      const history = historyOf ? openHistory(context, opened).sort((a, b) => b.rev - a.rev) : null;
      return {
        summary: view.case,
        verifiedEntries: opened.log.seq,
        records,
        history,
        grants: view.grants
          .filter((grant) => grant.epoch === view.case.currentEpoch)
          .map((grant) => ({ ...grant, isRecovery: grant.to === ORG_RECOVERY })),
        pendingDeliveries: view.pendingDeliveries.map((request) => withNote(context, request)),
        rotatedToEpoch,
        currentEpoch: opened.currentEpoch,
      };
    } finally {
      protocol.closeCase(opened);
      if (opened !== first) protocol.closeCase(first);
    }
  });
}

const watched = new WeakSet<KeyVault>();

/**
 * Records decrypted in this tab are remembered for the next visit of the same file (never
 * persisted): this drops them whenever `vault` locks. Called by the case page; once per vault.
 */
export function forgetOpenedRecordsOnLock(vault: KeyVault): void {
  if (watched.has(vault)) return;
  watched.add(vault);
  vault.subscribe((state) => {
    if (state === 'locked') protocol.forgetOpenedRecords();
  });
}

/** What the case page shows beside the records, opened after them so the notes come first. */
export interface CaseAside {
  /** null when the contact card is not shared with me */
  readonly contact: ContactCard | null;
  /** requests on this case waiting for a decision (for its primary counselor) */
  readonly pendingRequests: readonly AccessRequest[];
}

export function openCaseAside(keys: UserKeys, summary: MyCase): Promise<CaseAside> {
  return withCaseContext(keys, async (context) => {
    const isManager = summary.primaryCounselorId === context.me.id;
    // Independent round trips: in parallel, not one after the other.
    const [requests, contact] = await Promise.all([
      isManager
        ? api.get('/api/access-requests?role=approver', accessRequestListSchema).then((list) => list.requests)
        : [],
      protocol.openContactCard(context, summary.clientId),
    ]);
    return {
      contact,
      pendingRequests: requests
        .filter((request) => request.caseId === summary.id && request.status === 'pending')
        .map((request) => withNote(context, request)),
    };
  });
}
