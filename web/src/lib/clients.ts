/**
 * The contact compartment for the pages (DESIGN §2): the front desk's client list, new clients
 * without a case, handing a card to a counselor, and the admin's first front-desk key. Like
 * lib/cases.ts it adapts lib/protocol/cases to the vault: the front-desk private key is opened
 * for one ceremony and wiped at its end; decrypted cards live only in the page's memory.
 */

import { FRONT_DESK_ROLE, groupListSchema, userListSchema } from '../../../core/api/index';
import type { ContactCard } from '../../../crypto/index';
import { ApiError, createApiClient } from './api-client';
import { toAppError } from './app-errors';
import { withCaseContext } from './cases';
import * as protocol from './protocol/cases/index';
import type { UserKeys } from './vault';

export type ClientChannel = NonNullable<protocol.NewClient['channel']>;

export interface ContactFields {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly emergencyContact: string;
}

export interface ClientListing {
  /** false while the front-desk key has not reached me yet (no group, or no member visited) */
  readonly holdsFrontDeskKey: boolean;
  readonly clients: readonly protocol.ClientCardEntry[];
}

/** Runs `use` with my front-desk key open (null if I hold none), wiping it afterwards. */
function withFrontDeskKey<T>(
  keys: UserKeys,
  use: (context: protocol.CaseContext, key: protocol.FrontDeskKey | null) => Promise<T>,
): Promise<T> {
  return withCaseContext(keys, async (context) => {
    const key = await protocol.openFrontDeskKey(context);
    try {
      return await use(context, key);
    } finally {
      if (key) protocol.closeFrontDeskKey(key);
    }
  });
}

/** Every client whose card I can open (through the front desk or my own wrap), decrypted here. */
export function listClients(keys: UserKeys): Promise<ClientListing> {
  return withFrontDeskKey(keys, async (context, key) => ({
    holdsFrontDeskKey: key !== null,
    clients: await protocol.listClientCards(context, key),
  }));
}

/** Only the filled fields go into the envelope. */
export function contactCardOf(fields: ContactFields): ContactCard {
  const card: ContactCard = {};
  for (const [field, value] of Object.entries(fields)) if (value.trim()) card[field] = value.trim();
  return card;
}

/** A client with a contact card only; a counselor opens the case later. */
export function createClient(
  keys: UserKeys,
  input: { card: ContactFields; channel: ClientChannel },
): Promise<string> {
  return withCaseContext(keys, async (context) => {
    const created = await protocol.createClient(context, {
      card: contactCardOf(input.card),
      channel: input.channel,
    });
    return created.id;
  });
}

/** Hands the card to the counselor who will see the client, so they can open a case for them. */
export function shareClientWith(keys: UserKeys, clientId: string, counselorId: string): Promise<void> {
  return withFrontDeskKey(keys, (context, key) =>
    protocol.shareContactCard(context, key, clientId, counselorId),
  );
}

/**
 * The booking process's hand-over (issue 6): as shareClientWith, but a counselor who already
 * holds the card (matched again, or a retry after the step failed to complete) is no failure.
 */
export function handOverCard(keys: UserKeys, clientId: string, counselorId: string): Promise<void> {
  return withFrontDeskKey(keys, async (context, key) => {
    try {
      await protocol.shareContactCard(context, key, clientId, counselorId);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'already_granted')) throw error;
    }
  });
}

/** A case for a client whose card I already hold. */
export function openCaseForClient(
  keys: UserKeys,
  input: {
    clientId: string;
    serviceType: protocol.NewCase['serviceType'];
    channel: protocol.NewCase['channel'];
  },
): Promise<string> {
  return withCaseContext(keys, async (context) => (await protocol.createCase(context, input)).id);
}

/** The admin's browser makes the first front-desk key for the certified front-desk members. */
export function createFrontDeskKey(keys: UserKeys, name: string): Promise<void> {
  return withCaseContext(keys, (context) => protocol.createFrontDeskGroup(context, name));
}

export interface FrontDeskStatus {
  /** the current key's epoch and when the group was made; null before the first key */
  readonly key: { readonly epoch: number; readonly createdAt: number } | null;
  /** active front-desk users whose keys are certified: who can hold the key */
  readonly members: number;
}

const api = createApiClient();

/** Operational facts only: whether the front-desk key exists and who could hold it. */
export async function frontDeskStatus(): Promise<FrontDeskStatus> {
  try {
    const [{ groups }, { users }] = await Promise.all([
      api.get('/api/groups', groupListSchema),
      api.get('/api/users/directory', userListSchema),
    ]);
    const [group] = groups;
    return {
      key: group ? { epoch: group.epoch, createdAt: group.createdAt } : null,
      members: users.filter(
        (user) => user.status === 'active' && user.cert !== null && user.roles.includes(FRONT_DESK_ROLE),
      ).length,
    };
  } catch (error) {
    throw toAppError(error);
  }
}

export interface Counselor {
  readonly id: string;
  readonly displayName: string;
}

/** Active counselors with certified keys: the only people a card can be handed to. */
export async function listCounselors(): Promise<readonly Counselor[]> {
  try {
    const { users } = await api.get('/api/users/directory', userListSchema);
    return users
      .filter((user) => user.status === 'active' && user.cert !== null && user.roles.includes('counselor'))
      .map((user) => ({ id: user.id, displayName: user.displayName }));
  } catch (error) {
    throw toAppError(error);
  }
}
