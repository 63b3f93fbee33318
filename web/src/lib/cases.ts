/**
 * Case files for the pages (issue 4): adapts the ceremonies of lib/protocol/cases to the vault
 * and the signed-in session, as lib/account.ts does for accounts. Every ceremony takes the keys
 * the vault lends (`vault.withKeys`), copies what it needs before its first await and wipes the
 * copies when done; case keys live only while one ceremony runs. Decrypted content goes to the
 * page's memory and nowhere else; the only thing stored is each case's verified log head (public).
 *
 * Failures reject with an AppError whose code the UI translates, with a sentence of its own for
 * each way a case log can fail verification (PROTOCOL §6).
 */

import {
  type AccessRequestView,
  accessRequestListSchema,
  accessRequestViewSchema,
  type CaseRecordView,
  type GrantView,
  type MyCase,
  myCaseListSchema,
  ORG_RECOVERY,
  okResponseSchema,
  type Permission,
  sessionViewSchema,
  userListSchema,
} from '../../../core/api/index';
import type { FormDefinition, FormValues } from '../../../core/forms/index';
import { BUILT_IN_FORMS } from '../../../core/forms/templates/index';
import {
  accessNoteInfo,
  type ContactCard,
  canonicalJsonBytes,
  concatBytes,
  decodeKeyBundle,
  decryptRecord,
  fail,
  fromBase64Url,
  isCryptoError,
  openAccessNote,
  type SecretFields,
  sha256,
  toHex,
  wipeUserKeys,
} from '../../../crypto/index';
import { toAppError } from './account';
import { ApiError, createApiClient } from './api-client';
import { AppError, type AppErrorCode } from './errors';
import * as protocol from './protocol/cases/index';
import { certifiedSigningKey } from './protocol/keys';
import { localStorageRootPins, pinRoot } from './protocol/pins';
import type { UserKeys } from './vault';

const api = createApiClient();

const CASE_API_ERRORS: Partial<Record<string, AppErrorCode>> = {
  not_found: 'no_case_access',
  grant_expired: 'grant_expired',
  grant_revoked: 'grant_revoked',
  write_required: 'write_required',
  already_requested: 'already_requested',
  already_holder: 'already_holder',
  request_not_pending: 'request_not_pending',
  stale_head: 'case_conflict',
  stale_epoch: 'case_conflict',
  conflict: 'case_conflict',
  case_archived: 'case_archived',
  payload_too_large: 'attachment_too_large',
  incomplete: 'attachment_incomplete',
};

const CASE_CRYPTO_ERRORS: Partial<Record<string, AppErrorCode>> = {
  dropped: 'integrity_dropped',
  reordered: 'integrity_reordered',
  injected: 'integrity_injected',
  altered: 'integrity_altered',
  'bad-signature': 'integrity_bad_signature',
  uncertified: 'integrity_uncertified',
  rollback: 'integrity_rollback',
  'stale-revision': 'integrity_stale_revision',
  expired: 'grant_expired',
  'root-changed': 'root_key_changed',
  tampered: 'attachment_tampered',
};

function toCaseError(error: unknown): AppError {
  if (error instanceof ApiError && CASE_API_ERRORS[error.code])
    return new AppError(CASE_API_ERRORS[error.code] as AppErrorCode, error.message);
  if (isCryptoError(error) && CASE_CRYPTO_ERRORS[error.code])
    return new AppError(CASE_CRYPTO_ERRORS[error.code] as AppErrorCode, error.message);
  return toAppError(error);
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toCaseError(error);
  }
}

/**
 * Copies the lent keys synchronously (the vault may lock, and zero its own, during an await),
 * builds the case context from the session and the pinned root, and wipes the copies afterwards.
 */
export function withCaseContext<T>(
  keys: UserKeys,
  use: (context: protocol.CaseContext) => Promise<T>,
): Promise<T> {
  const bundle = concatBytes(keys.encryptionSecretKey, keys.signingSeed);
  const accountKeys = decodeKeyBundle(bundle);
  bundle.fill(0);
  return run(async () => {
    try {
      const view = await api.get('/api/auth/session', sessionViewSchema);
      const rootPk = fromBase64Url(view.org.rootPk);
      pinRoot(localStorageRootPins(localStorage), view.org.id, rootPk);
      return await use({
        api,
        orgId: view.org.id,
        rootPk,
        recoveryPk: fromBase64Url(view.org.recoveryPk),
        me: { id: view.user.id, keys: accountKeys },
        checkpoints: protocol.localStorageCaseCheckpoints(localStorage),
      });
    } finally {
      wipeUserKeys(accountKeys);
    }
  });
}

/** Opens a case, runs `use`, and forgets the case keys whatever happens. */
async function withOpenCase<T>(
  context: protocol.CaseContext,
  caseId: string,
  use: (opened: protocol.OpenedCase) => Promise<T>,
  query = '',
): Promise<T> {
  const opened = await protocol.openCase(context, caseId, query);
  try {
    return await use(opened);
  } finally {
    protocol.closeCase(opened);
  }
}

// ── lists ────────────────────────────────────────────────────────────────────

export interface Person {
  readonly id: string;
  readonly displayName: string;
}

/** Display names of the organization's members, by id (metadata the server already shows). */
export async function fetchPeople(): Promise<ReadonlyMap<string, Person>> {
  return run(async () => {
    const { users } = await api.get('/api/users/directory', userListSchema);
    return new Map(users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]));
  });
}

/** The cases where I hold a live key at the current epoch (mine, and those shared with me). */
export async function listCases(): Promise<readonly MyCase[]> {
  return run(async () => (await api.get('/api/cases', myCaseListSchema)).cases);
}

export async function listMyAccessRequests(): Promise<readonly AccessRequestView[]> {
  return run(
    async () => (await api.get('/api/access-requests?role=requester', accessRequestListSchema)).requests,
  );
}

// ── a new client and case ────────────────────────────────────────────────────

export interface NewClientAndCase {
  readonly card: { name: string; phone: string; email: string; emergencyContact: string };
  readonly clientChannel: NonNullable<protocol.NewClient['channel']>;
  readonly serviceType: protocol.NewCase['serviceType'];
  readonly caseChannel: protocol.NewCase['channel'];
}

/** The contact card under its own key, then the case with epoch 0 wrapped to me and the recovery key. */
export function createClientAndCase(keys: UserKeys, input: NewClientAndCase): Promise<string> {
  const card: ContactCard = {};
  for (const [field, value] of Object.entries(input.card)) if (value.trim()) card[field] = value.trim();
  return withCaseContext(keys, async (context) => {
    const client = await protocol.createClient(context, { card, channel: input.clientChannel });
    const created = await protocol.createCase(context, {
      clientId: client.id,
      serviceType: input.serviceType,
      channel: input.caseChannel,
    });
    return created.id;
  });
}

// ── opening a case ───────────────────────────────────────────────────────────

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
}

export interface CaseGrant extends GrantView {
  /** the org recovery key's wrap, shown as such */
  readonly isRecovery: boolean;
}

export interface AccessRequest extends AccessRequestView {
  /** the requester's note, opened with my key; null when none was sealed to me */
  readonly noteText: string | null;
}

export interface CaseFile {
  readonly summary: MyCase;
  /** log entries verified (chain, signatures, envelope and operational hashes) */
  readonly verifiedEntries: number;
  /** the latest revision of each record, newest first */
  readonly records: readonly CaseRecord[];
  /** every revision of the record asked for, newest first */
  readonly history: readonly CaseRecord[] | null;
  /** null when the contact card is not shared with me */
  readonly contact: ContactCard | null;
  readonly grants: readonly CaseGrant[];
  /** requests on this case waiting for a decision (for its primary counselor or a director) */
  readonly pendingRequests: readonly AccessRequest[];
  /** approved requests waiting for a key holder's browser to deliver the key */
  readonly pendingDeliveries: readonly AccessRequest[];
  /** set when this visit rotated the case key (a grant had ended since the last rotation) */
  readonly rotatedToEpoch: number | null;
  readonly currentEpoch: number;
}

const formsByRef = new Map(BUILT_IN_FORMS.map((form) => [`${form.id}@${form.version}`, form]));

export function formFor(formRef: string): FormDefinition | undefined {
  return formsByRef.get(formRef);
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

function withNote(context: protocol.CaseContext, request: AccessRequestView): AccessRequest {
  const note = request.note;
  if (!note || note.toUserId !== context.me.id) return { ...request, noteText: null };
  try {
    const text = openAccessNote(
      context.me.keys.x25519Sk,
      accessNoteInfo(context.orgId, request.id, context.me.id),
      { enc: fromBase64Url(note.enc), ct: fromBase64Url(note.ct) },
    );
    return { ...request, noteText: text };
  } catch {
    return { ...request, noteText: null };
  }
}

/**
 * Opens, verifies and decrypts the whole file (nothing is returned unless all of it checks out).
 * When a grant has ended since the last rotation and I hold the key with write permission, this
 * visit rotates it first (PROTOCOL §5: "the next key holder's visit rotates the key").
 */
export function openCaseFile(keys: UserKeys, caseId: string, historyOf?: string): Promise<CaseFile> {
  const query = historyOf ? `?history=${encodeURIComponent(historyOf)}` : '';
  return withCaseContext(keys, async (context) => {
    let rotatedToEpoch: number | null = null;
    const first = await protocol.openCase(context, caseId, query);
    let opened = first;
    try {
      if (first.view.case.needsRotation && first.view.case.myPerm === 'write') {
        await protocol.rotateCaseKey(context, first);
        protocol.closeCase(first);
        opened = await protocol.openCase(context, caseId, query);
        rotatedToEpoch = opened.currentEpoch;
      }
      const { view } = opened;
      const rowsByRecord = new Map(view.records.map((row) => [`${row.record}@${row.rev}`, row]));
      const records = opened.records
        .map((record) => {
          const row = rowsByRecord.get(`${record.binding.recordId}@${record.binding.rev}`);
          if (!row) return fail('injected', 'a record is not in the file');
          return toCaseRecord(row, record.binding.author, record.fields, record.binding.form);
        })
        .sort((a, b) => b.writtenAt - a.writtenAt);
      const history = historyOf ? openHistory(context, opened).sort((a, b) => b.rev - a.rev) : null;
      const isManager = view.case.primaryCounselorId === context.me.id;
      // Independent round trips: in parallel, not one after the other.
      const [requests, contact] = await Promise.all([
        isManager
          ? api
              .get('/api/access-requests?role=approver', accessRequestListSchema)
              .then((list) => list.requests)
          : [],
        protocol.openContactCard(context, view.case.clientId),
      ]);
      return {
        summary: view.case,
        verifiedEntries: opened.log.seq,
        records,
        history,
        contact,
        grants: view.grants
          .filter((grant) => grant.epoch === view.case.currentEpoch)
          .map((grant) => ({ ...grant, isRecovery: grant.to === ORG_RECOVERY })),
        pendingRequests: requests
          .filter((request) => request.caseId === caseId && request.status === 'pending')
          .map((request) => withNote(context, request)),
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

// ── writing ──────────────────────────────────────────────────────────────────

export interface CaseWrite {
  readonly form: FormDefinition;
  readonly values: FormValues;
  /** a correction names the record it revises */
  readonly recordId?: string;
}

/** Encrypts the secret part, signs the log entry, appends; a stale head is rebased by the ceremony. */
export function writeCaseRecord(keys: UserKeys, caseId: string, write: CaseWrite): Promise<void> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, async (opened) => {
      await protocol.writeRecord(context, opened, {
        form: write.form,
        values: write.values,
        ...(write.recordId ? { recordId: write.recordId } : {}),
      });
    }),
  );
}

// ── attachments ──────────────────────────────────────────────────────────────

/** Seals the bytes chunk by chunk under the current case key in this browser and uploads them. */
export function uploadCaseAttachment(keys: UserKeys, caseId: string, data: Uint8Array): Promise<string> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, async (opened) => {
      const attachment = await protocol.uploadAttachment(context, opened, data);
      return attachment.id;
    }),
  );
}

/**
 * Fetches and opens an attachment a record refers to. Every chunk is authenticated, but the total
 * size comes from the server: it must match the size sealed in the record, or zeros could be padded on.
 */
export function downloadCaseAttachment(
  keys: UserKeys,
  caseId: string,
  file: { readonly attachmentId: string; readonly size: number },
): Promise<Uint8Array> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, async (opened) => {
      let data: Uint8Array;
      try {
        data = await protocol.downloadAttachment(context, opened, file.attachmentId);
      } catch (error) {
        if (isCryptoError(error)) throw new AppError('attachment_tampered', error.message);
        throw error;
      }
      if (data.length !== file.size)
        throw new AppError('attachment_tampered', 'the attachment’s size differs from its record');
      return data;
    }),
  );
}

// ── access ───────────────────────────────────────────────────────────────────

export type AccessReason = protocol.AccessAsk['reason'];

export interface AccessAsk {
  readonly caseId: string;
  readonly reason: AccessReason;
  readonly perm: Permission;
  readonly durationMs: number;
  /** sealed to the primary counselor, when the link named them */
  readonly note?: { readonly text: string; readonly counselorId: string };
}

export function requestCaseAccess(keys: UserKeys, ask: AccessAsk): Promise<void> {
  return withCaseContext(keys, async (context) => {
    let note: protocol.AccessAsk['note'];
    if (ask.note?.text.trim()) {
      const { users } = await api.get('/api/users/directory', userListSchema);
      const counselor = users.find((user) => user.id === ask.note?.counselorId);
      if (!counselor || !certifiedSigningKey(context.rootPk, counselor)) {
        fail('uncertified', 'the counselor named in the link has no certified key');
      }
      note = {
        text: ask.note.text.trim(),
        counselorId: counselor.id,
        counselorX25519Pk: fromBase64Url(counselor.x25519Pk),
      };
    }
    await protocol.requestAccess(context, {
      caseId: ask.caseId,
      reason: ask.reason,
      perm: ask.perm,
      durationMs: ask.durationMs,
      ...(note ? { note } : {}),
    });
  });
}

export function decideCaseAccess(requestId: string, decision: 'approve' | 'deny'): Promise<void> {
  return run(async () => {
    await api.send(
      'POST',
      `/api/access-requests/${requestId}/decision`,
      { decision },
      accessRequestViewSchema,
    );
  });
}

/** My browser wraps the current case key to the approved requester, the expiry bound in. */
export function deliverCaseAccess(keys: UserKeys, caseId: string, requestId: string): Promise<void> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, async (opened) => {
      const request =
        opened.view.pendingDeliveries.find((candidate) => candidate.id === requestId) ??
        fail('malformed', 'this request is not waiting for delivery');
      await protocol.deliverAccess(context, opened, request);
    }),
  );
}

export function revokeCaseAccess(caseId: string, grantId: string): Promise<void> {
  return run(async () => {
    await api.send('DELETE', `/api/cases/${caseId}/grants/${grantId}`, {}, okResponseSchema);
  });
}
