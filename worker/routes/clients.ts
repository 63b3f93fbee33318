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
import {
  judgeVisibleCards,
  judgeVisibleClient,
  visibleCards,
  visibleCardsQueries,
  visibleClientQueries,
} from '../contact-access.js';
import { type Db, isUniqueViolation, refuseDuplicate } from '../db/client.js';
import {
  type ClientRow,
  type ContactKeyWrapRow,
  clients,
  contactKeyWraps,
  groups,
  type UserRow,
} from '../db/schema.js';
import type { ActiveSession, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { eligibleGroupIds, myGroupsQuery } from '../group-membership.js';
import {
  assertDistinctRecipients,
  assertGrantSignature,
  assertRecipient,
  requireCertified,
} from '../key-wraps.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { toUserMap, usersByIdQuery } from '../people.js';
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

/** The wraps' user and group recipients, as queries for the caller's read batch. */
function recipientQueries(db: Db, wraps: readonly ContactWrap[]) {
  return [
    usersByIdQuery(
      db,
      wraps.filter((wrap) => wrap.toKind === 'user').map((wrap) => wrap.to),
    ),
    db
      .select({ id: groups.id })
      .from(groups)
      .where(
        inArray(
          groups.id,
          wraps.filter((wrap) => wrap.toKind === 'group').map((wrap) => wrap.to),
        ),
      ),
  ] as const;
}

/** Checks recipients and signatures (PROTOCOL §5, `tacit/1/contact-grant|…`); returns the rows. */
function contactWrapRows(
  session: ActiveSession,
  clientId: string,
  epoch: number,
  wraps: ContactWrap[],
  [userRows, groupRows]: readonly [readonly UserRow[], readonly { id: string }[]],
): ContactKeyWrapRow[] {
  const people = toUserMap(userRows);
  const knownGroups = new Set(groupRows.map((g) => g.id));
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

/** What must hold before any recipient is looked at. */
function assertCanShare(session: ActiveSession, wraps: readonly ContactWrap[]): void {
  requireCertified(session.user, 'share a contact card');
  assertDistinctRecipients(wraps.map((wrap) => wrap.to));
}

clientRoutes.post(
  '/',
  requireRoles('frontdesk', 'counselor'),
  jsonBody(createClientRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const body = c.req.valid('json');
    assertCanShare(session, body.wraps);
    // One read batch: the recipients and the caller's groups.
    const [userRows, groupRows, myGroupRows] = await db.batch([
      ...recipientQueries(db, body.wraps),
      myGroupsQuery(db, session.user.id),
    ]);
    const rows = contactWrapRows(session, body.id, 0, body.wraps, [userRows, groupRows]);
    const mine = new Set([session.user.id, ...eligibleGroupIds(myGroupRows)]);
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
  const [groupRows, clientRows, wrapRows] = await db.batch([...visibleCardsQueries(db, session.user.id)]);
  const cards = judgeVisibleCards(session.user.id, Date.now(), groupRows, clientRows, wrapRows);
  if (cards.size > 0) {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'client.cards_read',
        subject: session.user.id,
        details: { clients: [...cards.keys()] },
      },
      undefined,
    );
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
  const [clientRows, groupRows, wrapRows] = await db.batch([
    ...visibleClientQueries(db, session.user.id, c.req.valid('param').id),
  ]);
  const { client, wraps } = judgeVisibleClient(session.user.id, Date.now(), [
    clientRows,
    groupRows,
    wrapRows,
  ]);
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'client.read',
      subject: client.id,
      details: { epoch: client.contactEpoch },
    },
    undefined,
  );
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
    const body = c.req.valid('json');
    // One read batch: the card and the caller's wraps of it, and the recipients.
    const [clientRows, groupRows, wrapRows, userRows, recipientGroupRows] = await db.batch([
      ...visibleClientQueries(db, session.user.id, c.req.valid('param').id),
      ...recipientQueries(db, body.wraps),
    ]);
    const { client, wraps } = judgeVisibleClient(session.user.id, Date.now(), [
      clientRows,
      groupRows,
      wrapRows,
    ]);
    if (!wraps.some((wrap) => wrap.perm === 'write')) {
      throw new ApiError(403, 'write_required', 'sharing a contact card needs write access to it');
    }
    if (body.epoch !== client.contactEpoch) {
      throw new ApiError(409, 'stale_epoch', `the contact-card key is at epoch ${client.contactEpoch}`);
    }
    assertCanShare(session, body.wraps);
    const rows = contactWrapRows(session, client.id, client.contactEpoch, body.wraps, [
      userRows,
      recipientGroupRows,
    ]);
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
