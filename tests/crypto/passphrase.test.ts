import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../crypto/bytes.js';
import {
  createPassphraseCredentials,
  derivePassphraseKeys,
  KDF_FLOOR,
  openKeyBundle,
  unlockWithPassphrase,
} from '../../crypto/passphrase.js';
import { generateUserKeys } from '../../crypto/user-keys.js';

const FLOOR = { ...KDF_FLOOR };
const userId = 'b0e1c9d2-8a5f-4c7e-9d1a-2f3b4c5d6e7f';

describe('passphrase and key bundle (PROTOCOL §4)', () => {
  it('unlocks the same keys with the right passphrase', async () => {
    const keys = generateUserKeys();
    const credentials = await createPassphraseCredentials('晴天 午后 散步 茶', userId, keys, FLOOR);
    const unlocked = await unlockWithPassphrase(
      '晴天 午后 散步 茶',
      userId,
      credentials.salt,
      FLOOR,
      credentials.keyBundle,
    );
    expect(unlocked).toEqual(keys);
  });

  it('rejects a wrong passphrase at the key commitment', async () => {
    const credentials = await createPassphraseCredentials(
      'right passphrase',
      userId,
      generateUserKeys(),
      FLOOR,
    );
    await expect(
      unlockWithPassphrase('wrong passphrase', userId, credentials.salt, FLOOR, credentials.keyBundle),
    ).rejects.toMatchObject({ code: 'wrong-key' });
  });

  it('sends an auth key that is not the kek', async () => {
    const keys = await derivePassphraseKeys('p', randomBytes(16), FLOOR);
    expect(keys.auth).not.toEqual(keys.kek);
    expect(keys.auth).toHaveLength(32);
  });

  it('treats NFKC-equivalent passphrases as the same', async () => {
    const salt = randomBytes(16);
    const fullwidth = await derivePassphraseKeys('ｐａｓｓ１', salt, FLOOR);
    const ascii = await derivePassphraseKeys('pass1', salt, FLOOR);
    expect(fullwidth.auth).toEqual(ascii.auth);
  });

  it('refuses parameters below the floor before deriving anything (no downgrade)', async () => {
    await expect(derivePassphraseKeys('p', randomBytes(16), { m: 8192, t: 2, p: 1 })).rejects.toMatchObject({
      code: 'weak-parameters',
    });
    await expect(derivePassphraseKeys('p', randomBytes(16), { m: 19456, t: 1, p: 1 })).rejects.toMatchObject({
      code: 'weak-parameters',
    });
  });

  it('does not open a bundle when the server swaps in other (still valid) parameters', async () => {
    const strong = { m: 24 * 1024, t: 3, p: 1 };
    const keys = generateUserKeys();
    const credentials = await createPassphraseCredentials('pass', userId, keys, strong);
    const derived = await derivePassphraseKeys('pass', credentials.salt, strong);
    expect(() => openKeyBundle(derived.kek, userId, FLOOR, credentials.keyBundle)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
    expect(() => openKeyBundle(derived.kek, 'another-user', strong, credentials.keyBundle)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
  });

  it('changes the passphrase: new salt, new auth, same keys; the old passphrase stops working', async () => {
    const keys = generateUserKeys();
    const before = await createPassphraseCredentials('old one', userId, keys, FLOOR);
    const opened = await unlockWithPassphrase('old one', userId, before.salt, FLOOR, before.keyBundle);
    const after = await createPassphraseCredentials('new one', userId, opened, FLOOR);
    expect(after.salt).not.toEqual(before.salt);
    expect(after.auth).not.toEqual(before.auth);
    expect(await unlockWithPassphrase('new one', userId, after.salt, FLOOR, after.keyBundle)).toEqual(keys);
    await expect(
      unlockWithPassphrase('old one', userId, after.salt, FLOOR, after.keyBundle),
    ).rejects.toMatchObject({
      code: 'wrong-key',
    });
  });
});
