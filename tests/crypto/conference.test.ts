import { describe, expect, it } from 'vitest';
import { utf8 } from '../../crypto/bytes.js';
import {
  type ConferenceMessageMeta,
  generateConferenceKey,
  openConferenceMessage,
  openPreviousConferenceKey,
  rotateConferenceKey,
  sealConferenceMessage,
  unrollConferenceKeys,
} from '../../crypto/conference.js';
import { isCryptoError } from '../../crypto/errors.js';
import { type ConferenceGrant, unwrapConferenceKey, wrapConferenceKey } from '../../crypto/grant.js';
import { flipBit, makeOrg, makeUser } from './factories.js';

const NOW = 1_780_000_000_000;
const DAY = 86_400_000;

function setup() {
  const org = makeOrg();
  const counselor = makeUser(org);
  const colleague = makeUser(org);
  const conferenceId = crypto.randomUUID();
  const key = generateConferenceKey();
  const grant: ConferenceGrant = {
    org: org.id,
    conferenceId,
    epoch: 1,
    to: colleague.id,
    expiresAtMs: NOW + 7 * DAY,
    by: counselor.id,
  };
  const meta: ConferenceMessageMeta = {
    org: org.id,
    conferenceId,
    messageId: crypto.randomUUID(),
    epoch: 1,
    author: counselor.id,
  };
  return { org, counselor, colleague, conferenceId, key, grant, meta };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isCryptoError(error) ? error.code : `not a CryptoError: ${String(error)}`;
  }
}

describe('conference key grants', () => {
  it('opens for the recipient with exactly the metadata it was granted with', async () => {
    const { counselor, colleague, key, grant } = setup();
    const wrapped = wrapConferenceKey(grant, key, colleague.x25519Pk, counselor.ed25519Seed);
    const opened = await unwrapConferenceKey(grant, wrapped, colleague.x25519Sk, counselor.ed25519Pk, NOW);
    expect(opened).toEqual(key);
  });

  it('refuses another conference, epoch or recipient, an extended expiry and another granter', async () => {
    const { org, counselor, colleague, key, grant } = setup();
    const wrapped = wrapConferenceKey(grant, key, colleague.x25519Pk, counselor.ed25519Seed);
    const open = (g: ConferenceGrant, granterPk = counselor.ed25519Pk) =>
      codeOf(unwrapConferenceKey(g, wrapped, colleague.x25519Sk, granterPk, NOW));
    expect(await open({ ...grant, conferenceId: crypto.randomUUID() })).toBe('bad-signature');
    expect(await open({ ...grant, epoch: 2 })).toBe('bad-signature');
    expect(await open({ ...grant, to: counselor.id })).toBe('bad-signature');
    expect(await open({ ...grant, expiresAtMs: grant.expiresAtMs + DAY })).toBe('bad-signature');
    expect(await open({ ...grant, expiresAtMs: 0 })).toBe('bad-signature');
    expect(await open(grant, makeUser(org).ed25519Pk)).toBe('bad-signature');
  });

  it('refuses a grant once it has expired, even when the server still serves it', async () => {
    const { counselor, colleague, key, grant } = setup();
    const wrapped = wrapConferenceKey(grant, key, colleague.x25519Pk, counselor.ed25519Seed);
    expect(
      await codeOf(
        unwrapConferenceKey(grant, wrapped, colleague.x25519Sk, counselor.ed25519Pk, grant.expiresAtMs),
      ),
    ).toBe('expired');
  });

  it('does not open for someone else’s private key', async () => {
    const { org, counselor, colleague, key, grant } = setup();
    const wrapped = wrapConferenceKey(grant, key, colleague.x25519Pk, counselor.ed25519Seed);
    const stranger = makeUser(org);
    expect(
      await codeOf(unwrapConferenceKey(grant, wrapped, stranger.x25519Sk, counselor.ed25519Pk, NOW)),
    ).not.toBe(undefined);
  });
});

describe('conference messages', () => {
  it('round-trips a message under the epoch key, signed by its author', async () => {
    const { counselor, key, meta } = setup();
    const text = utf8('来访者近两周睡眠变差，想听听大家对危机评估的意见');
    const sealed = sealConferenceMessage(key, meta, text, counselor.ed25519Seed);
    expect(await openConferenceMessage(key, meta, sealed, counselor.ed25519Pk)).toEqual(text);
  });

  it('refuses a message moved to another conference, epoch, id or author', async () => {
    const { counselor, colleague, key, meta } = setup();
    const sealed = sealConferenceMessage(key, meta, utf8('hello'), counselor.ed25519Seed);
    const open = (m: ConferenceMessageMeta, authorPk = counselor.ed25519Pk) =>
      codeOf(openConferenceMessage(key, m, sealed, authorPk));
    expect(await open({ ...meta, conferenceId: crypto.randomUUID() })).toBe('bad-signature');
    expect(await open({ ...meta, epoch: 2 })).toBe('bad-signature');
    expect(await open({ ...meta, messageId: crypto.randomUUID() })).toBe('bad-signature');
    expect(await open({ ...meta, author: colleague.id }, colleague.ed25519Pk)).toBe('bad-signature');
    expect(await open({ ...meta, org: crypto.randomUUID() })).toBe('bad-signature');
  });

  it('refuses a swapped message body and a signature by a participant who did not write it', async () => {
    const { counselor, colleague, key, meta } = setup();
    const sealed = sealConferenceMessage(key, meta, utf8('original'), counselor.ed25519Seed);
    const other = sealConferenceMessage(key, meta, utf8('swapped in'), counselor.ed25519Seed);
    expect(
      await codeOf(
        openConferenceMessage(key, meta, { envelope: other.envelope, sig: sealed.sig }, counselor.ed25519Pk),
      ),
    ).toBe('bad-signature');
    const forged = sealConferenceMessage(key, meta, utf8('forged'), colleague.ed25519Seed);
    expect(await codeOf(openConferenceMessage(key, meta, forged, counselor.ed25519Pk))).toBe('bad-signature');
    expect(
      await codeOf(
        openConferenceMessage(
          key,
          meta,
          { envelope: flipBit(sealed.envelope, 8 * 70), sig: sealed.sig },
          counselor.ed25519Pk,
        ),
      ),
    ).toBe('bad-signature');
  });

  it('does not open under another epoch’s key even with a valid signature', async () => {
    const { counselor, key, meta } = setup();
    const sealed = sealConferenceMessage(key, meta, utf8('hello'), counselor.ed25519Seed);
    expect(
      await codeOf(openConferenceMessage(generateConferenceKey(), meta, sealed, counselor.ed25519Pk)),
    ).toBe('wrong-key');
  });
});

describe('conference key rotation', () => {
  it('keeps the history readable from the newest key through the chain', () => {
    const { org, conferenceId, key } = setup();
    const second = rotateConferenceKey(org.id, conferenceId, 1, key);
    const third = rotateConferenceKey(org.id, conferenceId, 2, second.key);
    expect(second.epoch).toBe(2);
    expect(third.epoch).toBe(3);
    const keys = unrollConferenceKeys(
      org.id,
      conferenceId,
      3,
      third.key,
      new Map([
        [1, second.chain],
        [2, third.chain],
      ]),
    );
    expect(keys.get(1)).toEqual(key);
    expect(keys.get(2)).toEqual(second.key);
    expect(keys.get(3)).toEqual(third.key);
  });

  it('refuses a chain link moved to another conference or epoch, and the old key cannot open it', () => {
    const { org, conferenceId, key } = setup();
    const next = rotateConferenceKey(org.id, conferenceId, 1, key);
    const codeOfSync = (open: () => unknown) => {
      try {
        open();
        return undefined;
      } catch (error) {
        return isCryptoError(error) ? error.code : String(error);
      }
    };
    expect(
      codeOfSync(() => openPreviousConferenceKey(org.id, crypto.randomUUID(), 1, next.chain, next.key)),
    ).toBe('wrong-key');
    expect(codeOfSync(() => openPreviousConferenceKey(org.id, conferenceId, 2, next.chain, next.key))).toBe(
      'wrong-key',
    );
    expect(codeOfSync(() => openPreviousConferenceKey(org.id, conferenceId, 1, next.chain, key))).toBe(
      'wrong-key',
    );
    expect(openPreviousConferenceKey(org.id, conferenceId, 1, next.chain, next.key)).toEqual(key);
  });
});
