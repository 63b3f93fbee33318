import {
  AUDIT_PAGE_MAX,
  type AuditEventView,
  type AuditFilter,
  auditCheckpointListSchema,
  auditPageSchema,
  okResponseSchema,
  userListSchema,
} from '../../../../core/api/index';
import {
  auditGenesisHead,
  fromBase64Url,
  fromHex,
  nextAuditHead,
  toBase64Url,
  toHex,
  verifyAuditCheckpoint,
} from '../../../../crypto/index';
import type { ApiClient } from '../api-client';
import { certifiedSigningKey } from './keys';

/** PROTOCOL §8 in the browser: replay the server's audit chain and sign checkpoints over it. */

/**
 * Why the chain broke at `brokenAtSeq`: an event is missing (a gap in seq), an event's content no
 * longer hashes to its stored hash, an event's prevHash is not its predecessor's hash, or a
 * signed checkpoint does not verify or does not match the replayed head (history rewritten).
 */
export type AuditBreak = 'missing' | 'altered' | 'relinked' | 'checkpoint';

export type AuditChainVerdict =
  | { intact: true; verifiedThroughSeq: number; head: Uint8Array; checkpoints: number }
  | { intact: false; brokenAtSeq: number; reason: AuditBreak };

/** The filter as query parameters of GET /api/audit (PROTOCOL §8 viewer). */
export function auditQuery(
  filter: AuditFilter,
  page: { before?: number | null | undefined; limit: number },
): string {
  const params = new URLSearchParams({ limit: String(page.limit) });
  if (page.before) params.set('before', String(page.before));
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return `?${params.toString()}`;
}

/**
 * How far a read of the whole log has come: events read so far, and out of how many when that is
 * known (the unfiltered log's newest seq is its length; a filtered log's size is not known ahead).
 */
export type AuditReadProgress = (read: number, total: number | undefined) => void;

export async function fetchWholeAuditLog(
  api: ApiClient,
  filter: AuditFilter = {},
  onProgress?: AuditReadProgress,
): Promise<AuditEventView[]> {
  const events: AuditEventView[] = [];
  const filtered = Object.values(filter).some((value) => value !== undefined && value !== '');
  let total: number | undefined;
  let before: number | null | undefined;
  do {
    const page = await api.get(
      `/api/audit${auditQuery(filter, { before, limit: AUDIT_PAGE_MAX })}`,
      auditPageSchema,
    );
    if (!filtered && total === undefined) total = Math.max(0, ...page.events.map((event) => event.seq));
    events.push(...page.events);
    onProgress?.(events.length, total);
    before = page.nextBefore;
  } while (before);
  return events.sort((a, b) => a.seq - b.seq);
}

export async function verifyServerAuditChain(
  api: ApiClient,
  orgId: string,
  rootPk: Uint8Array,
  onProgress?: AuditReadProgress,
): Promise<AuditChainVerdict> {
  const events = await fetchWholeAuditLog(api, {}, onProgress);
  let head = auditGenesisHead(orgId);
  const heads = new Map<number, Uint8Array>();
  for (const [i, event] of events.entries()) {
    if (event.seq !== i + 1) return { intact: false, brokenAtSeq: i + 1, reason: 'missing' };
    if (event.prevHash !== toHex(head)) return { intact: false, brokenAtSeq: event.seq, reason: 'relinked' };
    const { seq, at, actor, type, subject, details } = event;
    head = nextAuditHead(head, { seq, at, actor, type, subject, details });
    if (toHex(head) !== event.hash) return { intact: false, brokenAtSeq: seq, reason: 'altered' };
    heads.set(seq, head);
  }
  const [{ checkpoints }, { users }] = await Promise.all([
    api.get('/api/audit/checkpoints', auditCheckpointListSchema),
    api.get('/api/users/directory', userListSchema),
  ]);
  for (const checkpoint of checkpoints) {
    const admin = users.find((user) => user.id === checkpoint.adminUserId);
    const adminPk = admin && certifiedSigningKey(rootPk, admin);
    const replayed = heads.get(checkpoint.n);
    const signedHead = fromHex(checkpoint.head);
    if (
      !adminPk ||
      !replayed ||
      toHex(replayed) !== checkpoint.head ||
      !verifyAuditCheckpoint(adminPk, checkpoint.n, signedHead, fromBase64Url(checkpoint.sig))
    ) {
      return { intact: false, brokenAtSeq: checkpoint.n, reason: 'checkpoint' };
    }
  }
  return { intact: true, verifiedThroughSeq: events.length, head, checkpoints: checkpoints.length };
}

/** An admin signs the head it just verified, so nothing behind it can be rewritten unnoticed. */
export async function signAuditHead(
  api: ApiClient,
  sign: (n: number, head: Uint8Array) => Uint8Array,
  n: number,
  head: Uint8Array,
) {
  const sig = sign(n, head);
  await api.send(
    'POST',
    '/api/audit/checkpoints',
    { n, head: toHex(head), sig: toBase64Url(sig) },
    okResponseSchema,
  );
}
