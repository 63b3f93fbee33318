import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { StaffWrap } from '../core/api/staff-key.js';
import { staffGrantInfo } from '../crypto/staff-key.js';
import type { Db } from './db/client.js';
import {
  type StaffKeyEpochRow,
  type StaffKeyWrapRow,
  staffKeyEpochs,
  staffKeyWraps,
} from './db/knowledge-schema.js';
import { type UserRow, users } from './db/schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';
import {
  assertDistinctRecipients,
  assertGrantSignature,
  assertRecipient,
  requireCertified,
} from './key-wraps.js';

/**
 * The staff key on the server's side (issue 14, crypto/staff-key.ts). Staff are the active users
 * whose keys an admin certified; holding the key is holding a wrap at the newest epoch. A holder
 * who is no longer staff makes rotation due: the server then refuses writes under the current
 * epoch until a remaining holder's browser uploads the next one. Reads are queries so a route
 * runs all of them in one D1 batch (issue 12's round-trip budget).
 */

export const isStaff = (user: Pick<UserRow, 'status' | 'certSig'>) =>
  user.status === 'active' && user.certSig !== null;

export function staffKeyQueries(db: Db, userId: string) {
  return [
    db.select().from(staffKeyEpochs).orderBy(asc(staffKeyEpochs.epoch)),
    db
      .select({ id: users.id, status: users.status, certSig: users.certSig })
      .from(staffKeyWraps)
      .innerJoin(users, eq(users.id, staffKeyWraps.userId))
      .where(eq(staffKeyWraps.epoch, sql`(SELECT max(epoch) FROM staff_key_epochs)`)),
    db.select().from(staffKeyWraps).where(eq(staffKeyWraps.userId, userId)).orderBy(asc(staffKeyWraps.epoch)),
  ] as const;
}

export interface StaffKeyState {
  /** null while the center has no staff key */
  epoch: number | null;
  epochs: StaffKeyEpochRow[];
  holders: { id: string; staff: boolean }[];
  /** the caller's wrap at the current epoch */
  mine: StaffKeyWrapRow | undefined;
  rotationDue: boolean;
}

export function toStaffKeyState(
  epochs: StaffKeyEpochRow[],
  holderRows: readonly Pick<UserRow, 'id' | 'status' | 'certSig'>[],
  myWraps: readonly StaffKeyWrapRow[],
): StaffKeyState {
  const epoch = epochs.at(-1)?.epoch ?? null;
  const holders = holderRows.map((row) => ({ id: row.id, staff: isStaff(row) }));
  return {
    epoch,
    epochs,
    holders,
    mine: myWraps.find((wrap) => wrap.epoch === epoch),
    rotationDue: holders.some((holder) => !holder.staff),
  };
}

/** The caller holds the current staff key: the epoch they may seal under. */
export function requireStaffKeyHolder(state: StaffKeyState): number {
  if (state.epoch === null) throw new ApiError(409, 'no_staff_key', 'the center has no staff key yet');
  if (!state.mine) throw new ApiError(403, 'no_staff_key', 'you do not hold the current staff key');
  return state.epoch;
}

/** Writing under `epoch` needs it to be current and not awaiting rotation. */
export function requireWritableEpoch(state: StaffKeyState, epoch: number): void {
  const current = requireStaffKeyHolder(state);
  if (epoch !== current) throw new ApiError(409, 'stale_epoch', `the staff key is at epoch ${current}`);
  if (state.rotationDue) {
    throw new ApiError(409, 'rotation_required', 'someone left the staff: rotate the staff key first');
  }
}

export function recipientsQuery(db: Db, wraps: readonly StaffWrap[]) {
  return db
    .select()
    .from(users)
    .where(inArray(users.id, [...new Set(wraps.map((wrap) => wrap.to))]));
}

/** Every recipient is staff and every wrap is signed by the caller over what is stored with it. */
export function staffWrapRows(
  session: ActiveSession,
  recipients: readonly UserRow[],
  epoch: number,
  wraps: readonly StaffWrap[],
  now: number,
): StaffKeyWrapRow[] {
  requireCertified(session.user, 'share the staff key');
  assertDistinctRecipients(wraps.map((wrap) => wrap.to));
  const byId = new Map(recipients.map((user) => [user.id, user]));
  return wraps.map((wrap) => {
    assertRecipient(byId.get(wrap.to), wrap.to);
    const info = staffGrantInfo({ org: session.org.id, epoch, to: wrap.to, by: session.user.id });
    assertGrantSignature(info, wrap, session.user);
    return {
      epoch,
      userId: wrap.to,
      enc: wrap.enc,
      ct: wrap.ct,
      sig: wrap.sig,
      byUserId: session.user.id,
      createdAt: now,
    };
  });
}
