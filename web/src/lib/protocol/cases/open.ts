import { type CaseFileView, caseFileViewSchema } from '../../../../../core/api/index';
import {
  type CaseGrant,
  fail,
  fromBase64Url,
  type OpenedRecord,
  toHex,
  unrollEpochKeys,
  unwrapCaseKey,
  type VerifiedCaseLog,
} from '../../../../../crypto/index';
import { type CaseContext, type CertifiedPerson, certifiedPeople } from './context';
import { openCaseRecords } from './opened-records';

/**
 * Opening a case file in the browser (PROTOCOL §5, §6): unwrap my grant, walk the key chain back
 * to every older epoch, verify the whole log against certified keys, decrypt every record. Nothing
 * decrypted is returned unless all of it checks out, and the verified head is remembered so a
 * later rollback is caught.
 */

export interface OpenedCase {
  view: CaseFileView;
  log: VerifiedCaseLog;
  records: OpenedRecord[];
  people: Map<string, CertifiedPerson>;
  /** the case key of each epoch I can open; wiped by `closeCase` */
  keys: Map<number, Uint8Array>;
  currentEpoch: number;
}

/** The case file as the server sends it: fetched alone, so it may start before the context is ready. */
export function fetchCaseFile(context: Pick<CaseContext, 'api'>, caseId: string, query = '') {
  return context.api.get(`/api/cases/${caseId}${query}`, caseFileViewSchema);
}

/** `fetched`: the file from an earlier `fetchCaseFile` of the same case, to verify and open. */
export async function openCase(
  context: CaseContext,
  caseId: string,
  query = '',
  fetched?: Promise<CaseFileView>,
): Promise<OpenedCase> {
  const { me, orgId, rootPk } = context;
  const now = context.now?.() ?? Date.now();
  const view = await (fetched ?? fetchCaseFile(context, caseId, query));
  const people = certifiedPeople(rootPk, view.people);
  const signingKey = (userId: string) => people.get(userId)?.ed25519Pk;

  const newest = [...view.myWraps].sort((a, b) => b.epoch - a.epoch)[0];
  if (!newest) fail('wrong-key', 'no key to this case was delivered to you');
  const granterPk =
    signingKey(newest.byUserId) ??
    fail('uncertified', 'the key to this case was granted by an uncertified key');
  const grant: CaseGrant = {
    org: orgId,
    caseId,
    epoch: newest.epoch,
    to: me.id,
    perm: newest.perm,
    expiresAtMs: newest.expiresAt,
    by: newest.byUserId,
  };
  const newestKey = await unwrapCaseKey(
    grant,
    { enc: fromBase64Url(newest.enc), ct: fromBase64Url(newest.ct), sig: fromBase64Url(newest.sig) },
    me.keys.x25519Sk,
    granterPk,
    now,
  );
  const chain = new Map(view.keyChain.map((link) => [link.epoch, fromBase64Url(link.envelope)]));
  const keys = unrollEpochKeys(caseId, newest.epoch, newestKey, chain);

  const lastSeen = context.checkpoints.get(caseId);
  const opened = await openCaseRecords({
    org: orgId,
    me: me.id,
    caseId,
    entries: view.log.map((line) => ({ entry: line.entry, sig: fromBase64Url(line.sig) })),
    certifiedSigningKey: signingKey,
    records: view.records,
    keyForEpoch: (epoch) => keys.get(epoch),
    ...(lastSeen ? { lastSeen } : {}),
  });
  // The server's own head must be the one the log leads to (else it shows a log it did not keep).
  if (view.case.logSeq !== opened.log.seq || view.case.logHead !== toHex(opened.log.head)) {
    fail('altered', 'the case log does not end where the server says it does');
  }
  context.checkpoints.set(caseId, { seq: opened.log.seq, head: opened.log.head });
  return { view, log: opened.log, records: opened.records, people, keys, currentEpoch: newest.epoch };
}

/** Forget the case keys (on leaving the case, on lock). */
export function closeCase(opened: OpenedCase): void {
  for (const key of opened.keys.values()) key.fill(0);
  opened.keys.clear();
}
