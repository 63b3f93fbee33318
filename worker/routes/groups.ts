import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  addGroupWrapsRequestSchema,
  createGroupRequestSchema,
  groupIdParamSchema,
  rotateGroupRequestSchema,
} from '../../core/api/groups.js';
import type { GroupWrap } from '../../core/api/key-wraps.js';
import { fromBase64Url } from '../../crypto/bytes.js';
import { groupGrantInfo } from '../../crypto/grant.js';
import { verifyGroupKeySync } from '../../crypto/group-key.js';
import { commitAudited } from '../audit.js';
import { isUniqueViolation, refuseDuplicate } from '../db/client.js';
import { type GroupRow, groupKeyChain, groupKeyWraps, groups, type UserRow } from '../db/schema.js';
import type { ActiveSession, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { groupContactWrapsQuery, rewrapRows } from '../group-contact-wraps.js';
import {
  assertGroupEligible,
  currentHoldersQuery,
  groupMembershipQueries,
  judgeGroupKeeper,
  judgeGroupMembership,
  toHolders,
} from '../group-membership.js';
import { assertDistinctRecipients, assertGrantSignature, requireCertified } from '../key-wraps.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { toUserMap, usersByIdQueries } from '../people.js';
import { jsonBody, pathParams } from '../validation.js';

/** PROTOCOL §4 group keys (the front desk). */
export const groupRoutes = new Hono<AppEnv>();

const toGroupView = (group: GroupRow) => ({
  id: group.id,
  name: group.name,
  epoch: group.epoch,
  x25519Pk: group.x25519Pk,
  pkSig: group.pkSig,
  pkBy: group.pkBy,
  createdAt: group.createdAt,
});

/** The maker signs the new public key with their certified key (crypto/group-key.ts). */
function assertGroupKeySignature(
  session: ActiveSession,
  group: { id: string; epoch: number; x25519Pk: string; pkSig: string },
) {
  const fields = {
    org: session.org.id,
    groupId: group.id,
    epoch: group.epoch,
    x25519Pk: fromBase64Url(group.x25519Pk),
    by: session.user.id,
  };
  if (!verifyGroupKeySync(fromBase64Url(session.user.ed25519Pk), fields, fromBase64Url(group.pkSig))) {
    throw new ApiError(400, 'bad_signature', 'the group public key is not signed by your certified key');
  }
}

/**
 * Checks every wrap (a front-desk member as recipient, the signature) and returns the rows.
 * `recipients` are the users the wraps name, read with usersByIdQueries in the route's read batch.
 */
function groupWrapRows(
  session: ActiveSession,
  groupId: string,
  epoch: number,
  wraps: GroupWrap[],
  recipients: ReadonlyMap<string, UserRow>,
) {
  requireCertified(session.user, 'wrap a group key');
  assertDistinctRecipients(wraps.map((wrap) => wrap.to));
  const now = Date.now();
  return wraps.map((wrap) => {
    assertGroupEligible(recipients.get(wrap.to), wrap.to);
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

/** The first front-desk key: an admin's browser makes the pair and wraps it to the members. */
groupRoutes.post('/', requireRoles('admin'), jsonBody(createGroupRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  requireCertified(session.user, 'make a group key');
  const [existing, ...recipients] = await db.batch([
    db.select({ id: groups.id }).from(groups).limit(1),
    ...usersByIdQueries(
      db,
      body.wraps.map((wrap) => wrap.to),
    ),
  ]);
  if (existing.length > 0) {
    throw new ApiError(409, 'group_exists', 'the front-desk group already exists');
  }
  assertGroupKeySignature(session, { ...body, epoch: 0 });
  const rows = groupWrapRows(session, body.id, 0, body.wraps, toUserMap(recipients.flat()));
  const group: GroupRow = {
    id: body.id,
    name: body.name,
    epoch: 0,
    x25519Pk: body.x25519Pk,
    pkSig: body.pkSig,
    pkBy: session.user.id,
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
  const groupId = c.req.valid('param').id;
  // One read batch: the group, membership, the caller's wrap at the group's epoch, holders, chain.
  const [groupRows, myGroups, [found], holderRows, chain] = await db.batch([
    ...groupMembershipQueries(db, groupId, session.user.id),
    db
      .select({ wrap: groupKeyWraps })
      .from(groupKeyWraps)
      .innerJoin(groups, and(eq(groups.id, groupKeyWraps.groupId), eq(groups.epoch, groupKeyWraps.epoch)))
      .where(and(eq(groupKeyWraps.groupId, groupId), eq(groupKeyWraps.userId, session.user.id)))
      .limit(1),
    currentHoldersQuery(db, groupId),
    db
      .select()
      .from(groupKeyChain)
      .where(eq(groupKeyChain.groupId, groupId))
      .orderBy(asc(groupKeyChain.epoch)),
  ]);
  const group = judgeGroupMembership(groupRows, myGroups);
  if (!found) throw new ApiError(404, 'not_found', 'you are not a member of this group');
  const { wrap } = found;
  const holders = toHolders(holderRows);
  await commitAudited(db, session.org.id, {
    actor: session.user.id,
    type: 'group.key_read',
    subject: group.id,
    details: { epoch: group.epoch },
  });
  return c.json({
    group: toGroupView(group),
    wrap: { epoch: wrap.epoch, enc: wrap.enc, ct: wrap.ct, sig: wrap.sig, byUserId: wrap.byUserId },
    holders: holders.map((holder) => holder.id),
    departed: holders.filter((holder) => !holder.member).map((holder) => holder.id),
    chain: chain.map((link) => ({ epoch: link.epoch, enc: link.enc, ct: link.ct })),
  });
});

/** The group's contact-card wraps, for a member about to rotate the group key. */
groupRoutes.get('/:id/contact-wraps', requireSession, pathParams(groupIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const groupId = c.req.valid('param').id;
  const [groupRows, myGroups, held] = await db.batch([
    ...groupMembershipQueries(db, groupId, session.user.id),
    groupContactWrapsQuery(db, groupId),
  ]);
  const group = judgeGroupMembership(groupRows, myGroups);
  const wraps = held.map((row) => row.wrap);
  await commitAudited(db, session.org.id, {
    actor: session.user.id,
    type: 'group.contact_wraps_read',
    subject: group.id,
    details: { epoch: group.epoch, cards: wraps.length },
  });
  return c.json({
    epoch: group.epoch,
    wraps: wraps.map((wrap) => ({
      clientId: wrap.clientId,
      epoch: wrap.epoch,
      perm: wrap.perm,
      expiresAt: wrap.expiresAt,
      enc: wrap.enc,
      ct: wrap.ct,
      sig: wrap.sig,
      byUserId: wrap.byUserId,
    })),
  });
});

/** A member's browser wraps the current group key to a newcomer to the front desk. */
groupRoutes.post(
  '/:id/wraps',
  requireSession,
  pathParams(groupIdParamSchema),
  jsonBody(addGroupWrapsRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const body = c.req.valid('json');
    const [groupRows, myGroups, ...recipients] = await db.batch([
      ...groupMembershipQueries(db, c.req.valid('param').id, session.user.id),
      ...usersByIdQueries(
        db,
        body.wraps.map((wrap) => wrap.to),
      ),
    ]);
    const group = judgeGroupKeeper(groupRows, myGroups, 'share its key');
    if (body.epoch !== group.epoch) {
      throw new ApiError(409, 'stale_epoch', `the group key is at epoch ${group.epoch}`);
    }
    const rows = groupWrapRows(session, group.id, group.epoch, body.wraps, toUserMap(recipients.flat()));
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

/**
 * Epoch e+1 after someone left: a new pair wrapped to the remaining members, and every contact-card
 * key the group held re-wrapped to it. The leaver's old private key opens nothing stored after this.
 */
groupRoutes.post(
  '/:id/rotate',
  requireSession,
  pathParams(groupIdParamSchema),
  jsonBody(rotateGroupRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const body = c.req.valid('json');
    const groupId = c.req.valid('param').id;
    // One read batch: the group, membership, the cards it holds, the holders, the recipients.
    const [groupRows, myGroups, heldCards, holderRows, ...recipients] = await db.batch([
      ...groupMembershipQueries(db, groupId, session.user.id),
      groupContactWrapsQuery(db, groupId),
      currentHoldersQuery(db, groupId),
      ...usersByIdQueries(
        db,
        body.wraps.map((wrap) => wrap.to),
      ),
    ]);
    const group = judgeGroupKeeper(groupRows, myGroups, 'rotate its key');
    if (body.epoch !== group.epoch + 1) {
      throw new ApiError(409, 'stale_epoch', `the group key is at epoch ${group.epoch}`);
    }
    requireCertified(session.user, 'rotate a group key');
    assertGroupKeySignature(session, { id: group.id, ...body });
    if (!body.wraps.some((wrap) => wrap.to === session.user.id)) {
      throw new ApiError(400, 'bad_recipient', 'wrap the new group key to yourself too');
    }
    const rows = groupWrapRows(session, group.id, body.epoch, body.wraps, toUserMap(recipients.flat()));
    const cards = rewrapRows(
      db,
      session,
      group.id,
      body.contactWraps,
      heldCards.map((row) => row.wrap),
    );
    const departed = toHolders(holderRows).filter((holder) => !holder.member);
    const rotatedFirst = () => new ApiError(409, 'stale_epoch', 'someone else rotated the group key first');
    const rotate = () =>
      commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'group.rotated',
          subject: group.id,
          details: {
            epoch: body.epoch,
            members: rows.map((row) => row.userId),
            departed: departed.map((holder) => holder.id),
            cards: cards.length,
          },
        },
        () => [
          db
            .update(groups)
            .set({ epoch: body.epoch, x25519Pk: body.x25519Pk, pkSig: body.pkSig, pkBy: session.user.id })
            .where(and(eq(groups.id, group.id), eq(groups.epoch, group.epoch))),
          ...rows.map((row) => db.insert(groupKeyWraps).values(row)),
          db.insert(groupKeyChain).values({
            groupId: group.id,
            epoch: group.epoch,
            enc: body.chain.enc,
            ct: body.chain.ct,
            byUserId: session.user.id,
            createdAt: Date.now(),
          }),
          ...cards,
        ],
      );
    // Two members rotating at once collide on the new epoch's wraps or on the chain link.
    await refuseDuplicate('group_key_wraps', rotatedFirst, () =>
      refuseDuplicate('group_key_chain', rotatedFirst, rotate),
    );
    return c.json({ ok: true as const, epoch: body.epoch }, 201);
  },
);
