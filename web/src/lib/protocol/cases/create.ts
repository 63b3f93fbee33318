import {
  type ContactWrap,
  clientSummarySchema,
  myCaseSchema,
  ORG_RECOVERY,
} from '../../../../../core/api/index';
import {
  type ContactCard,
  contactGrantInfo,
  createCaseInboxKey,
  encryptContactCard,
  generateSymmetricKey,
  toBase64Url,
  wrapKey,
} from '../../../../../crypto/index';
import type { CaseContext } from './context';
import { frontDeskRecipient } from './front-desk';
import { caseWrapFor, encodeWrap } from './wraps';

/** Opening a file: the client's contact card and the case, each with its own key (DESIGN §2). */

export interface NewClient {
  card: ContactCard;
  channel?: 'website' | 'phone' | 'walk_in' | 'referral' | 'email' | 'other';
}

/** The card key wrapped to me and, once the center has one, to the front-desk group (DESIGN §2). */
export async function createClient(context: CaseContext, input: NewClient) {
  const { me, orgId } = context;
  const frontDesk = await frontDeskRecipient(context);
  const clientId = crypto.randomUUID();
  const key = generateSymmetricKey();
  const wrapTo = (toKind: 'user' | 'group', to: string, pk: Uint8Array): ContactWrap => ({
    ...encodeWrap(
      wrapKey(
        contactGrantInfo({ org: orgId, clientId, epoch: 0, to, perm: 'write', expiresAtMs: 0, by: me.id }),
        key,
        pk,
        me.keys.ed25519Seed,
      ),
    ),
    toKind,
    to,
    perm: 'write',
    expiresAt: 0,
  });
  const wraps = [wrapTo('user', me.id, me.keys.x25519Pk)];
  if (frontDesk) wraps.push(wrapTo('group', frontDesk.id, frontDesk.x25519Pk));
  const contactEnvelope = encryptContactCard(key, { org: orgId, clientId, epoch: 0 }, input.card);
  key.fill(0);
  return context.api.send(
    'POST',
    '/api/clients',
    {
      id: clientId,
      ...(input.channel ? { channel: input.channel } : {}),
      contactEnvelope: toBase64Url(contactEnvelope),
      wraps,
    },
    clientSummarySchema,
  );
}

export interface NewCase {
  clientId: string;
  serviceType: 'individual' | 'couple' | 'family' | 'group' | 'child_adolescent' | 'crisis' | 'assessment';
  channel: 'in_person' | 'video' | 'phone' | 'chat';
}

/** Epoch 0: the case key wrapped to me (the primary counselor) and to the org recovery key. */
export async function createCase(context: CaseContext, input: NewCase) {
  const { me, recoveryPk } = context;
  const caseId = crypto.randomUUID();
  const caseKey = generateSymmetricKey();
  const wrapTo = (to: string, pk: Uint8Array) =>
    caseWrapFor(context, caseId, 0, caseKey, { to, pk, perm: 'write', expiresAt: 0 });
  const inbox = createCaseInboxKey(caseId, 0, caseKey);
  inbox.secretKey.fill(0);
  const created = await context.api.send(
    'POST',
    '/api/cases',
    {
      id: caseId,
      clientId: input.clientId,
      serviceType: input.serviceType,
      channel: input.channel,
      inbox: { pk: toBase64Url(inbox.publicKey), sealed: toBase64Url(inbox.sealed) },
      wraps: [wrapTo(me.id, me.keys.x25519Pk), wrapTo(ORG_RECOVERY, recoveryPk)],
    },
    myCaseSchema,
  );
  caseKey.fill(0);
  return created;
}
