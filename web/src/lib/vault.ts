/**
 * The key vault: the only place the signed-in person's private keys live, and only in memory.
 * Keys never go to localStorage, IndexedDB, the server or a log (STYLE: Bitwarden / Standard Notes).
 * `lock()` zeroes every key byte; after that nothing in the app can reach them until an unlock.
 */

/** A person's unlocked private keys (PROTOCOL §4). */
export interface UserKeys {
  /** X25519 secret key, 32 bytes: opens grants and sealed material addressed to this person. */
  readonly encryptionSecretKey: Uint8Array;
  /** Ed25519 seed, 32 bytes: signs case-log heads, grants and audit checkpoints. */
  readonly signingSeed: Uint8Array;
  /** Org root Ed25519 seed, 32 bytes, held by administrators only: signs member certificates. */
  readonly orgRootSeed: Uint8Array | null;
}

export type VaultState = 'locked' | 'unlocked';

export class VaultLockedError extends Error {
  override readonly name = 'VaultLockedError';
  constructor() {
    super('the key vault is locked');
  }
}

export interface KeyVault {
  readonly state: VaultState;
  /**
   * Takes ownership of `keys`: the vault keeps its own copies and zeroes the arrays it was given,
   * so no second reference to key bytes survives outside the vault.
   */
  unlock(keys: UserKeys): void;
  /** Zeroes every key byte and forgets the keys. Safe to call when already locked. */
  lock(): void;
  /**
   * Lends the keys to `use`. Do not keep references past the call: a lock zeroes them in place,
   * so an operation still running at that moment fails instead of using stale keys.
   */
  withKeys<T>(use: (keys: UserKeys) => T): T;
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: VaultState) => void): () => void;
}

function takeBytes(source: Uint8Array): Uint8Array {
  const copy = new Uint8Array(source);
  source.fill(0);
  return copy;
}

function wipe(keys: UserKeys): void {
  keys.encryptionSecretKey.fill(0);
  keys.signingSeed.fill(0);
  keys.orgRootSeed?.fill(0);
}

export function createKeyVault(): KeyVault {
  let keys: UserKeys | null = null;
  const listeners = new Set<(state: VaultState) => void>();

  const notify = (state: VaultState) => {
    for (const listener of listeners) listener(state);
  };

  return {
    get state(): VaultState {
      return keys ? 'unlocked' : 'locked';
    },
    unlock(given) {
      const previous = keys;
      keys = {
        encryptionSecretKey: takeBytes(given.encryptionSecretKey),
        signingSeed: takeBytes(given.signingSeed),
        orgRootSeed: given.orgRootSeed ? takeBytes(given.orgRootSeed) : null,
      };
      if (previous) wipe(previous);
      notify('unlocked');
    },
    lock() {
      if (!keys) return;
      wipe(keys);
      keys = null;
      notify('locked');
    },
    withKeys(use) {
      if (!keys) throw new VaultLockedError();
      return use(keys);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
