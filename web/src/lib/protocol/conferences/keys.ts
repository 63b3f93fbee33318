import {
  type ConferenceView,
  conferenceKeysSchema,
  conferenceListSchema,
  userListSchema,
} from '../../../../../core/api/index';
import {
  type ConferenceGrant,
  fail,
  fromBase64Url,
  toBase64Url,
  unrollConferenceKeys,
  unwrapConferenceKey,
  wrapConferenceKey,
} from '../../../../../crypto/index';
import { type CaseContext, type CertifiedPerson, certifiedPeople } from '../cases/context';

/**
 * A conference's keys in the browser (issue 14, crypto/README.md "case conferences"): my newest
 * wrap, checked against its certified granter and its expiry, then the chain back to every older
 * epoch. Keys live in the returned object only; `closeConference` wipes them.
 */

export interface UnlockedConference {
  view: ConferenceView;
  /** people whose certificates verify under the pinned root, by user id */
  people: Map<string, CertifiedPerson>;
  /** the key of every epoch I can reach, newest included */
  keys: Map<number, Uint8Array>;
  /** set when an older epoch's link failed to open: messages of those epochs cannot be shown */
  brokenChain: boolean;
}

export function listConferences(context: Pick<CaseContext, 'api'>) {
  return context.api.get('/api/conferences', conferenceListSchema);
}

export async function fetchCertifiedPeople(context: Pick<CaseContext, 'api' | 'rootPk'>) {
  const { users } = await context.api.get('/api/users/directory', userListSchema);
  return certifiedPeople(context.rootPk, users);
}

export async function unlockConference(
  context: CaseContext,
  conferenceId: string,
): Promise<UnlockedConference> {
  const now = context.now?.() ?? Date.now();
  const [bundle, people] = await Promise.all([
    context.api.get(`/api/conferences/${conferenceId}/keys`, conferenceKeysSchema),
    fetchCertifiedPeople(context),
  ]);
  const newest = [...bundle.wraps].sort((a, b) => b.epoch - a.epoch)[0];
  if (!newest) fail('wrong-key', 'no key to this conference was delivered to you');
  const granter =
    people.get(newest.byUserId) ??
    fail('uncertified', 'the conference key was granted by an uncertified key');
  const grant: ConferenceGrant = {
    org: context.orgId,
    conferenceId,
    epoch: newest.epoch,
    to: context.me.id,
    expiresAtMs: newest.expiresAt ?? 0,
    by: newest.byUserId,
  };
  const key = await unwrapConferenceKey(
    grant,
    { enc: fromBase64Url(newest.enc), ct: fromBase64Url(newest.ct), sig: fromBase64Url(newest.sig) },
    context.me.keys.x25519Sk,
    granter.ed25519Pk,
    now,
  );
  const chain = new Map(bundle.chain.map((link) => [link.epoch, fromBase64Url(link.envelope)]));
  let keys: Map<number, Uint8Array>;
  let brokenChain = false;
  try {
    keys = unrollConferenceKeys(context.orgId, conferenceId, newest.epoch, key, chain);
  } catch {
    // A link that does not open: the newest key still reads the newest messages; older ones fail.
    keys = new Map([[newest.epoch, key]]);
    brokenChain = true;
  }
  return { view: bundle.conference, people, keys, brokenChain };
}

export function closeConference(unlocked: UnlockedConference): void {
  for (const key of unlocked.keys.values()) key.fill(0);
  unlocked.keys.clear();
}

/** One wrap of an epoch's key to a certified participant, signed by me (PROTOCOL §5 with the conference info). */
export function conferenceWrapFor(
  context: CaseContext,
  conferenceId: string,
  epoch: number,
  key: Uint8Array,
  to: CertifiedPerson,
  expiresAt: number,
) {
  const wrapped = wrapConferenceKey(
    { org: context.orgId, conferenceId, epoch, to: to.user.id, expiresAtMs: expiresAt, by: context.me.id },
    key,
    to.x25519Pk,
    context.me.keys.ed25519Seed,
  );
  return {
    to: to.user.id,
    expiresAt,
    enc: toBase64Url(wrapped.enc),
    ct: toBase64Url(wrapped.ct),
    sig: toBase64Url(wrapped.sig),
  };
}
