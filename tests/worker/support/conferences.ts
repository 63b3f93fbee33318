import { expect } from 'vitest';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '../../../crypto/bytes.js';
import {
  generateConferenceKey,
  openConferenceMessage,
  rotateConferenceKey,
  sealConferenceMessage,
  unrollConferenceKeys,
} from '../../../crypto/conference.js';
import { unwrapConferenceKey, wrapConferenceKey } from '../../../crypto/grant.js';
import { openCase } from './case-files.js';
import type { Account } from './factories.js';
import { addMember, type Member, type Organization, setUpOrganization } from './scenario.js';

/** Conference requests built with crypto/ as a browser builds them: real wraps, real signed envelopes. */

const b64 = toBase64Url;

/** A conference as a participant's browser holds it. */
export interface Conference {
  orgId: string;
  id: string;
  caseId: string;
  epoch: number;
  key: Uint8Array;
  expiresAt: number;
}

export function conferenceWrap(
  conf: Pick<Conference, 'orgId' | 'id' | 'epoch' | 'key'>,
  granter: Account,
  to: Account,
  expiresAt = 0,
) {
  const wrapped = wrapConferenceKey(
    {
      org: conf.orgId,
      conferenceId: conf.id,
      epoch: conf.epoch,
      to: to.id,
      expiresAtMs: expiresAt,
      by: granter.id,
    },
    conf.key,
    to.keys.x25519Pk,
    granter.keys.ed25519Seed,
  );
  return { to: to.id, expiresAt, enc: b64(wrapped.enc), ct: b64(wrapped.ct), sig: b64(wrapped.sig) };
}

export function openRequest(
  center: Organization,
  caseId: string,
  creator: Account,
  others: Account[],
  expiresAt = 0,
) {
  const conf: Conference = {
    orgId: center.org.id,
    id: crypto.randomUUID(),
    caseId,
    epoch: 1,
    key: generateConferenceKey(),
    expiresAt,
  };
  const body = {
    id: conf.id,
    caseId,
    expiresAt,
    wraps: [creator, ...others].map((who) => conferenceWrap(conf, creator, who, expiresAt)),
  };
  return { conf, body };
}

export async function openConference(
  center: Organization,
  caseId: string,
  creator: Member,
  others: Member[],
  expiresAt = 0,
): Promise<Conference> {
  const { conf, body } = openRequest(
    center,
    caseId,
    creator.account,
    others.map((o) => o.account),
    expiresAt,
  );
  const res = await creator.browser.post('/api/conferences', body);
  if (res.status !== 201) throw new Error(`open conference failed: ${JSON.stringify(res.body)}`);
  return conf;
}

export function messageRequest(conf: Conference, author: Account, text: string, mentions: string[] = []) {
  const id = crypto.randomUUID();
  const sealed = sealConferenceMessage(
    conf.key,
    { org: conf.orgId, conferenceId: conf.id, messageId: id, epoch: conf.epoch, author: author.id },
    utf8(text),
    author.keys.ed25519Seed,
  );
  return { id, epoch: conf.epoch, envelope: b64(sealed.envelope), sig: b64(sealed.sig), mentions };
}

/** Epoch e+1 wrapped by `by` to `remaining` (no expiry), and e's key under it. */
export function rotationRequest(conf: Conference, by: Account, remaining: Account[], expiresAt = 0) {
  const rotated = rotateConferenceKey(conf.orgId, conf.id, conf.epoch, conf.key);
  const next: Conference = { ...conf, epoch: rotated.epoch, key: rotated.key };
  return {
    next,
    body: {
      epoch: rotated.epoch,
      chain: b64(rotated.chain),
      wraps: remaining.map((who) => conferenceWrap(next, by, who, expiresAt)),
    },
  };
}

/** A counselor holding a case, two certified colleagues without it, and an outsider. */
export async function clinic() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const colleague = await addMember(center, ['counselor']);
  const supervisor = await addMember(center, ['supervisor']);
  const outsider = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  return { center, counselor, colleague, supervisor, outsider, file };
}

/** What a participant's browser does to read: its own wraps, the chain, then every message. */
export async function readThread(
  center: Organization,
  conf: Conference,
  reader: Member,
  authors: Map<string, Member>,
) {
  const keys = await reader.browser.get(`/api/conferences/${conf.id}/keys`);
  expect(keys.status).toBe(200);
  const newest = keys.body.wraps.at(-1);
  const byId = new Map([...authors.values()].map((m) => [m.account.id, m.account]));
  const granter = byId.get(newest.byUserId);
  if (!granter) throw new Error('unknown granter');
  const key = await unwrapConferenceKey(
    {
      org: center.org.id,
      conferenceId: conf.id,
      epoch: newest.epoch,
      to: reader.account.id,
      expiresAtMs: newest.expiresAt,
      by: newest.byUserId,
    },
    { enc: fromBase64Url(newest.enc), ct: fromBase64Url(newest.ct), sig: fromBase64Url(newest.sig) },
    reader.account.keys.x25519Sk,
    granter.keys.ed25519Pk,
    Date.now(),
  );
  const chains = new Map<number, Uint8Array>(
    keys.body.chain.map((link: { epoch: number; envelope: string }) => [
      link.epoch,
      fromBase64Url(link.envelope),
    ]),
  );
  const epochKeys = unrollConferenceKeys(center.org.id, conf.id, newest.epoch, key, chains);
  const res = await reader.browser.get(`/api/conferences/${conf.id}/messages`);
  expect(res.status).toBe(200);
  const texts: string[] = [];
  for (const message of res.body.messages) {
    const author = byId.get(message.authorId);
    const epochKey = epochKeys.get(message.epoch);
    if (!author || !epochKey) throw new Error('cannot open a message');
    const plain = await openConferenceMessage(
      epochKey,
      {
        org: center.org.id,
        conferenceId: conf.id,
        messageId: message.id,
        epoch: message.epoch,
        author: author.id,
      },
      { envelope: fromBase64Url(message.envelope), sig: fromBase64Url(message.sig) },
      author.keys.ed25519Pk,
    );
    texts.push(fromUtf8(plain));
  }
  return texts;
}

/** Members by account id: the authors readThread checks signatures against. */
export const people = (...members: Member[]) => new Map(members.map((m) => [m.account.id, m]));
