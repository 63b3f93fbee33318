import { withCaseContext } from '../../lib/cases/context';
import * as protocol from '../../lib/protocol/cases/index';
import type { UserKeys } from '../../lib/vault';

/**
 * Client names for the calendar, opened in this browser: through my own contact-card wraps, or
 * through the front-desk group key when I hold it. A client whose card I cannot open keeps a
 * neutral label; the server never sends a name (appointments carry client ids only).
 */

export interface ClientChoice {
  readonly id: string;
  readonly name: string | null;
}

export function openClientNames(keys: UserKeys): Promise<ClientChoice[]> {
  return withCaseContext(keys, async (context) => {
    const frontDesk = await protocol.openFrontDeskKey(context).catch(() => null);
    try {
      const cards = await protocol.listClientCards(context, frontDesk);
      return cards.map((entry) => ({
        id: entry.id,
        name: typeof entry.card?.name === 'string' ? entry.card.name : null,
      }));
    } finally {
      if (frontDesk) protocol.closeFrontDeskKey(frontDesk);
    }
  });
}

/** A new contact card holding only the name, wrapped to me and the front desk (DESIGN §2). */
export function createNamedClient(keys: UserKeys, name: string): Promise<string> {
  return withCaseContext(keys, async (context) => {
    const client = await protocol.createClient(context, { card: { name }, channel: 'phone' });
    return client.id;
  });
}

/** "Client ·3f2a": the same neutral label everywhere a name cannot be shown. */
export const clientTag = (clientId: string) => clientId.slice(0, 4);
