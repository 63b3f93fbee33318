import { clientViewSchema, userListSchema } from '../../../../../core/api/index';
import {
  type ContactCard,
  decryptContactCard,
  fail,
  fromBase64Url,
  unwrapContactKey,
} from '../../../../../crypto/index';
import { ApiError } from '../../api-client';
import type { CaseContext } from './context';
import { certifiedPeople } from './context';

/**
 * A client's contact card, if this person holds its key (DESIGN §2: its own compartment — a
 * supervisor with a case grant usually does not). Null when they do not.
 */
export async function openContactCard(context: CaseContext, clientId: string): Promise<ContactCard | null> {
  const { api, me, orgId, rootPk } = context;
  let client: Awaited<ReturnType<typeof fetchClient>>;
  // The directory is needed to check who granted the card key; fetch both at once.
  const directory = api.get('/api/users/directory', userListSchema);
  directory.catch(() => undefined); // awaited below when needed; never an unhandled rejection
  try {
    client = await fetchClient(context, clientId);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
  const wrap = client.wraps.find(
    (candidate) =>
      candidate.toKind === 'user' && candidate.to === me.id && candidate.epoch === client.contactEpoch,
  );
  if (!wrap) return null;
  const { users } = await directory;
  const granterPk =
    certifiedPeople(rootPk, users).get(wrap.byUserId)?.ed25519Pk ??
    fail('uncertified', 'the contact card key was granted by an uncertified key');
  const key = await unwrapContactKey(
    {
      org: orgId,
      clientId,
      epoch: wrap.epoch,
      to: me.id,
      perm: wrap.perm,
      expiresAtMs: wrap.expiresAt,
      by: wrap.byUserId,
    },
    { enc: fromBase64Url(wrap.enc), ct: fromBase64Url(wrap.ct), sig: fromBase64Url(wrap.sig) },
    me.keys.x25519Sk,
    granterPk,
    context.now?.() ?? Date.now(),
  );
  try {
    return decryptContactCard(
      key,
      { org: orgId, clientId, epoch: client.contactEpoch },
      fromBase64Url(client.contactEnvelope),
    );
  } finally {
    key.fill(0);
  }
}

function fetchClient(context: CaseContext, clientId: string) {
  return context.api.get(`/api/clients/${clientId}`, clientViewSchema);
}
