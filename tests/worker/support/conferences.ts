import { toBase64Url, utf8 } from '../../../crypto/bytes.js';
import {
  generateConferenceKey,
  rotateConferenceKey,
  sealConferenceMessage,
} from '../../../crypto/conference.js';
import { wrapConferenceKey } from '../../../crypto/grant.js';
import type { Account } from './factories.js';
import type { Member, Organization } from './scenario.js';

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
