import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseGrant,
  unwrapCaseKey,
  unwrapContactKey,
  unwrapGroupKey,
  unwrapRootSeed,
  type WrappedKey,
  wrapCaseKey,
  wrapContactKey,
  wrapGroupKey,
  wrapRootSeed,
} from '../../crypto/grant.js';
import { generateKeyPair } from '../../crypto/hpke.js';
import { flipBit, makeOrg, makeUser, randomBytes } from './factories.js';

const NOW = 1_780_000_000_000;
const DAY = 86_400_000;

function setup(overrides: Partial<CaseGrant> = {}) {
  const org = makeOrg();
  const counselor = makeUser(org);
  const supervisor = makeUser(org);
  const caseKey = randomBytes(32);
  const grant: CaseGrant = {
    org: org.id,
    caseId: crypto.randomUUID(),
    epoch: 2,
    to: supervisor.id,
    perm: 'read',
    expiresAtMs: NOW + 7 * DAY,
    by: counselor.id,
    ...overrides,
  };
  const wrapped = wrapCaseKey(grant, caseKey, supervisor.x25519Pk, counselor.ed25519Seed);
  return { counselor, supervisor, caseKey, grant, wrapped };
}

describe('grants (PROTOCOL §5)', () => {
  it('delivers the case key to the grantee', async () => {
    const { counselor, supervisor, caseKey, grant, wrapped } = setup();
    expect(await unwrapCaseKey(grant, wrapped, supervisor.x25519Sk, counselor.ed25519Pk, NOW)).toEqual(
      caseKey,
    );
  });

  it('refuses a grant whose expiry the server extended', async () => {
    const { counselor, supervisor, grant, wrapped } = setup();
    const extended = { ...grant, expiresAtMs: grant.expiresAtMs + 30 * DAY };
    await expect(
      unwrapCaseKey(extended, wrapped, supervisor.x25519Sk, counselor.ed25519Pk, NOW),
    ).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it('refuses a grant whose permission the server upgraded', async () => {
    const { counselor, supervisor, grant, wrapped } = setup();
    await expect(
      unwrapCaseKey({ ...grant, perm: 'write' }, wrapped, supervisor.x25519Sk, counselor.ed25519Pk, NOW),
    ).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it('refuses a grant moved to another case, epoch or grantee', async () => {
    const { counselor, supervisor, grant, wrapped } = setup();
    for (const moved of [{ caseId: crypto.randomUUID() }, { epoch: 3 }, { to: crypto.randomUUID() }]) {
      await expect(
        unwrapCaseKey({ ...grant, ...moved }, wrapped, supervisor.x25519Sk, counselor.ed25519Pk, NOW),
      ).rejects.toMatchObject({ code: 'bad-signature' });
    }
  });

  it('refuses an expired grant even when the server still hands it out', async () => {
    const { counselor, supervisor, grant, wrapped } = setup();
    await expect(
      unwrapCaseKey(grant, wrapped, supervisor.x25519Sk, counselor.ed25519Pk, grant.expiresAtMs),
    ).rejects.toMatchObject({ code: 'expired' });
  });

  it('treats expiry 0 as no expiry', async () => {
    const { counselor, supervisor, caseKey, grant, wrapped } = setup({ expiresAtMs: 0 });
    expect(await unwrapCaseKey(grant, wrapped, supervisor.x25519Sk, counselor.ed25519Pk, NOW * 2)).toEqual(
      caseKey,
    );
  });

  it('refuses a grant signed by someone other than the claimed granter', async () => {
    const { supervisor, grant, wrapped } = setup();
    const impostor = makeUser(makeOrg());
    await expect(
      unwrapCaseKey(grant, wrapped, supervisor.x25519Sk, impostor.ed25519Pk, NOW),
    ).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it('cannot be opened by another person', async () => {
    const { counselor, grant, wrapped } = setup();
    const other = makeUser(makeOrg());
    await expect(
      unwrapCaseKey(grant, wrapped, other.x25519Sk, counselor.ed25519Pk, NOW),
    ).rejects.toMatchObject({
      code: 'tampered',
    });
  });

  it('rejects every single-bit flip of enc, ct or sig', async () => {
    const { counselor, supervisor, grant, wrapped } = setup();
    const parts: (keyof WrappedKey)[] = ['enc', 'ct', 'sig'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...parts), fc.nat(), async (part, n) => {
        const bit = n % (wrapped[part].length * 8);
        const damaged = { ...wrapped, [part]: flipBit(wrapped[part], bit) };
        await expect(
          unwrapCaseKey(grant, damaged, supervisor.x25519Sk, counselor.ed25519Pk, NOW),
        ).rejects.toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('wraps contact-card keys, group keys and the org root seed with their own info strings', async () => {
    const org = makeOrg();
    const admin = makeUser(org);
    const frontDesk = makeUser(org);
    const key = randomBytes(32);
    const contact = {
      org: org.id,
      clientId: crypto.randomUUID(),
      epoch: 0,
      to: frontDesk.id,
      perm: 'read' as const,
      expiresAtMs: 0,
      by: admin.id,
    };
    const contactWrap = wrapContactKey(contact, key, frontDesk.x25519Pk, admin.ed25519Seed);
    expect(await unwrapContactKey(contact, contactWrap, frontDesk.x25519Sk, admin.ed25519Pk, NOW)).toEqual(
      key,
    );

    const group = generateKeyPair();
    const groupGrant = { org: org.id, groupId: 'frontdesk', epoch: 1, to: frontDesk.id, by: admin.id };
    const groupWrap = wrapGroupKey(groupGrant, group.secretKey, frontDesk.x25519Pk, admin.ed25519Seed);
    expect(await unwrapGroupKey(groupGrant, groupWrap, frontDesk.x25519Sk, admin.ed25519Pk)).toEqual(
      group.secretKey,
    );
    await expect(
      unwrapGroupKey({ ...groupGrant, epoch: 0 }, groupWrap, frontDesk.x25519Sk, admin.ed25519Pk),
    ).rejects.toMatchObject({ code: 'bad-signature' });

    const rootGrant = { org: org.id, to: admin.id, by: admin.id };
    const rootWrap = wrapRootSeed(rootGrant, org.rootSeed, admin.x25519Pk, admin.ed25519Seed);
    expect(await unwrapRootSeed(rootGrant, rootWrap, admin.x25519Sk, admin.ed25519Pk)).toEqual(org.rootSeed);
    // A case-grant wrap is not accepted as a contact grant: the purpose is part of info.
    await expect(
      unwrapContactKey(contact, rootWrap, frontDesk.x25519Sk, admin.ed25519Pk, NOW),
    ).rejects.toMatchObject({ code: 'bad-signature' });
  });
});
