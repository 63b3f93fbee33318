import {
  staffKeyEpochResponseSchema,
  staffKeyViewSchema,
  type UserView,
  userListSchema,
} from '../../../../../core/api/index';
import {
  fail,
  fromBase64Url,
  generateStaffKey,
  rotateStaffKey,
  toBase64Url,
  unrollStaffKeys,
  unwrapStaffKey,
  wrapStaffKey,
} from '../../../../../crypto/index';
import { ApiError } from '../../api-client';
import { type CaseContext, type CertifiedPerson, certifiedPeople } from '../cases/context';
import { encodeWrap } from '../cases/wraps';

/**
 * The staff key in the browser (issue 14, crypto/staff-key.ts): opened from my own wrap, trusted
 * only if a certified person granted it, and kept in order as a holder's visit should — the first
 * visitor makes it, a holder wraps it to staff who joined since, and rotates it when a holder left.
 */

export interface StaffKeyRing {
  /** the current epoch: new versions are sealed under it */
  epoch: number;
  /** every epoch this holder can reach: wipe with closeStaffKey */
  keys: Map<number, Uint8Array>;
  /** certified people, by id: authors are checked against them */
  people: ReadonlyMap<string, CertifiedPerson>;
}

export function closeStaffKey(ring: StaffKeyRing): void {
  for (const key of ring.keys.values()) key.fill(0);
  ring.keys.clear();
}

async function directory(context: CaseContext) {
  const { users } = await context.api.get('/api/users/directory', userListSchema);
  return certifiedPeople(context.rootPk, users);
}

/** Who should hold the staff key: every active user whose key the pinned root certified. */
const staffOf = (people: ReadonlyMap<string, CertifiedPerson>) =>
  [...people.values()].filter((person: { user: UserView }) => person.user.status === 'active');

function wrapTo(context: CaseContext, epoch: number, key: Uint8Array, to: CertifiedPerson) {
  const grant = { org: context.orgId, epoch, to: to.user.id, by: context.me.id };
  return {
    ...encodeWrap(wrapStaffKey(grant, key, to.x25519Pk, context.me.keys.ed25519Seed)),
    to: to.user.id,
  };
}

/**
 * Opens the staff key for this person; null while nobody has wrapped it to them yet. Makes the
 * first key if the center has none, shares it with newcomers, and rotates after a departure.
 */
export async function openStaffKey(context: CaseContext, retried = false): Promise<StaffKeyRing | null> {
  const [view, people] = await Promise.all([
    context.api.get('/api/staff-key', staffKeyViewSchema),
    directory(context),
  ]);
  const staff = staffOf(people);
  try {
    if (view.epoch === null) return await createStaffKey(context, people, staff);
    if (!view.wrap) return null;
    const granter =
      people.get(view.wrap.byUserId) ?? fail('uncertified', 'the staff key was shared by an uncertified key');
    const current = await unwrapStaffKey(
      { org: context.orgId, epoch: view.wrap.epoch, to: context.me.id, by: view.wrap.byUserId },
      {
        enc: fromBase64Url(view.wrap.enc),
        ct: fromBase64Url(view.wrap.ct),
        sig: fromBase64Url(view.wrap.sig),
      },
      context.me.keys.x25519Sk,
      granter.ed25519Pk,
    );
    const chains = new Map(view.chain.map((link) => [link.epoch, fromBase64Url(link.envelope)]));
    const ring: StaffKeyRing = {
      epoch: view.wrap.epoch,
      keys: unrollStaffKeys(context.orgId, view.wrap.epoch, current, chains),
      people,
    };
    if (view.departed.length > 0) return await rotate(context, ring, staff);
    const newcomers = staff.filter((person) => !view.holders.includes(person.user.id));
    if (newcomers.length > 0) {
      await context.api.send(
        'POST',
        '/api/staff-key/wraps',
        { epoch: ring.epoch, wraps: newcomers.map((person) => wrapTo(context, ring.epoch, current, person)) },
        staffKeyEpochResponseSchema,
      );
    }
    return ring;
  } catch (error) {
    // Another holder made, shared or rotated the key at the same moment: read it again once.
    if (!retried && error instanceof ApiError && error.status === 409) return openStaffKey(context, true);
    throw error;
  }
}

async function createStaffKey(
  context: CaseContext,
  people: ReadonlyMap<string, CertifiedPerson>,
  staff: readonly CertifiedPerson[],
): Promise<StaffKeyRing | null> {
  if (!people.has(context.me.id)) return null;
  const key = generateStaffKey();
  await context.api.send(
    'POST',
    '/api/staff-key',
    { wraps: staff.map((person) => wrapTo(context, 0, key, person)) },
    staffKeyEpochResponseSchema,
  );
  return { epoch: 0, keys: new Map([[0, key]]), people };
}

/** Epoch e+1 for the staff who remain, with e's key under it: the leaver's copy opens nothing new. */
async function rotate(
  context: CaseContext,
  ring: StaffKeyRing,
  staff: readonly CertifiedPerson[],
): Promise<StaffKeyRing> {
  const current = ring.keys.get(ring.epoch) ?? fail('malformed', 'the current staff key is not open');
  const next = rotateStaffKey(context.orgId, ring.epoch, current);
  await context.api.send(
    'POST',
    '/api/staff-key/rotate',
    {
      epoch: next.epoch,
      chain: toBase64Url(next.chain),
      wraps: staff.map((person) => wrapTo(context, next.epoch, next.key, person)),
    },
    staffKeyEpochResponseSchema,
  );
  ring.keys.set(next.epoch, next.key);
  return { ...ring, epoch: next.epoch };
}
