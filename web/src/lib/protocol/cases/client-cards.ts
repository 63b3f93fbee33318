import {
  type ClientSummary,
  type ClientView,
  clientCardListSchema,
  clientViewSchema,
  contactWrapViewSchema,
  userListSchema,
} from '../../../../../core/api/index';
import { z } from '../../../../../core/api/zod';
import {
  type ContactCard,
  contactGrantInfo,
  decryptContactCard,
  fail,
  fromBase64Url,
  unwrapContactKey,
  wrapKey,
} from '../../../../../crypto/index';
import { type CaseContext, type CertifiedPerson, certifiedPeople } from './context';
import type { FrontDeskKey } from './front-desk';
import { encodeWrap } from './wraps';

/**
 * The contact compartment (DESIGN §2) as the front desk works with it: the cards a person can
 * open — through a wrap to them, or to the front-desk group whose key they hold — and sharing a
 * card with the counselor who will open a case for the client.
 */

export interface ClientCardEntry extends ClientSummary {
  /** null when this card's key could not be opened (a wrap that fails its checks) */
  card: ContactCard | null;
}

/** The card key through my own wrap, or through the front desk's. */
async function openCardKey(
  context: CaseContext,
  client: ClientView,
  frontDesk: FrontDeskKey | null,
  people: ReadonlyMap<string, CertifiedPerson>,
): Promise<{ key: Uint8Array; perm: 'read' | 'write' }> {
  const current = client.wraps.filter((wrap) => wrap.epoch === client.contactEpoch);
  const wrap =
    current.find((candidate) => candidate.toKind === 'user' && candidate.to === context.me.id) ??
    (frontDesk
      ? current.find((candidate) => candidate.toKind === 'group' && candidate.to === frontDesk.group.id)
      : undefined) ??
    fail('wrong-key', 'no wrap of this contact card opens with my keys');
  const granter =
    people.get(wrap.byUserId) ??
    fail('uncertified', 'the contact card key was granted by an uncertified key');
  const recipientSk =
    wrap.toKind === 'user' ? context.me.keys.x25519Sk : (frontDesk as FrontDeskKey).secretKey;
  const key = await unwrapContactKey(
    {
      org: context.orgId,
      clientId: client.id,
      epoch: wrap.epoch,
      to: wrap.to,
      perm: wrap.perm,
      expiresAtMs: wrap.expiresAt,
      by: wrap.byUserId,
    },
    { enc: fromBase64Url(wrap.enc), ct: fromBase64Url(wrap.ct), sig: fromBase64Url(wrap.sig) },
    recipientSk,
    granter.ed25519Pk,
    context.now?.() ?? Date.now(),
  );
  return { key, perm: wrap.perm };
}

async function directoryPeople(context: CaseContext) {
  const { users } = await context.api.get('/api/users/directory', userListSchema);
  return certifiedPeople(context.rootPk, users);
}

/** Every card I can open, decrypted in memory; a card that fails its checks is listed without content. */
export async function listClientCards(
  context: CaseContext,
  frontDesk: FrontDeskKey | null,
): Promise<ClientCardEntry[]> {
  const [{ cards }, people] = await Promise.all([
    context.api.get('/api/clients/cards', clientCardListSchema),
    directoryPeople(context),
  ]);
  return Promise.all(
    cards.map(async (client) => {
      const { contactEnvelope, wraps: _wraps, ...summary } = client;
      try {
        const { key } = await openCardKey(context, client, frontDesk, people);
        try {
          const card = decryptContactCard(
            key,
            { org: context.orgId, clientId: client.id, epoch: client.contactEpoch },
            fromBase64Url(contactEnvelope),
          );
          return { ...summary, card };
        } finally {
          key.fill(0);
        }
      } catch {
        return { ...summary, card: null };
      }
    }),
  );
}

const sharedWrapsSchema = z.object({ wraps: z.array(contactWrapViewSchema) });

/** Wraps the card key to a certified colleague (write: they may open a case and share it on). */
export async function shareContactCard(
  context: CaseContext,
  frontDesk: FrontDeskKey | null,
  clientId: string,
  withUserId: string,
): Promise<void> {
  const [client, people] = await Promise.all([
    context.api.get(`/api/clients/${clientId}`, clientViewSchema),
    directoryPeople(context),
  ]);
  const colleague =
    people.get(withUserId) ?? fail('uncertified', 'a contact card is shared only with certified keys');
  const { key } = await openCardKey(context, client, frontDesk, people);
  try {
    const info = contactGrantInfo({
      org: context.orgId,
      clientId,
      epoch: client.contactEpoch,
      to: withUserId,
      perm: 'write',
      expiresAtMs: 0,
      by: context.me.id,
    });
    const wrap = {
      ...encodeWrap(wrapKey(info, key, colleague.x25519Pk, context.me.keys.ed25519Seed)),
      toKind: 'user' as const,
      to: withUserId,
      perm: 'write' as const,
      expiresAt: 0,
    };
    await context.api.send(
      'POST',
      `/api/clients/${clientId}/wraps`,
      { epoch: client.contactEpoch, wraps: [wrap] },
      sharedWrapsSchema,
    );
  } finally {
    key.fill(0);
  }
}
