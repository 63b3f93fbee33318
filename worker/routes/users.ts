import { asc, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  assignSupervisorRequestSchema,
  certifyUserRequestSchema,
  updateUserRequestSchema,
  userIdParamSchema,
} from '../../core/api/users.js';
import { commitAudited } from '../audit.js';
import { assertValidCert } from '../certificates.js';
import { isActiveSupervisor } from '../counselor-supervisors.js';
import type { Db } from '../db/client.js';
import { sessions, type UserRow, users } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';
import { toUserView } from '../views.js';

export const userRoutes = new Hono<AppEnv>();

const listUsersQuery = (db: Db) => db.select().from(users).orderBy(asc(users.createdAt));

async function listUsers(db: Db): Promise<UserRow[]> {
  return listUsersQuery(db);
}

export const userQuery = (db: Db, id: string) => db.select().from(users).where(eq(users.id, id)).limit(1);

export function judgeUser(rows: readonly UserRow[]): UserRow {
  const [user] = rows;
  if (!user) throw new ApiError(404, 'user_not_found', 'no such user');
  return user;
}

const isActiveAdmin = (user: Pick<UserRow, 'roles' | 'status'>) =>
  user.status === 'active' && user.roles.includes('admin');

userRoutes.get('/', requireRoles('admin'), async (c) => {
  return c.json({ users: (await listUsers(c.var.db)).map(toUserView) });
});

/** Every signed-in user needs certified public keys to wrap keys to colleagues (PROTOCOL §4). */
userRoutes.get('/directory', requireSession, async (c) => {
  return c.json({ users: (await listUsers(c.var.db)).map(toUserView) });
});

userRoutes.post(
  '/:id/certificate',
  requireRoles('admin'),
  pathParams(userIdParamSchema),
  jsonBody(certifyUserRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const userRows = await userQuery(db, c.req.valid('param').id);
    const user = judgeUser(userRows);
    const cert = c.req.valid('json');
    assertValidCert(session.org.rootPk, user, cert);
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'user.certified',
        subject: user.id,
        details: { issuedAtMs: cert.issuedAtMs },
      },
      () => [
        db
          .update(users)
          .set({ certSig: cert.sig, certIssuedAt: cert.issuedAtMs })
          .where(eq(users.id, user.id)),
      ],
    );
    return c.json(toUserView({ ...user, certSig: cert.sig, certIssuedAt: cert.issuedAtMs }));
  },
);

userRoutes.patch(
  '/:id',
  requireRoles('admin'),
  pathParams(userIdParamSchema),
  jsonBody(updateUserRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    // One read batch: the user and everyone (for the last-admin check).
    const [userRows, everyone] = await db.batch([userQuery(db, c.req.valid('param').id), listUsersQuery(db)]);
    const user = judgeUser(userRows);
    const change = c.req.valid('json');
    const updated: UserRow = {
      ...user,
      roles: change.roles ?? user.roles,
      status: change.status ?? user.status,
    };
    if (isActiveAdmin(user) && !isActiveAdmin(updated)) {
      const admins = everyone.filter(isActiveAdmin);
      if (admins.length <= 1) {
        throw new ApiError(409, 'last_admin', 'the organization must keep at least one active admin');
      }
    }
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'user.updated',
        subject: user.id,
        details: {
          ...(change.roles && { roles: change.roles, previousRoles: user.roles }),
          ...(change.status && { status: change.status, previousStatus: user.status }),
        },
      },
      () => [
        db.update(users).set({ roles: updated.roles, status: updated.status }).where(eq(users.id, user.id)),
        // A disabled account is signed out everywhere at once.
        ...(updated.status === 'disabled' ? [db.delete(sessions).where(eq(sessions.userId, user.id))] : []),
      ],
    );
    return c.json(toUserView(updated));
  },
);

/** An admin assigns a counselor their supervisor (or clears it); rules and workflows follow it. */
userRoutes.put(
  '/:id/supervisor',
  requireRoles('admin'),
  pathParams(userIdParamSchema),
  jsonBody(assignSupervisorRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { supervisorId } = c.req.valid('json');
    // One read batch: the counselor and the named supervisor.
    const [counselorRows, supervisorRows] = await db.batch([
      userQuery(db, c.req.valid('param').id),
      db
        .select()
        .from(users)
        .where(inArray(users.id, supervisorId === null ? [] : [supervisorId]))
        .limit(1),
    ]);
    const counselor = judgeUser(counselorRows);
    if (supervisorId !== null) {
      if (!counselor.roles.includes('counselor')) {
        throw new ApiError(409, 'not_a_counselor', 'only a counselor is assigned a supervisor');
      }
      if (supervisorId === counselor.id) {
        throw new ApiError(409, 'own_supervisor', 'a counselor cannot supervise themselves');
      }
      const [supervisor] = supervisorRows;
      if (!supervisor) throw new ApiError(404, 'supervisor_not_found', 'no such supervisor');
      if (!isActiveSupervisor(supervisor)) {
        throw new ApiError(
          409,
          'not_a_supervisor',
          'the supervisor must be an active user with the supervisor role',
        );
      }
    }
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'user.supervisor_assigned',
        subject: counselor.id,
        details: { supervisorId, previousSupervisorId: counselor.supervisorId },
      },
      () => [db.update(users).set({ supervisorId }).where(eq(users.id, counselor.id))],
    );
    return c.json(toUserView({ ...counselor, supervisorId }));
  },
);
