import { toBase64Url, utf8 } from '../../../crypto/bytes.js';
import { canonicalJson } from '../../../crypto/canonical-json.js';
import { sealArticleVersion } from '../../../crypto/knowledge.js';
import { generateStaffKey, rotateStaffKey, wrapStaffKey } from '../../../crypto/staff-key.js';
import type { Account } from './factories.js';
import type { Member, Organization } from './scenario.js';

/** Staff-key and knowledge-base requests built with crypto/ as a browser builds them. */

const b64 = toBase64Url;

/** The staff key as a holder's browser knows it. */
export interface StaffKey {
  orgId: string;
  epoch: number;
  key: Uint8Array;
}

export function staffWrap(key: StaffKey, granter: Account, to: Account) {
  const wrapped = wrapStaffKey(
    { org: key.orgId, epoch: key.epoch, to: to.id, by: granter.id },
    key.key,
    to.keys.x25519Pk,
    granter.keys.ed25519Seed,
  );
  return { to: to.id, enc: b64(wrapped.enc), ct: b64(wrapped.ct), sig: b64(wrapped.sig) };
}

/** `maker` creates the center's staff key (epoch 0) for itself and `others`. */
export async function createStaffKey(
  center: Organization,
  maker: Member,
  others: Member[],
): Promise<StaffKey> {
  const key: StaffKey = { orgId: center.org.id, epoch: 0, key: generateStaffKey() };
  const res = await maker.browser.post('/api/staff-key', {
    wraps: [maker, ...others].map((m) => staffWrap(key, maker.account, m.account)),
  });
  if (res.status !== 201) throw new Error(`staff key failed: ${JSON.stringify(res.body)}`);
  return key;
}

export function rotationRequest(current: StaffKey, rotator: Account, to: Account[]) {
  const rotated = rotateStaffKey(current.orgId, current.epoch, current.key);
  const next: StaffKey = { orgId: current.orgId, epoch: rotated.epoch, key: rotated.key };
  return {
    next,
    body: {
      epoch: next.epoch,
      chain: b64(rotated.chain),
      wraps: to.map((who) => staffWrap(next, rotator, who)),
    },
  };
}

export interface ArticleText {
  title: string;
  body: string;
}

export function sealedVersion(
  key: StaffKey,
  author: Account,
  articleId: string,
  version: number,
  text: ArticleText,
) {
  const sealed = sealArticleVersion(
    key.key,
    { org: key.orgId, articleId, version, epoch: key.epoch, author: author.id },
    utf8(canonicalJson({ ...text })),
    author.keys.ed25519Seed,
  );
  return { epoch: key.epoch, envelope: b64(sealed.envelope), sig: b64(sealed.sig) };
}

export function articleRequest(
  key: StaffKey,
  author: Account,
  text: ArticleText,
  categoryId: string | null = null,
) {
  const id = crypto.randomUUID();
  return { id, categoryId, ...sealedVersion(key, author, id, 1, text) };
}

export async function writeArticle(
  key: StaffKey,
  author: Member,
  text: ArticleText,
  categoryId: string | null = null,
) {
  const body = articleRequest(key, author.account, text, categoryId);
  const res = await author.browser.post('/api/knowledge/articles', body);
  if (res.status !== 201) throw new Error(`article failed: ${JSON.stringify(res.body)}`);
  return body.id;
}
