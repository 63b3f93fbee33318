import { and, desc, eq, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AuditEventType } from '../../core/api/audit.js';
import {
  authParamsRequestSchema,
  loginRequestSchema,
  passphraseChangeRequestSchema,
  recoveryLoginRequestSchema,
} from '../../core/api/auth.js';
import type { KdfParams } from '../../core/api/kdf.js';
import { KDF_DEFAULT } from '../../crypto/passphrase.js';
import { commitAudited } from '../audit.js';
import { fakeSalt, pepperedHash } from '../credentials.js';
import { org, rootKeyWraps, sessions, users } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { requireOrg } from '../org.js';
import {
  clearSessionCookie,
  readSessionCookie,
  resumeSession,
  setSessionCookie,
  startSession,
} from '../sessions.js';
import { type CredentialKind, checkCredential, clientIp, findUserByEmail } from '../sign-in.js';
import { throttleKeys, throttleMap, throttleQuery } from '../throttle.js';
import { jsonBody } from '../validation.js';
import { toSessionView } from '../views.js';

/** PROTOCOL §4 login: parameter look-up, auth key, the encrypted key bundle back. */
export const auth = new Hono<AppEnv>();

auth.post('/params', jsonBody(authParamsRequestSchema), async (c) => {
  const { db, pepper } = c.var;
  const { email } = c.req.valid('json');
  await requireOrg(db);
  // The fake salt and both look-ups run for every email, so known and unknown cost the same.
  const salt = fakeSalt(pepper, email);
  const [user, newest] = await Promise.all([
    findUserByEmail(c, email),
    // An unknown email gets the parameters of the newest account, so its answer looks the same.
    db.select({ m: users.kdfM, t: users.kdfT }).from(users).orderBy(desc(users.createdAt)).limit(1).get(),
  ]);
  if (user) return c.json<KdfParams>({ salt: user.kdfSalt, m: user.kdfM, t: user.kdfT, p: 1 });
  return c.json<KdfParams>({ salt, m: newest?.m ?? KDF_DEFAULT.m, t: newest?.t ?? KDF_DEFAULT.t, p: 1 });
});

const SIGN_IN_EVENTS: Record<CredentialKind, { ok: AuditEventType; failed: AuditEventType }> = {
  passphrase: { ok: 'auth.login', failed: 'auth.login_failed' },
  recovery: { ok: 'auth.recovery_login', failed: 'auth.recovery_login_failed' },
};

async function signIn(
  c: Parameters<typeof checkCredential>[0],
  email: string,
  key: string,
  kind: CredentialKind,
) {
  const { db } = c.var;
  // One read batch: the org, the account, both throttle rows and the account's root wrap.
  const [orgRows, userRows, throttleRows, rootWrapRows] = await db.batch([
    db.select().from(org).limit(1),
    db.select().from(users).where(eq(users.email, email)).limit(1),
    throttleQuery(db, throttleKeys(email, clientIp(c))),
    db
      .select({ wrap: rootKeyWraps })
      .from(rootKeyWraps)
      .innerJoin(users, eq(users.id, rootKeyWraps.userId))
      .where(eq(users.email, email))
      .limit(1),
  ]);
  const [orgRow] = orgRows;
  if (!orgRow) throw new ApiError(409, 'not_initialized', 'the organization has not been set up yet');
  const { user, ip, clearThrottle } = await checkCredential(c, {
    orgId: orgRow.id,
    email,
    user: userRows[0],
    kind,
    key,
    failure: { type: SIGN_IN_EVENTS[kind].failed },
    read: { throttle: throttleMap(throttleRows) },
  });
  const session = startSession(db, c.env, orgRow, user.id);
  await commitAudited(
    db,
    orgRow.id,
    { actor: user.id, type: SIGN_IN_EVENTS[kind].ok, subject: user.id, details: { ip } },
    () => [session.insert, clearThrottle()],
  );
  setSessionCookie(c, session.token, session.absoluteExpiresAt);
  const rootWrap = rootWrapRows.map(({ wrap }) => wrap);
  return { user, view: await toSessionView(db, c.env, orgRow, user, session, rootWrap) };
}

auth.post('/login', jsonBody(loginRequestSchema), async (c) => {
  const { email, authKey } = c.req.valid('json');
  const { view } = await signIn(c, email, authKey, 'passphrase');
  return c.json(view);
});

auth.post('/recovery-login', jsonBody(recoveryLoginRequestSchema), async (c) => {
  const { email, recoveryAuthKey } = c.req.valid('json');
  const { user, view } = await signIn(c, email, recoveryAuthKey, 'recovery');
  return c.json({ ...view, recoveryBundle: user.recoveryBundle });
});

/** Always succeeds and clears the cookie; an active session is ended and the logout audited. */
auth.post('/logout', async (c) => {
  const { db } = c.var;
  const lookup = await resumeSession(db, c.env, readSessionCookie(c));
  if (lookup.kind === 'active') {
    const { session } = lookup;
    await commitAudited(
      db,
      session.org.id,
      { actor: session.user.id, type: 'auth.logout', subject: session.user.id },
      () => [db.delete(sessions).where(eq(sessions.tokenHash, session.tokenHash))],
    );
  }
  clearSessionCookie(c);
  return c.json({ ok: true as const });
});

auth.get('/session', requireSession, async (c) => {
  const { session } = c.var;
  return c.json(await toSessionView(c.var.db, c.env, session.org, session.user, session));
});

auth.post('/passphrase', requireSession, jsonBody(passphraseChangeRequestSchema), async (c) => {
  const { db, pepper, session } = c.var;
  const body = c.req.valid('json');
  const kind: CredentialKind = body.currentAuthKey !== undefined ? 'passphrase' : 'recovery';
  const throttleRows = await throttleQuery(db, throttleKeys(session.user.email, clientIp(c)));
  await checkCredential(c, {
    orgId: session.org.id,
    email: session.user.email,
    user: session.user,
    kind,
    key: body.currentAuthKey ?? body.currentRecoveryAuthKey ?? '',
    failure: { type: 'auth.login_failed', details: { during: 'passphrase_change' } },
    read: { throttle: throttleMap(throttleRows) },
  });
  const credentials = {
    kdfSalt: body.kdf.salt,
    kdfM: body.kdf.m,
    kdfT: body.kdf.t,
    kdfP: body.kdf.p,
    authHash: pepperedHash(pepper, body.authKey),
    keyBundle: body.keyBundle,
    ...(body.recovery && {
      recoveryBundle: body.recovery.recoveryBundle,
      recoveryAuthHash: pepperedHash(pepper, body.recovery.recoveryAuthKey),
    }),
  };
  const userId = session.user.id;
  await commitAudited(
    db,
    session.org.id,
    {
      actor: userId,
      type: 'auth.passphrase_changed',
      subject: userId,
      details: { via: kind, recoveryReplaced: body.recovery !== undefined },
    },
    () => [
      db.update(users).set(credentials).where(eq(users.id, userId)),
      // Whoever knew the old passphrase may hold another session: end them all but this one.
      db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, session.tokenHash))),
    ],
  );
  return c.json({ ok: true as const });
});
