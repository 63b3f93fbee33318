import { fromBase64Url, fromHex, randomBytes, toBase64Url, toHex, utf8 } from '../../../crypto/bytes.js';
import { canonicalJson, type JsonValue } from '../../../crypto/canonical-json.js';
import { appendCaseLogEntry, caseLogGenesis } from '../../../crypto/case-log.js';
import { EnvelopeKind, encryptEnvelope } from '../../../crypto/envelope.js';
import { type Permission, wrapCaseKey, wrapContactKey, wrapGroupKey } from '../../../crypto/grant.js';
import { signGroupKey } from '../../../crypto/group-key.js';
import { generateKeyPair } from '../../../crypto/hpke.js';
import { createCaseInboxKey, generateSymmetricKey, rotateCaseKey } from '../../../crypto/key-chain.js';
import { encryptRecord } from '../../../crypto/record.js';
import type { Account } from './factories.js';
import type { Member, Organization } from './scenario.js';

/**
 * Case-file requests built with crypto/ exactly as a browser builds them: real envelopes, real
 * HPKE wraps signed by the granter, real case-log entries signed by the author.
 */

const b64 = toBase64Url;
export const ORG_RECOVERY = 'org-recovery';

export interface Recipient {
  id: string;
  x25519Pk: Uint8Array;
}

export const recipientOf = (who: Account): Recipient => ({ id: who.id, x25519Pk: who.keys.x25519Pk });

export async function orgRecoveryRecipient(center: Organization): Promise<Recipient> {
  const session = await center.adminBrowser.get('/api/auth/session');
  return { id: ORG_RECOVERY, x25519Pk: fromBase64Url(session.body.org.recoveryPk) };
}

export interface CaseWrapInput {
  orgId: string;
  caseId: string;
  epoch: number;
  granter: Account;
  to: Recipient;
  perm: Permission;
  expiresAt: number;
  key: Uint8Array;
}

export function caseWrap(input: CaseWrapInput) {
  const wrapped = wrapCaseKey(
    {
      org: input.orgId,
      caseId: input.caseId,
      epoch: input.epoch,
      to: input.to.id,
      perm: input.perm,
      expiresAtMs: input.expiresAt,
      by: input.granter.id,
    },
    input.key,
    input.to.x25519Pk,
    input.granter.keys.ed25519Seed,
  );
  return {
    to: input.to.id,
    perm: input.perm,
    expiresAt: input.expiresAt,
    enc: b64(wrapped.enc),
    ct: b64(wrapped.ct),
    sig: b64(wrapped.sig),
  };
}

/** A group key pair of `epoch`, signed by its maker, wrapped to each member by the maker. */
export function groupKeyRequest(
  orgId: string,
  groupId: string,
  epoch: number,
  maker: Account,
  members: Account[],
) {
  const pair = generateKeyPair();
  return {
    x25519Pk: b64(pair.publicKey),
    pkSig: b64(
      signGroupKey(maker.keys.ed25519Seed, {
        org: orgId,
        groupId,
        epoch,
        x25519Pk: pair.publicKey,
        by: maker.id,
      }),
    ),
    secretKey: pair.secretKey,
    wraps: members.map((member) => groupWrap(orgId, groupId, epoch, maker, member, pair.secretKey)),
  };
}

export function groupWrap(
  orgId: string,
  groupId: string,
  epoch: number,
  granter: Account,
  member: Account,
  secretKey: Uint8Array,
) {
  const wrapped = wrapGroupKey(
    { org: orgId, groupId, epoch, to: member.id, by: granter.id },
    secretKey,
    member.keys.x25519Pk,
    granter.keys.ed25519Seed,
  );
  return { to: member.id, enc: b64(wrapped.enc), ct: b64(wrapped.ct), sig: b64(wrapped.sig) };
}

export function groupRequest(orgId: string, admin: Account, members: Account[]) {
  const id = crypto.randomUUID();
  return { id, name: 'Front desk', ...groupKeyRequest(orgId, id, 0, admin, members) };
}

export interface ContactRecipient {
  kind: 'user' | 'group';
  id: string;
  x25519Pk: Uint8Array;
}

export function contactWrap(
  orgId: string,
  clientId: string,
  granter: Account,
  to: ContactRecipient,
  key: Uint8Array,
  perm: Permission = 'write',
) {
  const wrapped = wrapContactKey(
    { org: orgId, clientId, epoch: 0, to: to.id, perm, expiresAtMs: 0, by: granter.id },
    key,
    to.x25519Pk,
    granter.keys.ed25519Seed,
  );
  return {
    toKind: to.kind,
    to: to.id,
    perm,
    expiresAt: 0,
    enc: b64(wrapped.enc),
    ct: b64(wrapped.ct),
    sig: b64(wrapped.sig),
  };
}

export function clientRequest(orgId: string, creator: Account, recipients: ContactRecipient[], card: object) {
  const id = crypto.randomUUID();
  const contactKey = generateSymmetricKey();
  const envelope = encryptEnvelope(
    contactKey,
    EnvelopeKind.recordBody,
    `tacit/1/contact|org=${orgId}|client=${id}|epoch=0`,
    utf8(canonicalJson(card)),
  );
  return {
    contactKey,
    body: {
      id,
      channel: 'website',
      contactEnvelope: b64(envelope),
      wraps: recipients.map((to) => contactWrap(orgId, id, creator, to, contactKey)),
    },
  };
}

/** A case as its primary counselor's browser holds it: the current key, epoch and log head. */
export interface OpenCase {
  orgId: string;
  caseId: string;
  clientId: string;
  epoch: number;
  key: Uint8Array;
  keys: Map<number, Uint8Array>;
  seq: number;
  head: Uint8Array;
}

export async function createCaseRequest(center: Organization, counselor: Account, clientId: string) {
  const caseId = crypto.randomUUID();
  const key = generateSymmetricKey();
  const inbox = createCaseInboxKey(caseId, 0, key);
  const recovery = await orgRecoveryRecipient(center);
  const common = { orgId: center.org.id, caseId, epoch: 0, granter: counselor, key, expiresAt: 0 };
  return {
    key,
    body: {
      id: caseId,
      clientId,
      serviceType: 'individual',
      channel: 'in_person',
      inbox: { pk: b64(inbox.publicKey), sealed: b64(inbox.sealed) },
      wraps: [
        caseWrap({ ...common, to: recipientOf(counselor), perm: 'write' }),
        caseWrap({ ...common, to: recovery, perm: 'write' }),
      ],
    },
  };
}

/** A client the counselor can see, and a case on it: the usual start of every case test. */
export async function openCase(center: Organization, counselor: Member): Promise<OpenCase> {
  const me = counselor.account;
  const client = clientRequest(center.org.id, me, [{ kind: 'user', ...recipientOf(me) }], { name: 'Client' });
  const made = await counselor.browser.post('/api/clients', client.body);
  if (made.status !== 201) throw new Error(`client failed: ${JSON.stringify(made.body)}`);
  const request = await createCaseRequest(center, me, client.body.id);
  const res = await counselor.browser.post('/api/cases', request.body);
  if (res.status !== 201) throw new Error(`case failed: ${JSON.stringify(res.body)}`);
  return {
    orgId: center.org.id,
    caseId: request.body.id,
    clientId: client.body.id,
    epoch: 0,
    key: request.key,
    keys: new Map([[0, request.key]]),
    seq: 0,
    head: caseLogGenesis(request.body.id),
  };
}

export interface NoteOptions {
  record?: string;
  rev?: number;
  form?: string;
  secret?: { [field: string]: JsonValue };
  operational?: { [field: string]: JsonValue };
  time?: number;
}

/** The append request a browser sends for a new record or revision at the case's known head. */
export function noteWrite(file: OpenCase, author: Account, options: NoteOptions = {}) {
  const record = options.record ?? crypto.randomUUID();
  const rev = options.rev ?? 1;
  const form = options.form ?? 'session-note@1';
  const operational = options.operational ?? {
    session_date: '2026-05-04',
    session_number: 1,
    duration_minutes: 50,
    modality: 'in_person',
  };
  const envelope = encryptRecord(
    file.key,
    { org: file.orgId, caseId: file.caseId, recordId: record, rev, form, author: author.id },
    options.secret ?? { summary: 'The client talked about work.' },
  );
  const { entry, head, sig } = appendCaseLogEntry({
    previousHead: file.head,
    seq: file.seq + 1,
    author: author.id,
    authorSeed: author.keys.ed25519Seed,
    record,
    rev,
    form,
    envelope,
    operational,
    time: options.time ?? Date.now(),
  });
  return {
    head,
    body: {
      entry,
      previousHead: toHex(file.head),
      head: toHex(head),
      sig: b64(sig),
      epoch: file.epoch,
      envelope: b64(envelope),
      operational,
    },
  };
}

/** Appends and advances the caller's view of the head, as the browser does after a 201. */
export async function appendNote(file: OpenCase, author: Member, options: NoteOptions = {}) {
  const write = noteWrite(file, author.account, options);
  const res = await author.browser.post(`/api/cases/${file.caseId}/records`, write.body);
  if (res.status === 201) {
    file.seq += 1;
    file.head = write.head;
  }
  return { res, write };
}

/** Re-reads the head from the server, as a browser does to rebase after 409 stale_head. */
export function rebase(file: OpenCase, seq: number, head: string): void {
  file.seq = seq;
  file.head = fromHex(head);
}

export interface Holder {
  to: Recipient;
  perm: Permission;
  expiresAt: number;
}

/** Epoch e+1 for the given holders and the recovery key (PROTOCOL §5). */
export async function rotationRequest(
  center: Organization,
  file: OpenCase,
  rotator: Account,
  holders: Holder[],
) {
  const rotated = rotateCaseKey(file.caseId, file.epoch, file.key);
  const inbox = createCaseInboxKey(file.caseId, rotated.epoch, rotated.key);
  const recovery = await orgRecoveryRecipient(center);
  const common = {
    orgId: file.orgId,
    caseId: file.caseId,
    epoch: rotated.epoch,
    granter: rotator,
    key: rotated.key,
  };
  return {
    rotated,
    body: {
      epoch: rotated.epoch,
      previousKeyEnvelope: b64(rotated.chain),
      inbox: { pk: b64(inbox.publicKey), sealed: b64(inbox.sealed) },
      wraps: [
        ...holders.map((holder) => caseWrap({ ...common, ...holder })),
        caseWrap({ ...common, to: recovery, perm: 'write', expiresAt: 0 }),
      ],
    },
  };
}

export const randomWrap = () => ({
  enc: b64(randomBytes(32)),
  ct: b64(randomBytes(48)),
  sig: b64(randomBytes(64)),
});
