import { describe, expect, it } from 'vitest';
import { searchQuery, setSearchQuery } from '../../../web/src/lib/search/query';
import { buildSearch, keptSearch } from '../../../web/src/lib/search/session';
import { createKeyVault, VaultLockedError } from '../../../web/src/lib/vault';

/**
 * The index lives only as long as the keys. Outside a browser there is no server to read from, so
 * every source fails — which is what a build over an unreachable server looks like; what matters
 * here is what is kept and when it is dropped.
 */

const keys = () => ({
  encryptionSecretKey: new Uint8Array(32).fill(1),
  signingSeed: new Uint8Array(32).fill(2),
  orgRootSeed: null,
});

describe('the search session', () => {
  it('keeps the index while the vault is unlocked and drops it, and the query, when it locks', async () => {
    const vault = createKeyVault();
    vault.unlock(keys());
    const progress: string[][] = [];
    const build = await buildSearch(vault, (sources) =>
      progress.push(sources.map((s) => `${s.source}:${s.state}`)),
    );
    expect(keptSearch()).toBe(build);
    expect(build.sources.map((s) => `${s.source}:${s.state}`)).toEqual([
      'note:failed',
      'conference:failed',
      'supervision:failed',
      'knowledge:failed',
    ]);
    expect(progress[0]).toEqual([
      'note:reading',
      'conference:reading',
      'supervision:reading',
      'knowledge:reading',
    ]);

    setSearchQuery('焦虑');
    vault.lock();
    expect(keptSearch()).toBeNull();
    expect(searchQuery()).toBe('');
  });

  it('keeps nothing when the vault is locked before the build ends', async () => {
    const vault = createKeyVault();
    await expect(buildSearch(vault, () => undefined)).rejects.toThrow(VaultLockedError);
    expect(keptSearch()).toBeNull();
  });
});
