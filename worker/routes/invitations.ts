import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  acceptInvitationRequestSchema,
  createInvitationRequestSchema,
  invitationIdParamSchema,
  invitationLookupRequestSchema,
} from '../../core/api/invitations.js';
import { commitAudited } from '../audit.js';
import { newToken, pepperedHash } from '../credentials.js';
import { isUniqueViolation } from '../db/client.js';
import { invitations, users } from '../db/schema.js';
import { mailWithCommit } from '../email.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import {
  findPendingInvitation,
  INVITATION_LIFETIME_MS,
  invitationByTokenQuery,
  invitationEmail,
  invitationStatus,
  pendingOf,
  toInvitationView,
} from '../invitations.js';
import { requireRoles } from '../middleware/session.js';
import { judgeOrg, orgQuery, requireOrg } from '../org.js';
import { setSessionCookie, startSession } from '../sessions.js';
import { jsonBody, pathParams } from '../validation.js';
import { rootWrapQuery, toSessionView } from '../views.js';

export const invitationRoutes = new Hono<AppEnv>();

const invitationInvalid = () =>
  new ApiError(404, 'invitation_invalid', 'this invitation link is unknown, used, revoked or expired');

invitationRoutes.post('/', requireRoles('admin'), jsonBody(createInvitationRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  const now = Date.now();
  // One read batch: an account with this email and a pending invitation of it.
  const [userRows, pendingRows] = await db.batch([
    db.select({ id: users.id }).from(users).where(eq(users.email, body.email)).limit(1),
    db
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.email, body.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .limit(1),
  ]);
  if (userRows[0]) {
    throw new ApiError(409, 'email_taken', 'someone already has an account with this email');
  }
  if (pendingRows[0])
    throw new ApiError(409, 'already_invited', 'this email has a pending invitation; revoke it first');

  const id = crypto.randomUUID();
  const { token, hash } = newToken();
  const expiresAt = now + INVITATION_LIFETIME_MS;
  // The token rides in the fragment, which browsers never send to a server (nor its logs).
  const link = `${new URL(c.req.url).origin}/invite#token=${token}`;
  const mail = mailWithCommit(c.env, db, c.req.url, {
    to: body.email,
    ...invitationEmail(session.org.name, link, expiresAt),
  });
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'invitation.created',
      subject: id,
      details: { email: body.email, roles: body.roles },
    },
    () => [
      db.insert(invitations).values({
        id,
        email: body.email,
        roles: body.roles,
        displayName: body.displayName ?? null,
        tokenHash: hash,
        invitedBy: session.user.id,
        createdAt: now,
        expiresAt,
      }),
      ...mail.statements,
    ],
  );
  await mail.afterCommit();
  return c.json({ id, expiresAt }, 201);
});

invitationRoutes.get('/', requireRoles('admin'), async (c) => {
  const rows = await c.var.db.select().from(invitations).orderBy(desc(invitations.createdAt));
  const now = Date.now();
  return c.json({ invitations: rows.map((row) => toInvitationView(row, now)) });
});

invitationRoutes.delete('/:id', requireRoles('admin'), pathParams(invitationIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const [[row]] = await db.batch([db.select().from(invitations).where(eq(invitations.id, id)).limit(1)]);
  if (!row) throw new ApiError(404, 'not_found', 'no such invitation');
  if (invitationStatus(row, Date.now()) !== 'pending') {
    throw new ApiError(409, 'invitation_not_pending', 'only a pending invitation can be revoked');
  }
  await commitAudited(
    db,
    session.org.id,
    { actor: session.user.id, type: 'invitation.revoked', subject: id, details: { email: row.email } },
    () => [db.update(invitations).set({ revokedAt: Date.now() }).where(eq(invitations.id, id))],
  );
  return c.json({ ok: true as const });
});

invitationRoutes.post('/lookup', jsonBody(invitationLookupRequestSchema), async (c) => {
  const { db } = c.var;
  const orgRow = await requireOrg(db);
  const row = await findPendingInvitation(db, c.req.valid('json').token);
  if (!row) throw invitationInvalid();
  return c.json({
    email: row.email,
    roles: row.roles,
    displayName: row.displayName,
    orgName: orgRow.name,
    rootPk: orgRow.rootPk,
  });
});

invitationRoutes.post('/accept', jsonBody(acceptInvitationRequestSchema), async (c) => {
  const { db, pepper } = c.var;
  const { token, user } = c.req.valid('json');
  // One read batch: the org, the invitation and any root wrap of the new user.
  const [orgRows, invitationRows, rootWrapRows] = await db.batch([
    orgQuery(db),
    invitationByTokenQuery(db, token),
    rootWrapQuery(db, user.id),
  ]);
  const orgRow = judgeOrg(orgRows);
  const invitation = pendingOf(invitationRows);
  if (!invitation) throw invitationInvalid();
  const now = Date.now();
  const userRow = {
    id: user.id,
    email: invitation.email,
    displayName: user.displayName,
    roles: invitation.roles,
    status: 'active' as const,
    kdfSalt: user.kdf.salt,
    kdfM: user.kdf.m,
    kdfT: user.kdf.t,
    kdfP: user.kdf.p,
    authHash: pepperedHash(pepper, user.authKey),
    keyBundle: user.keyBundle,
    recoveryBundle: user.recoveryBundle,
    recoveryAuthHash: pepperedHash(pepper, user.recoveryAuthKey),
    x25519Pk: user.x25519Pk,
    ed25519Pk: user.ed25519Pk,
    // Uncertified until an admin's browser signs the keys (PROTOCOL §4).
    certSig: null,
    certIssuedAt: null,
    createdAt: now,
    supervisorId: null,
  };
  const session = startSession(db, c.env, orgRow, user.id);
  try {
    await commitAudited(
      db,
      orgRow.id,
      {
        actor: user.id,
        type: 'invitation.accepted',
        subject: invitation.id,
        details: { email: invitation.email, roles: invitation.roles, userId: user.id },
      },
      () => [
        db.insert(users).values(userRow),
        db
          .update(invitations)
          .set({ acceptedAt: now, acceptedUserId: user.id })
          .where(eq(invitations.id, invitation.id)),
        session.insert,
      ],
    );
  } catch (error) {
    // users.email is unique: of two racing accepts of one invitation only one commits.
    if (isUniqueViolation(error, 'users.email')) throw invitationInvalid();
    if (isUniqueViolation(error, 'users.id')) throw new ApiError(409, 'conflict', 'this user id is taken');
    throw error;
  }
  setSessionCookie(c, session.token, session.absoluteExpiresAt);
  return c.json(await toSessionView(db, c.env, orgRow, userRow, session, rootWrapRows), 201);
});
