import { describe, expect, it } from 'vitest';
import { decryptAttachment, encryptAttachment } from '../../crypto/attachment.js';
import { utf8 } from '../../crypto/bytes.js';
import { isCryptoError } from '../../crypto/errors.js';
import { type ArticleVersionMeta, openArticleVersion, sealArticleVersion } from '../../crypto/knowledge.js';
import {
  generateStaffKey,
  rotateStaffKey,
  type StaffGrant,
  unrollStaffKeys,
  unwrapStaffKey,
  wrapStaffKey,
} from '../../crypto/staff-key.js';
import { flipBit, makeOrg, makeUser } from './factories.js';

function setup() {
  const org = makeOrg();
  const author = makeUser(org);
  const colleague = makeUser(org);
  const key = generateStaffKey();
  const grant: StaffGrant = { org: org.id, epoch: 0, to: colleague.id, by: author.id };
  const meta: ArticleVersionMeta = {
    org: org.id,
    articleId: crypto.randomUUID(),
    version: 1,
    epoch: 0,
    author: author.id,
  };
  return { org, author, colleague, key, grant, meta };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isCryptoError(error) ? error.code : `not a CryptoError: ${String(error)}`;
  }
}

describe('staff key grants', () => {
  it('opens for the recipient with exactly the metadata it was granted with', async () => {
    const { author, colleague, key, grant } = setup();
    const wrapped = wrapStaffKey(grant, key, colleague.x25519Pk, author.ed25519Seed);
    expect(await unwrapStaffKey(grant, wrapped, colleague.x25519Sk, author.ed25519Pk)).toEqual(key);
  });

  it('refuses another epoch, recipient or granter', async () => {
    const { org, author, colleague, key, grant } = setup();
    const wrapped = wrapStaffKey(grant, key, colleague.x25519Pk, author.ed25519Seed);
    const other = makeUser(org);
    expect(
      await codeOf(unwrapStaffKey({ ...grant, epoch: 1 }, wrapped, colleague.x25519Sk, author.ed25519Pk)),
    ).toBe('bad-signature');
    expect(
      await codeOf(unwrapStaffKey({ ...grant, to: other.id }, wrapped, colleague.x25519Sk, author.ed25519Pk)),
    ).toBe('bad-signature');
    expect(await codeOf(unwrapStaffKey(grant, wrapped, colleague.x25519Sk, other.ed25519Pk))).toBe(
      'bad-signature',
    );
    expect(await codeOf(unwrapStaffKey(grant, wrapped, other.x25519Sk, author.ed25519Pk))).toBeDefined();
  });
});

describe('staff key rotation', () => {
  it('keeps every earlier epoch reachable from the newest key, and nothing newer from an old one', () => {
    const { org, key } = setup();
    const first = rotateStaffKey(org.id, 0, key);
    const second = rotateStaffKey(org.id, 1, first.key);
    const chains = new Map([
      [0, first.chain],
      [1, second.chain],
    ]);
    const keys = unrollStaffKeys(org.id, 2, second.key, chains);
    expect(keys.get(0)).toEqual(key);
    expect(keys.get(1)).toEqual(first.key);
    expect(unrollStaffKeys(org.id, 0, key, chains).size).toBe(1);
    expect(() => unrollStaffKeys(makeOrg().id, 2, second.key, chains)).toThrow();
  });
});

describe('article versions', () => {
  it('opens a version under its staff key, signed by its author', async () => {
    const { author, key, meta } = setup();
    const body = utf8('{"body":"# 危机干预流程","title":"危机干预"}');
    const sealed = sealArticleVersion(key, meta, body, author.ed25519Seed);
    expect(await openArticleVersion(key, meta, sealed, author.ed25519Pk)).toEqual(body);
  });

  it('refuses a version moved to another article, version, epoch or author, or altered', async () => {
    const { author, colleague, key, meta } = setup();
    const sealed = sealArticleVersion(key, meta, utf8('text'), author.ed25519Seed);
    const moved: Partial<ArticleVersionMeta>[] = [
      { articleId: crypto.randomUUID() },
      { version: 2 },
      { epoch: 1 },
      { org: makeOrg().id },
    ];
    for (const change of moved) {
      expect(await codeOf(openArticleVersion(key, { ...meta, ...change }, sealed, author.ed25519Pk))).toBe(
        'bad-signature',
      );
    }
    expect(
      await codeOf(openArticleVersion(key, { ...meta, author: colleague.id }, sealed, colleague.ed25519Pk)),
    ).toBe('bad-signature');
    expect(
      await codeOf(
        openArticleVersion(
          key,
          meta,
          { ...sealed, envelope: flipBit(sealed.envelope, 8 * 60) },
          author.ed25519Pk,
        ),
      ),
    ).toBe('bad-signature');
    const forged = sealArticleVersion(generateStaffKey(), meta, utf8('text'), author.ed25519Seed);
    expect(await codeOf(openArticleVersion(key, meta, forged, author.ed25519Pk))).toBe('wrong-key');
  });
});

describe('article attachments', () => {
  it('round-trips under the staff key and does not open as another article or a case attachment', () => {
    const { org, key } = setup();
    const binding = {
      org: org.id,
      articleId: crypto.randomUUID(),
      epoch: 0,
      attachmentId: crypto.randomUUID(),
    };
    const data = utf8('转介名单 referral list');
    const chunks = [...encryptAttachment(key, binding, data)];
    expect(decryptAttachment(key, binding, chunks)).toEqual(data);
    expect(() => decryptAttachment(key, { ...binding, articleId: crypto.randomUUID() }, chunks)).toThrow();
    expect(() => decryptAttachment(key, { ...binding, epoch: 1 }, chunks)).toThrow();
    expect(() =>
      decryptAttachment(
        key,
        { org: org.id, caseId: binding.articleId, attachmentId: binding.attachmentId },
        chunks,
      ),
    ).toThrow();
  });
});
