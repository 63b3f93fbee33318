import { describe, expect, it } from 'vitest';
import {
  type CertifiedUser,
  checkPinnedRoot,
  keyFingerprint,
  requireCertified,
  verifyCert,
} from '../../crypto/cert.js';
import { makeOrg, makeUser, randomBytes } from './factories.js';

function certified(user: ReturnType<typeof makeUser>): CertifiedUser {
  return {
    userId: user.id,
    email: user.email,
    x25519Pk: user.x25519Pk,
    ed25519Pk: user.ed25519Pk,
    issuedAtMs: user.issuedAtMs,
    certSig: user.certSig,
  };
}

describe('certificates and fingerprints (PROTOCOL §4)', () => {
  it('verifies a certificate under the org root', async () => {
    const org = makeOrg();
    const user = certified(makeUser(org));
    expect(verifyCert(org.rootPk, user, user.certSig)).toBe(true);
    await expect(requireCertified(org.rootPk, user)).resolves.toBe(user);
  });

  it('treats a key the server substituted as uncertified', async () => {
    const org = makeOrg();
    const user = certified(makeUser(org));
    const substituted = { ...user, x25519Pk: randomBytes(32) };
    expect(verifyCert(org.rootPk, substituted, user.certSig)).toBe(false);
    await expect(requireCertified(org.rootPk, substituted)).rejects.toMatchObject({ code: 'uncertified' });
    await expect(requireCertified(org.rootPk, { ...user, email: 'x@evil.example' })).rejects.toMatchObject({
      code: 'uncertified',
    });
  });

  it('does not accept a certificate from another organization', async () => {
    const user = certified(makeUser(makeOrg()));
    await expect(requireCertified(makeOrg().rootPk, user)).rejects.toMatchObject({ code: 'uncertified' });
  });

  it('prints a fingerprint as 5 groups of 8 hex digits', () => {
    const fingerprint = keyFingerprint(makeOrg().rootPk);
    expect(fingerprint).toMatch(/^[0-9a-f]{8}( [0-9a-f]{8}){4}$/);
  });

  it('is a hard error when the root key changes after it was pinned', () => {
    const pinned = makeOrg().rootPk;
    expect(() => checkPinnedRoot(pinned, pinned.slice())).not.toThrow();
    expect(() => checkPinnedRoot(undefined, pinned)).not.toThrow();
    expect(() => checkPinnedRoot(pinned, makeOrg().rootPk)).toThrow(
      expect.objectContaining({ code: 'root-changed' }),
    );
  });
});
