import { eq } from 'drizzle-orm';
import type { OrgView, RootWrapView, SessionView, UserView } from '../core/api/views.js';
import type { Db } from './db/client.js';
import { type OrgRow, rootKeyWraps, type UserRow } from './db/schema.js';
import type { Env } from './env.js';
import { effectiveSettings } from './sessions.js';

/** Rows to the JSON the API contract (core/api) promises; nothing secret leaves through here. */

export function toUserView(user: UserRow): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    status: user.status,
    x25519Pk: user.x25519Pk,
    ed25519Pk: user.ed25519Pk,
    cert:
      user.certSig !== null && user.certIssuedAt !== null
        ? { issuedAtMs: user.certIssuedAt, sig: user.certSig }
        : null,
    createdAt: user.createdAt,
    supervisorId: user.supervisorId,
  };
}

export function toOrgView(env: Env, orgRow: OrgRow): OrgView {
  return {
    id: orgRow.id,
    name: orgRow.name,
    rootPk: orgRow.rootPk,
    recoveryPk: orgRow.recoveryPk,
    recoveryThreshold: orgRow.recoveryThreshold,
    recoveryShareCount: orgRow.recoveryShareCount,
    settings: effectiveSettings(env, orgRow),
  };
}

/** A user's root-key wrap, as a query for a read batch (see toRootWrapView). */
export const rootWrapQuery = (db: Db, userId: string) =>
  db.select().from(rootKeyWraps).where(eq(rootKeyWraps.userId, userId)).limit(1);

type RootWrapRow = Pick<typeof rootKeyWraps.$inferSelect, 'enc' | 'ct' | 'sig' | 'byUserId'>;

/** The root-key wrap goes only to its own admin, and only while they hold the admin role. */
export function toRootWrapView(user: UserRow, rows: readonly RootWrapRow[]): RootWrapView | null {
  const [wrap] = rows;
  if (!user.roles.includes('admin') || !wrap) return null;
  return { enc: wrap.enc, ct: wrap.ct, sig: wrap.sig, byUserId: wrap.byUserId };
}

export async function rootWrapFor(db: Db, user: UserRow): Promise<RootWrapView | null> {
  if (!user.roles.includes('admin')) return null;
  return toRootWrapView(user, await rootWrapQuery(db, user.id));
}

export async function toSessionView(
  db: Db,
  env: Env,
  orgRow: OrgRow,
  user: UserRow,
  times: { idleExpiresAt: number; absoluteExpiresAt: number },
  /** The user's root-wrap rows when the caller already has them (read in its batch, or just written). */
  rootWrapRows?: readonly RootWrapRow[],
): Promise<SessionView> {
  return {
    user: toUserView(user),
    org: toOrgView(env, orgRow),
    kdf: { salt: user.kdfSalt, m: user.kdfM, t: user.kdfT, p: 1 },
    keyBundle: user.keyBundle,
    rootWrap: rootWrapRows ? toRootWrapView(user, rootWrapRows) : await rootWrapFor(db, user),
    session: { idleExpiresAt: times.idleExpiresAt, absoluteExpiresAt: times.absoluteExpiresAt },
  };
}
