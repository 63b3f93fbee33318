import { SearchIndex } from '../../../../core/search/index';
import { type KeyVault, VaultLockedError } from '../vault';
import { SEARCH_SOURCES, type SearchItem, type SearchSourceKind, type SourceProgress } from './items';
import { setSearchQuery } from './query';
import { searchReaders } from './sources';

/**
 * The search index of this tab (issue 14). Built from what the vault's keys decrypt, kept in this
 * page's memory only — never in IndexedDB, localStorage or on the server — and dropped the moment
 * the vault locks (idle timeout, sign-out, leaving the page), as the decrypted pages are.
 */

export interface SearchBuild {
  readonly index: SearchIndex<SearchItem>;
  readonly builtAt: number;
  readonly sources: readonly SourceProgress[];
  /** cases (or other parts) that could not be opened and are not searched */
  readonly unreadable: number;
}

let kept: SearchBuild | null = null;
let stopWatching: (() => void) | null = null;

export function keptSearch(): SearchBuild | null {
  return kept;
}

export function dropSearch(): void {
  kept = null;
  stopWatching?.();
  stopWatching = null;
}

export async function buildSearch(
  vault: KeyVault,
  onProgress: (sources: readonly SourceProgress[]) => void,
): Promise<SearchBuild> {
  const readers = searchReaders();
  const progress = new Map<SearchSourceKind, SourceProgress>(
    SEARCH_SOURCES.map((source) => [source, { source, state: 'reading', done: 0, total: null }]),
  );
  const report = () => onProgress(SEARCH_SOURCES.map((source) => progress.get(source) as SourceProgress));
  const set = (source: SearchSourceKind, change: Partial<SourceProgress>) => {
    progress.set(source, { ...(progress.get(source) as SourceProgress), ...change });
    report();
  };
  report();

  const index = new SearchIndex<SearchItem>();
  let unreadable = 0;
  await Promise.all(
    SEARCH_SOURCES.map(async (source) => {
      const read = readers[source];
      try {
        const found = await vault.withKeys((keys) =>
          read(keys, (done, total) => set(source, { done, total })),
        );
        for (const item of found.items) index.add(item);
        unreadable += found.unreadable;
        set(source, { state: 'done', done: found.items.length, total: found.items.length });
      } catch {
        set(source, { state: 'failed' });
      }
    }),
  );
  // Locked while it was being built: what was decrypted goes with the keys.
  if (vault.state !== 'unlocked') {
    dropSearch();
    throw new VaultLockedError();
  }
  dropSearch();
  kept = { index, builtAt: Date.now(), sources: [...progress.values()], unreadable };
  stopWatching = vault.subscribe((state) => {
    if (state !== 'locked') return;
    dropSearch();
    setSearchQuery('');
  });
  return kept;
}
