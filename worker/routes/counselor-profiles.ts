import { and, asc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  type CounselorProfileView,
  counselorProfileParamSchema,
  counselorProfileSchema,
} from '../../core/api/counselor-profiles.js';
import type { Role } from '../../core/api/roles.js';
import { commitAudited } from '../audit.js';
import type { Db } from '../db/client.js';
import { type CounselorProfileRow, counselorProfiles } from '../db/profile-schema.js';
import { users } from '../db/schema.js';
import type { ActiveSession, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';

/**
 * Counselor profiles for matching (issue 6): languages, specialties, gender — operational values
 * from fixed lists. An admin keeps everyone's, a counselor their own; those who match new
 * clients (front desk, director) read them.
 */
export const counselorProfileRoutes = new Hono<AppEnv>();

const READERS: Role[] = ['admin', 'director', 'frontdesk'];

const isCounselor = sql<boolean>`EXISTS (SELECT 1 FROM json_each(${users.roles}) WHERE value = 'counselor')`;

/** Active counselors (or the one with `userId`), each with their profile if they have one. */
const counselorsWithProfiles = (db: Db, userId?: string) =>
  db
    .select({ userId: users.id, profile: counselorProfiles })
    .from(users)
    .leftJoin(counselorProfiles, eq(counselorProfiles.userId, users.id))
    .where(
      and(eq(users.status, 'active'), isCounselor, userId === undefined ? undefined : eq(users.id, userId)),
    );

const toView = (userId: string, profile: CounselorProfileRow | null): CounselorProfileView => ({
  userId,
  languages: profile?.languages ?? [],
  specialties: profile?.specialties ?? [],
  gender: profile?.gender ?? null,
  updatedAt: profile?.updatedAt ?? null,
});

function mayRead(session: ActiveSession, userId: string) {
  return session.user.id === userId || session.user.roles.some((role) => READERS.includes(role));
}

counselorProfileRoutes.get('/', requireRoles(...READERS), async (c) => {
  const rows = await counselorsWithProfiles(c.var.db).orderBy(asc(users.displayName));
  return c.json({ profiles: rows.map((row) => toView(row.userId, row.profile)) });
});

counselorProfileRoutes.get('/:userId', requireSession, pathParams(counselorProfileParamSchema), async (c) => {
  const { db, session } = c.var;
  const { userId } = c.req.valid('param');
  if (!mayRead(session, userId)) throw new ApiError(403, 'forbidden', 'only your own profile');
  const [row] = await counselorsWithProfiles(db, userId);
  if (!row) throw new ApiError(404, 'not_found', 'no such counselor');
  return c.json(toView(row.userId, row.profile));
});

counselorProfileRoutes.put(
  '/:userId',
  requireSession,
  pathParams(counselorProfileParamSchema),
  jsonBody(counselorProfileSchema),
  async (c) => {
    const { db, session } = c.var;
    const { userId } = c.req.valid('param');
    if (session.user.id !== userId && !session.user.roles.includes('admin')) {
      throw new ApiError(403, 'forbidden', 'an admin keeps counselors’ profiles; a counselor their own');
    }
    const [row] = await counselorsWithProfiles(db, userId);
    if (!row) throw new ApiError(404, 'not_found', 'no such counselor');
    const profile = c.req.valid('json');
    const now = Date.now();
    const values = { ...profile, updatedAt: now, updatedBy: session.user.id };
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'user.profile_updated',
        subject: userId,
        details: { languages: profile.languages, specialties: profile.specialties, gender: profile.gender },
      },
      () => [
        db
          .insert(counselorProfiles)
          .values({ userId, ...values })
          .onConflictDoUpdate({ target: counselorProfiles.userId, set: values }),
      ],
    );
    return c.json(toView(userId, { userId, ...values }));
  },
);
