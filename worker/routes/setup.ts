import { Hono } from 'hono';
import { setupRequestSchema } from '../../core/api/setup.js';
import { commitAudited } from '../audit.js';
import { assertValidCert } from '../certificates.js';
import { pepperedHash } from '../credentials.js';
import { insertDashboards, shippedDashboardRows } from '../dashboards.js';
import { type OrgRow, org, rootKeyWraps, users } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { findOrg, orgQuery } from '../org.js';
import { setSessionCookie, startSession } from '../sessions.js';
import { jsonBody } from '../validation.js';
import { toSessionView } from '../views.js';

/** First run: the browser made every key; the server stores the public and wrapped parts. */
export const setup = new Hono<AppEnv>();

const alreadyInitialized = () =>
  new ApiError(409, 'already_initialized', 'the organization is already set up');

setup.get('/status', async (c) => c.json({ initialized: (await findOrg(c.var.db)) !== undefined }));

setup.post('/', jsonBody(setupRequestSchema), async (c) => {
  const { db, pepper } = c.var;
  const body = c.req.valid('json');
  const orgRows = await orgQuery(db);
  if (orgRows[0]) throw alreadyInitialized();
  const { admin } = body;
  assertValidCert(body.org.rootPk, admin, admin.cert);

  const now = Date.now();
  const orgRow: OrgRow = {
    id: body.org.id,
    singleton: 1,
    name: body.org.name,
    rootPk: body.org.rootPk,
    recoveryPk: body.org.recoveryPk,
    recoveryThreshold: body.org.recoveryThreshold,
    recoveryShareCount: body.org.recoveryShareCount,
    settings: body.org.locale ? { locale: body.org.locale } : {},
    createdAt: now,
  };
  const adminRow = {
    id: admin.id,
    email: admin.email,
    displayName: admin.displayName,
    roles: ['admin' as const],
    status: 'active' as const,
    kdfSalt: admin.kdf.salt,
    kdfM: admin.kdf.m,
    kdfT: admin.kdf.t,
    kdfP: admin.kdf.p,
    authHash: pepperedHash(pepper, admin.authKey),
    keyBundle: admin.keyBundle,
    recoveryBundle: admin.recoveryBundle,
    recoveryAuthHash: pepperedHash(pepper, admin.recoveryAuthKey),
    x25519Pk: admin.x25519Pk,
    ed25519Pk: admin.ed25519Pk,
    certSig: admin.cert.sig,
    certIssuedAt: admin.cert.issuedAtMs,
    createdAt: now,
    supervisorId: null,
  };
  const rootWrap = { ...body.rootWrap, userId: admin.id, byUserId: admin.id, createdAt: now };
  const session = startSession(db, c.env, orgRow, admin.id);
  // A new center starts with the shipped dashboards, named in the language it was set up in.
  const shippedDashboards = shippedDashboardRows(new Set(), body.org.locale ?? 'zh-CN', admin.id, now);
  try {
    await commitAudited(
      db,
      orgRow.id,
      {
        actor: admin.id,
        type: 'org.created',
        subject: orgRow.id,
        details: {
          name: orgRow.name,
          adminEmail: admin.email,
          dashboards: shippedDashboards.map((row) => row.template ?? ''),
        },
      },
      () => [
        db.insert(org).values(orgRow),
        db.insert(users).values(adminRow),
        db.insert(rootKeyWraps).values(rootWrap),
        session.insert,
        ...insertDashboards(db, shippedDashboards),
      ],
    );
  } catch (error) {
    // The org table admits one row: a setup that lost a race fails as a whole, here.
    if (await findOrg(db)) throw alreadyInitialized();
    throw error;
  }
  setSessionCookie(c, session.token, session.absoluteExpiresAt);
  return c.json(await toSessionView(db, c.env, orgRow, adminRow, session, [rootWrap]), 201);
});
