import { describe, expect, it } from 'vitest';
import { createKeyVault, type UserKeys, VaultLockedError } from '../../../web/src/lib/vault';

function keysFilledWith(byte: number, withRoot = true): UserKeys {
  return {
    encryptionSecretKey: new Uint8Array(32).fill(byte),
    signingSeed: new Uint8Array(32).fill(byte + 1),
    orgRootSeed: withRoot ? new Uint8Array(32).fill(byte + 2) : null,
  };
}

describe('the key vault', () => {
  it('starts locked and refuses to lend keys', () => {
    const vault = createKeyVault();
    expect(vault.state).toBe('locked');
    expect(() => vault.withKeys(() => 1)).toThrow(VaultLockedError);
  });

  it('takes ownership on unlock: the caller’s arrays are zeroed, the vault keeps copies', () => {
    const vault = createKeyVault();
    const given = keysFilledWith(7);
    vault.unlock(given);

    expect(given.encryptionSecretKey.every((b) => b === 0)).toBe(true);
    expect(given.signingSeed.every((b) => b === 0)).toBe(true);
    expect(given.orgRootSeed?.every((b) => b === 0)).toBe(true);
    vault.withKeys((keys) => {
      expect(keys.encryptionSecretKey.every((b) => b === 7)).toBe(true);
      expect(keys.orgRootSeed?.every((b) => b === 9)).toBe(true);
    });
  });

  it('zeroes every key byte in place on lock', () => {
    const vault = createKeyVault();
    vault.unlock(keysFilledWith(3));
    const lent = vault.withKeys((keys) => keys);

    vault.lock();

    expect(vault.state).toBe('locked');
    expect(lent.encryptionSecretKey.every((b) => b === 0)).toBe(true);
    expect(lent.signingSeed.every((b) => b === 0)).toBe(true);
    expect(lent.orgRootSeed?.every((b) => b === 0)).toBe(true);
  });

  it('wipes the previous keys when unlocked again', () => {
    const vault = createKeyVault();
    vault.unlock(keysFilledWith(1, false));
    const first = vault.withKeys((keys) => keys);

    vault.unlock(keysFilledWith(5, false));

    expect(first.signingSeed.every((b) => b === 0)).toBe(true);
    expect(vault.withKeys((keys) => keys.signingSeed[0])).toBe(6);
  });

  it('tells subscribers about each change until they unsubscribe', () => {
    const vault = createKeyVault();
    const seen: string[] = [];
    const unsubscribe = vault.subscribe((state) => seen.push(state));

    vault.unlock(keysFilledWith(1));
    vault.lock();
    vault.lock();
    unsubscribe();
    vault.unlock(keysFilledWith(1));

    expect(seen).toEqual(['unlocked', 'locked']);
  });
});
