import {
  FRONT_DESK_ROLE,
  type GroupView,
  groupContactWrapListSchema,
  groupListSchema,
  groupViewSchema,
  myGroupKeySchema,
  okResponseSchema,
  rotatedGroupSchema,
  type UserView,
  userListSchema,
} from '../../../../../core/api/index';
import {
  constantTimeEqual,
  contactGrantInfo,
  fail,
  fromBase64Url,
  generateX25519KeyPair,
  groupGrantInfo,
  type HpkeSealed,
  openEarlierGroupKey,
  requireGroupKey,
  sealEarlierGroupKey,
  signGroupKey,
  toBase64Url,
  unwrapGroupKey,
  unwrapKey,
  wrapKey,
  x25519PublicKey,
} from '../../../../../crypto/index';
import { ApiError } from '../../api-client';
import { type CaseContext, type CertifiedPerson, certifiedPeople } from './context';
import { encodeWrap } from './wraps';

/**
 * The front-desk group key (PROTOCOL §4, DESIGN §2): its private key is wrapped to each front-desk
 * member; every contact-card key is also wrapped to its public key. A browser trusts that public
 * key only when a certified person signed it (crypto/group-key.ts), never because the server says so.
 */

export interface FrontDeskRecipient {
  id: string;
  x25519Pk: Uint8Array;
}

/** The group's public key, checked against the signature of its certified maker. */
function verifiedPublicKey(
  context: CaseContext,
  group: GroupView,
  people: ReadonlyMap<string, CertifiedPerson>,
): Promise<Uint8Array> {
  if (!group.pkSig || !group.pkBy) fail('bad-signature', 'the front-desk key carries no signature');
  const maker =
    people.get(group.pkBy) ?? fail('uncertified', 'the front-desk key was made by an uncertified key');
  return requireGroupKey(
    maker.ed25519Pk,
    {
      org: context.orgId,
      groupId: group.id,
      epoch: group.epoch,
      x25519Pk: fromBase64Url(group.x25519Pk),
      by: group.pkBy,
    },
    fromBase64Url(group.pkSig),
  );
}

async function directory(context: CaseContext) {
  const { users } = await context.api.get('/api/users/directory', userListSchema);
  return { users, people: certifiedPeople(context.rootPk, users) };
}

/** Where a new contact card is also wrapped; null while the center has no front desk yet. */
export async function frontDeskRecipient(context: CaseContext): Promise<FrontDeskRecipient | null> {
  const [{ groups }, { people }] = await Promise.all([
    context.api.get('/api/groups', groupListSchema),
    directory(context),
  ]);
  const [group] = groups;
  if (!group) return null;
  return { id: group.id, x25519Pk: await verifiedPublicKey(context, group, people) };
}

/** The active, certified front-desk users: who should hold the group key. */
function frontDeskMembers(users: readonly UserView[], people: ReadonlyMap<string, CertifiedPerson>) {
  return users
    .filter((user) => user.status === 'active' && user.roles.includes(FRONT_DESK_ROLE))
    .flatMap((user) => {
      const person = people.get(user.id);
      return person ? [person] : [];
    });
}

function groupWrapTo(
  context: CaseContext,
  groupId: string,
  epoch: number,
  sk: Uint8Array,
  to: CertifiedPerson,
) {
  const info = groupGrantInfo({ org: context.orgId, groupId, epoch, to: to.user.id, by: context.me.id });
  return { ...encodeWrap(wrapKey(info, sk, to.x25519Pk, context.me.keys.ed25519Seed)), to: to.user.id };
}

const encodeSealed = (sealed: HpkeSealed) => ({ enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct) });

function signedPublicKey(context: CaseContext, groupId: string, epoch: number, x25519Pk: Uint8Array) {
  return toBase64Url(
    signGroupKey(context.me.keys.ed25519Seed, {
      org: context.orgId,
      groupId,
      epoch,
      x25519Pk,
      by: context.me.id,
    }),
  );
}

/** An admin makes the first front-desk key and wraps it to every front-desk member there is. */
export async function createFrontDeskGroup(context: CaseContext, name: string): Promise<void> {
  const { users, people } = await directory(context);
  const members = frontDeskMembers(users, people);
  if (members.length === 0) fail('malformed', 'there is no certified front-desk member to hold the key');
  const id = crypto.randomUUID();
  const pair = generateX25519KeyPair();
  try {
    await context.api.send(
      'POST',
      '/api/groups',
      {
        id,
        name,
        x25519Pk: toBase64Url(pair.publicKey),
        pkSig: signedPublicKey(context, id, 0, pair.publicKey),
        wraps: members.map((member) => groupWrapTo(context, id, 0, pair.secretKey, member)),
      },
      groupViewSchema,
    );
  } finally {
    pair.secretKey.fill(0);
  }
}

export interface FrontDeskKey {
  group: GroupView;
  /** the current group private key: wipe with closeFrontDeskKey */
  secretKey: Uint8Array;
  /** the private keys of earlier epochs, unrolled from the key chain (PROTOCOL §5 style) */
  earlier: Map<number, Uint8Array>;
  people: ReadonlyMap<string, CertifiedPerson>;
}

/** The private key of `epoch`, if this member can reach it (booking requests name their epoch). */
export const frontDeskKeyOf = (key: FrontDeskKey, epoch: number): Uint8Array | undefined =>
  epoch === key.group.epoch ? key.secretKey : key.earlier.get(epoch);

export function closeFrontDeskKey(key: FrontDeskKey): void {
  key.secretKey.fill(0);
  for (const earlier of key.earlier.values()) earlier.fill(0);
}

/** Walks the chain down from the current key: each link opens the epoch below it. */
function unrollChain(
  context: CaseContext,
  group: GroupView,
  current: Uint8Array,
  chain: readonly { epoch: number; enc: string; ct: string }[],
): Map<number, Uint8Array> {
  const links = new Map(chain.map((link) => [link.epoch, link]));
  const earlier = new Map<number, Uint8Array>();
  let next = current;
  for (let epoch = group.epoch - 1; epoch >= 0; epoch--) {
    const link = links.get(epoch);
    if (!link) break;
    const opened = openEarlierGroupKey(
      next,
      { org: context.orgId, groupId: group.id, epoch },
      { enc: fromBase64Url(link.enc), ct: fromBase64Url(link.ct) },
    );
    earlier.set(epoch, opened);
    next = opened;
  }
  return earlier;
}

/**
 * Opens my wrap of the front-desk key, then keeps the group in order as a member's visit should:
 * wraps the key to front-desk newcomers, and rotates it when a holder has left. Null when I am not
 * (or not yet) a member.
 */
export async function openFrontDeskKey(context: CaseContext): Promise<FrontDeskKey | null> {
  const { groups } = await context.api.get('/api/groups', groupListSchema);
  const [group] = groups;
  if (!group) return null;
  let mine: Awaited<ReturnType<typeof fetchMyKey>>;
  try {
    mine = await fetchMyKey(context, group.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
  const { users, people } = await directory(context);
  const granter =
    people.get(mine.wrap.byUserId) ??
    fail('uncertified', 'the front-desk key was shared by an uncertified key');
  const secretKey = await unwrapGroupKey(
    {
      org: context.orgId,
      groupId: group.id,
      epoch: mine.wrap.epoch,
      to: context.me.id,
      by: mine.wrap.byUserId,
    },
    { enc: fromBase64Url(mine.wrap.enc), ct: fromBase64Url(mine.wrap.ct), sig: fromBase64Url(mine.wrap.sig) },
    context.me.keys.x25519Sk,
    granter.ed25519Pk,
  );
  const publicKey = await verifiedPublicKey(context, mine.group, people);
  if (!constantTimeEqual(x25519PublicKey(secretKey), publicKey)) {
    secretKey.fill(0);
    fail('bad-signature', 'the front-desk private key does not match its signed public key');
  }
  const key: FrontDeskKey = {
    group: mine.group,
    secretKey,
    earlier: unrollChain(context, mine.group, secretKey, mine.chain),
    people,
  };
  const members = frontDeskMembers(users, people);
  if (mine.departed.length > 0) return rotateFrontDeskKey(context, key, members);
  const newcomers = members.filter((member) => !mine.holders.includes(member.user.id));
  if (newcomers.length > 0) {
    await context.api.send(
      'POST',
      `/api/groups/${group.id}/wraps`,
      {
        epoch: group.epoch,
        wraps: newcomers.map((member) => groupWrapTo(context, group.id, group.epoch, secretKey, member)),
      },
      okResponseSchema,
    );
  }
  return key;
}

function fetchMyKey(context: CaseContext, groupId: string) {
  return context.api.get(`/api/groups/${groupId}/my-key`, myGroupKeySchema);
}

/**
 * Epoch e+1 after someone left the front desk: a new pair for the members who remain, and every
 * contact-card key the group held re-wrapped to it, so the leaver's old key opens nothing new.
 */
async function rotateFrontDeskKey(
  context: CaseContext,
  current: FrontDeskKey,
  members: readonly CertifiedPerson[],
): Promise<FrontDeskKey> {
  const { group } = current;
  const epoch = group.epoch + 1;
  const held = await context.api.get(`/api/groups/${group.id}/contact-wraps`, groupContactWrapListSchema);
  const pair = generateX25519KeyPair();
  const pkSig = signedPublicKey(context, group.id, epoch, pair.publicKey);
  const contactWraps = [];
  for (const wrap of held.wraps) {
    const granter =
      current.people.get(wrap.byUserId) ??
      fail('uncertified', 'a contact card was shared by an uncertified key');
    const grant = {
      org: context.orgId,
      clientId: wrap.clientId,
      epoch: wrap.epoch,
      to: group.id,
      perm: wrap.perm,
      expiresAtMs: wrap.expiresAt,
    };
    // Not unwrapContactKey: an expired wrap is carried over as it is, its expiry bound in again.
    const cardKey = await unwrapKey(
      contactGrantInfo({ ...grant, by: wrap.byUserId }),
      { enc: fromBase64Url(wrap.enc), ct: fromBase64Url(wrap.ct), sig: fromBase64Url(wrap.sig) },
      current.secretKey,
      granter.ed25519Pk,
    );
    const info = contactGrantInfo({ ...grant, by: context.me.id });
    contactWraps.push({
      clientId: wrap.clientId,
      ...encodeWrap(wrapKey(info, cardKey, pair.publicKey, context.me.keys.ed25519Seed)),
    });
    cardKey.fill(0);
  }
  await context.api.send(
    'POST',
    `/api/groups/${group.id}/rotate`,
    {
      epoch,
      x25519Pk: toBase64Url(pair.publicKey),
      pkSig,
      wraps: members.map((member) => groupWrapTo(context, group.id, epoch, pair.secretKey, member)),
      contactWraps,
      chain: encodeSealed(
        sealEarlierGroupKey(
          pair.publicKey,
          { org: context.orgId, groupId: group.id, epoch: group.epoch },
          current.secretKey,
        ),
      ),
    },
    rotatedGroupSchema,
  );
  // The key just replaced becomes the newest earlier key: booking requests may still be sealed to it.
  current.earlier.set(group.epoch, current.secretKey);
  return {
    group: { ...group, epoch, x25519Pk: toBase64Url(pair.publicKey), pkSig, pkBy: context.me.id },
    secretKey: pair.secretKey,
    earlier: current.earlier,
    people: current.people,
  };
}
