import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  addGroupWrapsRequestSchema,
  createGroupRequestSchema,
  groupIdParamSchema,
} from '../../core/api/groups.js';
import type { GroupWrap } from '../../core/api/key-wraps.js';
import { groupGrantInfo } from '../../crypto/grant.js';
import { commitAudited } from '../audit.js';
import { type Db, isUniqueViolation, refuseDuplicate } from '../db/client.js';
import { type GroupRow, groupKeyWraps, groups } from '../db/schema.js';
import type { ActiveSession, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import {
  assertDistinctRecipients,
  assertGrantSignature,
  assertRecipient,
  requireCertified,
} from '../key-wraps.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { usersById } from '../people.js';
import { jsonBody, pathParams } from '../validation.js';

/** PROTOCOL §4 group keys (the front desk). */
export const groupRoutes = new Hono<AppEnv>();

const toGroupView = (group: GroupRow) => ({
  id: group.id,
  name: group.name,
  epoch: group.epoch,
  x25519Pk: group.x25519Pk,
  createdAt: group.createdAt,
});

async function requireGroup(db: Db, id: string): Promise<GroupRow> {
  const [group] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
  if (!group) throw new ApiError(404, 'not_found', 'no such group');
  return group;
}

/** Checks every wrap (recipient, signature) and returns the rows to insert. */
async function groupWrapRows(
  db: Db,
  session: ActiveSession,
  groupId: string,
  epoch: number,
  wraps: GroupWrap[],
) {
  requireCertified(session.user, 'wrap a group key');
  assertDistinctRecipients(wraps.map((wrap) => wrap.to));
  const recipients = await usersById(
    db,
    wraps.map((wrap) => wrap.to),
  );
  const now = Date.now();
  return wraps.map((wrap) => {
    assertRecipient(recipients.get(wrap.to), wrap.to);
    const info = groupGrantInfo({ org: session.org.id, groupId, epoch, to: wrap.to, by: session.user.id });
    assertGrantSignature(info, wrap, session.user);
    return {
      groupId,
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

groupRoutes.post('/', requireRoles('admin'), jsonBody(createGroupRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  const rows = await groupWrapRows(db, session, body.id, 0, body.wraps);
  const group: GroupRow = {
    id: body.id,
    name: body.name,
    epoch: 0,
    x25519Pk: body.x25519Pk,
    createdBy: session.user.id,
    createdAt: Date.now(),
  };
  try {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'group.created',
        subject: group.id,
        details: { members: rows.map((row) => row.userId) },
      },
      () => [db.insert(groups).values(group), ...rows.map((row) => db.insert(groupKeyWraps).values(row))],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'groups.id')) throw new ApiError(409, 'conflict', 'this group id is taken');
    throw error;
  }
  return c.json(toGroupView(group), 201);
});

/** Public keys of every group: a browser wraps contact-card keys to the front desk with them. */
groupRoutes.get('/', requireSession, async (c) => {
  const rows = await c.var.db.select().from(groups).orderBy(asc(groups.createdAt));
  return c.json({ groups: rows.map(toGroupView) });
});

groupRoutes.get('/:id/my-key', requireSession, pathParams(groupIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const [group] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
  const [wrap] = group
    ? await db
        .select()
        .from(groupKeyWraps)
        .where(
          and(
            eq(groupKeyWraps.groupId, id),
            eq(groupKeyWraps.epoch, group.epoch),
            eq(groupKeyWraps.userId, session.user.id),
          ),
        )
        .limit(1)
    : [];
  if (!group || !wrap) throw new ApiError(404, 'not_found', 'you are not a member of this group');
  await commitAudited(db, session.org.id, {
    actor: session.user.id,
    type: 'group.key_read',
    subject: id,
    details: { epoch: group.epoch },
  });
  return c.json({
    group: toGroupView(group),
    wrap: { epoch: wrap.epoch, enc: wrap.enc, ct: wrap.ct, sig: wrap.sig, byUserId: wrap.byUserId },
  });
});

groupRoutes.post(
  '/:id/wraps',
  requireRoles('admin'),
  pathParams(groupIdParamSchema),
  jsonBody(addGroupWrapsRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const group = await requireGroup(db, c.req.valid('param').id);
    const body = c.req.valid('json');
    if (body.epoch !== group.epoch) {
      throw new ApiError(409, 'stale_epoch', `the group key is at epoch ${group.epoch}`);
    }
    const rows = await groupWrapRows(db, session, group.id, group.epoch, body.wraps);
    await refuseDuplicate(
      'group_key_wraps',
      () => new ApiError(409, 'already_granted', 'a recipient already holds the group key at this epoch'),
      () =>
        commitAudited(
          db,
          session.org.id,
          {
            actor: session.user.id,
            type: 'group.wraps_added',
            subject: group.id,
            details: { epoch: group.epoch, members: rows.map((row) => row.userId) },
          },
          () => rows.map((row) => db.insert(groupKeyWraps).values(row)),
        ),
    );
    return c.json({ ok: true as const }, 201);
  },
);
