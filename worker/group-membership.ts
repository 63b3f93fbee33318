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

/** Holders of the current group key, with whether each is still a member. */
export async function currentHolders(db: Db, group: Pick<GroupRow, 'id' | 'epoch'>) {
  const rows = await db
    .select({ id: users.id, roles: users.roles, status: users.status, certSig: users.certSig })
    .from(groupKeyWraps)
    .innerJoin(users, eq(users.id, groupKeyWraps.userId))
    .where(and(eq(groupKeyWraps.groupId, group.id), eq(groupKeyWraps.epoch, group.epoch)));
  return rows.map((row) => ({ id: row.id, member: isGroupEligible(row) }));
}

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

/** Groups whose current key the user holds and may still use. */
export async function myGroupIds(db: Db, userId: string): Promise<string[]> {
  return eligibleGroupIds(await myGroupsQuery(db, userId));
}

export async function requireGroup(db: Db, id: string): Promise<GroupRow> {
  const [group] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
  if (!group) throw new ApiError(404, 'not_found', 'no such group');
  return group;
}

/** The group, if the user is a member; anyone else gets 404, as if it did not exist. */
export async function requireMembership(db: Db, userId: string, groupId: string): Promise<GroupRow> {
  const [group] = await db.select().from(groups).where(eq(groups.id, groupId)).limit(1);
  if (!group || !(await myGroupIds(db, userId)).includes(group.id)) {
    throw new ApiError(404, 'not_found', 'you are not a member of this group');
  }
  return group;
}
