import type { ContactCard } from '../../../../crypto/index';
import * as protocol from '../protocol/cases/index';
import type { UserKeys } from '../vault';
import { withCaseContext } from './context';

export interface NewClientAndCase {
  readonly card: { name: string; phone: string; email: string; emergencyContact: string };
  readonly clientChannel: NonNullable<protocol.NewClient['channel']>;
  readonly serviceType: protocol.NewCase['serviceType'];
  readonly caseChannel: protocol.NewCase['channel'];
}

/** The contact card under its own key, then the case with epoch 0 wrapped to me and the recovery key. */
export function createClientAndCase(keys: UserKeys, input: NewClientAndCase): Promise<string> {
  const card: ContactCard = {};
  for (const [field, value] of Object.entries(input.card)) if (value.trim()) card[field] = value.trim();
  return withCaseContext(keys, async (context) => {
    const client = await protocol.createClient(context, { card, channel: input.clientChannel });
    const created = await protocol.createCase(context, {
      clientId: client.id,
      serviceType: input.serviceType,
      channel: input.caseChannel,
    });
    return created.id;
  });
}
