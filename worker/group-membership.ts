import { and, eq } from 'drizzle-orm';
import { FRONT_DESK_ROLE } from '../core/api/groups.js';
import type { Db } from './db/client.js';
import { type GroupRow, groupKeyWraps, groups, type UserRow, users } from './db/schema.js';
import { ApiError } from './errors.js';

/**
 * PROTOCOL §4 group keys, on the server's side: a member holds a wrap at the group's current epoch
 * AND is still an active front-desk user with certified keys. Losing the role or being disabled
 * ends access at once (defense in depth); the next member's visit rotates the key so the leaver's
 * copy of the old private key opens nothing made afterwards.
 */

export const isGroupEligible = (user: Pick<UserRow, 'roles' | 'status' | 'certSig'>) =>
  user.status === 'active' && user.certSig !== null && user.roles.includes(FRONT_DESK_ROLE);

export function assertGroupEligible(user: UserRow | undefined, id: string): asserts user is UserRow {
  if (!user || !isGroupEligible(user)) {
    throw new ApiError(
      409,
      'bad_recipient',
      `user ${id} is not an active front-desk user with certified keys`,
    );
  }
}

/** Holders of the group's current key (whatever epoch it is at), as a query for a read batch. */
export const currentHoldersQuery = (db: Db, groupId: string) =>
  db
    .select({ id: users.id, roles: users.roles, status: users.status, certSig: users.certSig })
    .from(groupKeyWraps)
    .innerJoin(groups, and(eq(groups.id, groupKeyWraps.groupId), eq(groups.epoch, groupKeyWraps.epoch)))
    .innerJoin(users, eq(users.id, groupKeyWraps.userId))
    .where(eq(groupKeyWraps.groupId, groupId));

/** Of currentHoldersQuery's rows, each holder with whether they are still a member. */
export const toHolders = (
  rows: readonly (Pick<UserRow, 'roles' | 'status' | 'certSig'> & { id: string })[],
) => rows.map((row) => ({ id: row.id, member: isGroupEligible(row) }));

/** The groups whose current key the user holds, as a query for a read batch (see eligibleGroupIds). */
export const myGroupsQuery = (db: Db, userId: string) =>
  db
    .select({ id: groups.id, roles: users.roles, status: users.status, certSig: users.certSig })
    .from(groups)
    .innerJoin(
      groupKeyWraps,
      and(eq(groupKeyWraps.groupId, groups.id), eq(groupKeyWraps.epoch, groups.epoch)),
    )
    .innerJoin(users, eq(users.id, groupKeyWraps.userId))
    .where(eq(groupKeyWraps.userId, userId));

/** Of myGroupsQuery's rows, the groups the user may still use. */
export const eligibleGroupIds = (
  rows: readonly (Pick<UserRow, 'roles' | 'status' | 'certSig'> & { id: string })[],
) => rows.filter(isGroupEligible).map((row) => row.id);

export const groupQuery = (db: Db, id: string) => db.select().from(groups).where(eq(groups.id, id)).limit(1);

/**
 * The group and whether the user is a member, as queries for a read batch (see
 * judgeGroupMembership): the group, and the groups whose current key the user holds.
 */
export const groupMembershipQueries = (db: Db, groupId: string, userId: string) =>
  [groupQuery(db, groupId), myGroupsQuery(db, userId)] as const;

/** The group, if the user is a member; anyone else gets 404, as if it did not exist. */
export function judgeGroupMembership(
  groupRows: readonly GroupRow[],
  myGroupRows: Parameters<typeof eligibleGroupIds>[0],
): GroupRow {
  const [group] = groupRows;
  if (!group || !eligibleGroupIds(myGroupRows).includes(group.id)) {
    throw new ApiError(404, 'not_found', 'you are not a member of this group');
  }
  return group;
}

/** The group, for a member sharing or rotating its key: 404 if there is none, 403 for a non-member. */
export function judgeGroupKeeper(
  groupRows: readonly GroupRow[],
  myGroupRows: Parameters<typeof eligibleGroupIds>[0],
  doing: string,
): GroupRow {
  const [group] = groupRows;
  if (!group) throw new ApiError(404, 'not_found', 'no such group');
  if (!eligibleGroupIds(myGroupRows).includes(group.id)) {
    throw new ApiError(403, 'not_a_member', `only a member of the group can ${doing}`);
  }
  return group;
}
