import { inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  addContactWrapsRequestSchema,
  clientIdParamSchema,
  createClientRequestSchema,
} from '../../core/api/clients.js';
import type { ContactWrap } from '../../core/api/key-wraps.js';
import { contactGrantInfo } from '../../crypto/grant.js';
import { commitAudited } from '../audit.js';
import { requireVisibleClient, visibleCards } from '../contact-access.js';
import { type Db, isUniqueViolation, refuseDuplicate } from '../db/client.js';
import { type ClientRow, type ContactKeyWrapRow, clients, contactKeyWraps, groups } from '../db/schema.js';
import type { ActiveSession, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { myGroupIds } from '../group-membership.js';
import {
  assertDistinctRecipients,
  assertGrantSignature,
  assertRecipient,
  requireCertified,
} from '../key-wraps.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { usersById } from '../people.js';
import { jsonBody, pathParams } from '../validation.js';

/** Clients and their contact cards (DESIGN §2: the contact compartment). */
export const clientRoutes = new Hono<AppEnv>();

const toClientSummary = (client: ClientRow) => ({
  id: client.id,
  channel: client.channel,
  contactEpoch: client.contactEpoch,
  createdBy: client.createdBy,
  createdAt: client.createdAt,
});

const toContactWrapView = (wrap: ContactKeyWrapRow) => ({
  id: wrap.id,
  epoch: wrap.epoch,
  toKind: wrap.toKind,
  to: wrap.toId,
  perm: wrap.perm,
  expiresAt: wrap.expiresAt,
  enc: wrap.enc,
  ct: wrap.ct,
  sig: wrap.sig,
  byUserId: wrap.byUserId,
  createdAt: wrap.createdAt,
});

/** Checks recipients and signatures (PROTOCOL §5, `tacit/1/contact-grant|…`); returns the rows. */
async function contactWrapRows(
  db: Db,
  session: ActiveSession,
  clientId: string,
  epoch: number,
  wraps: ContactWrap[],
): Promise<ContactKeyWrapRow[]> {
  requireCertified(session.user, 'share a contact card');
  assertDistinctRecipients(wraps.map((wrap) => wrap.to));
  const people = await usersById(
    db,
    wraps.filter((wrap) => wrap.toKind === 'user').map((wrap) => wrap.to),
  );
  const groupIds = wraps.filter((wrap) => wrap.toKind === 'group').map((wrap) => wrap.to);
  const knownGroups = new Set(
    groupIds.length === 0
      ? []
      : (await db.select({ id: groups.id }).from(groups).where(inArray(groups.id, groupIds))).map(
          (g) => g.id,
        ),
  );
  const now = Date.now();
  return wraps.map((wrap) => {
    if (wrap.toKind === 'user') assertRecipient(people.get(wrap.to), wrap.to);
    else if (!knownGroups.has(wrap.to)) throw new ApiError(409, 'bad_recipient', `no group ${wrap.to}`);
    const expiresAt = wrap.expiresAt ?? 0;
    const info = contactGrantInfo({
      org: session.org.id,
      clientId,
      epoch,
      to: wrap.to,
      perm: wrap.perm,
      expiresAtMs: expiresAt,
      by: session.user.id,
    });
    assertGrantSignature(info, wrap, session.user);
    return {
      id: crypto.randomUUID(),
      clientId,
      epoch,
      toKind: wrap.toKind,
      toId: wrap.to,
      perm: wrap.perm,
      expiresAt,
      enc: wrap.enc,
      ct: wrap.ct,
      sig: wrap.sig,
      byUserId: session.user.id,
      createdAt: now,
    };
  });
}

clientRoutes.post(
  '/',
  requireRoles('frontdesk', 'counselor'),
  jsonBody(createClientRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const body = c.req.valid('json');
    const rows = await contactWrapRows(db, session, body.id, 0, body.wraps);
    const mine = new Set([session.user.id, ...(await myGroupIds(db, session.user.id))]);
    if (!rows.some((row) => mine.has(row.toId))) {
      throw new ApiError(
        400,
        'bad_recipient',
        'wrap the contact-card key to yourself or to a group you are in',
      );
    }
    const client: ClientRow = {
      id: body.id,
      channel: body.channel ?? null,
      contactEpoch: 0,
      contactEnvelope: body.contactEnvelope,
      createdBy: session.user.id,
      createdAt: Date.now(),
    };
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'client.created',
          subject: client.id,
          details: { recipients: rows.map((row) => row.toId) },
        },
        () => [
          db.insert(clients).values(client),
          ...rows.map((row) => db.insert(contactKeyWraps).values(row)),
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'clients.id'))
        throw new ApiError(409, 'conflict', 'this client id is taken');
      throw error;
    }
    return c.json(toClientSummary(client), 201);
  },
);

/** The clients whose card the caller can open (metadata only). */
clientRoutes.get('/', requireSession, async (c) => {
  const cards = await visibleCards(c.var.db, c.var.session.user.id, Date.now());
  return c.json({ clients: [...cards.values()].map(({ client }) => toClientSummary(client)) });
});

/**
 * Every card the caller can open, with the wraps they can open it with: the front desk's client
 * list in one request. One audit event names every card read.
 */
clientRoutes.get('/cards', requireSession, async (c) => {
  const { db, session } = c.var;
  const cards = await visibleCards(db, session.user.id, Date.now());
  if (cards.size > 0) {
    await commitAudited(db, session.org.id, {
      actor: session.user.id,
      type: 'client.cards_read',
      subject: session.user.id,
      details: { clients: [...cards.keys()] },
    });
  }
  return c.json({
    cards: [...cards.values()].map(({ client, wraps }) => ({
      ...toClientSummary(client),
      contactEnvelope: client.contactEnvelope,
      wraps: wraps.map(toContactWrapView),
    })),
  });
});

clientRoutes.get('/:id', requireSession, pathParams(clientIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { client, wraps } = await requireVisibleClient(
    db,
    session.user.id,
    c.req.valid('param').id,
    Date.now(),
  );
  await commitAudited(db, session.org.id, {
    actor: session.user.id,
    type: 'client.read',
    subject: client.id,
    details: { epoch: client.contactEpoch },
  });
  return c.json({
    ...toClientSummary(client),
    contactEnvelope: client.contactEnvelope,
    wraps: wraps.map(toContactWrapView),
  });
});

/** A holder with write permission shares the current card key, e.g. with the matched counselor. */
clientRoutes.post(
  '/:id/wraps',
  requireSession,
  pathParams(clientIdParamSchema),
  jsonBody(addContactWrapsRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { client, wraps } = await requireVisibleClient(
      db,
      session.user.id,
      c.req.valid('param').id,
      Date.now(),
    );
    if (!wraps.some((wrap) => wrap.perm === 'write')) {
      throw new ApiError(403, 'write_required', 'sharing a contact card needs write access to it');
    }
    const body = c.req.valid('json');
    if (body.epoch !== client.contactEpoch) {
      throw new ApiError(409, 'stale_epoch', `the contact-card key is at epoch ${client.contactEpoch}`);
    }
    const rows = await contactWrapRows(db, session, client.id, client.contactEpoch, body.wraps);
    await refuseDuplicate(
      'contact_key_wraps',
      () => new ApiError(409, 'already_granted', 'a recipient already holds this contact-card key'),
      () =>
        commitAudited(
          db,
          session.org.id,
          {
            actor: session.user.id,
            type: 'client.wraps_added',
            subject: client.id,
            details: { epoch: client.contactEpoch, recipients: rows.map((row) => row.toId) },
          },
          () => rows.map((row) => db.insert(contactKeyWraps).values(row)),
        ),
    );
    return c.json({ wraps: rows.map(toContactWrapView) }, 201);
  },
);
