import { describe, expect, it } from 'vitest';
import { randomBytes, toBase64Url } from '../../../crypto/index';
import { forgetPortalLink, takePortalLink } from '../../../web/src/features/portal/portal-link';
import { parsePortalFragment } from '../../../web/src/lib/protocol/portal/index';

/** A Storage in memory, as a tab's sessionStorage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

function tab(hash: string) {
  const replaced: string[] = [];
  const location = { hash, pathname: '/portal', search: '' } as Location;
  const history = { state: null, replaceState: (_: unknown, __: string, url: string) => replaced.push(url) };
  return { location, history: history as unknown as History, replaced };
}

describe('the portal link in the address bar', () => {
  const token = toBase64Url(randomBytes(32));
  const key = randomBytes(32);

  it('reads the token and the pinned inbox key from the fragment', () => {
    const link = parsePortalFragment(`#token=${token}&key=${toBase64Url(key)}`);
    expect(link?.token).toBe(token);
    expect(link?.pinnedInboxPk).toEqual(key);
    expect(parsePortalFragment(`#token=${token}`)?.pinnedInboxPk).toBeNull();
  });

  it('refuses a link without a token or with a key that is not 32 bytes', () => {
    expect(parsePortalFragment('')).toBeNull();
    expect(parsePortalFragment(`#key=${toBase64Url(key)}`)).toBeNull();
    expect(parsePortalFragment(`#token=${token}&key=${toBase64Url(randomBytes(31))}`)).toBeNull();
  });

  it('clears the fragment from the address bar but keeps the link for a reload until it is sent', () => {
    const storage = memoryStorage();
    const first = tab(`#token=${token}`);
    expect(takePortalLink(first.location, first.history, storage, parsePortalFragment)?.token).toBe(token);
    expect(first.replaced).toEqual(['/portal']);

    const reload = tab('');
    expect(takePortalLink(reload.location, reload.history, storage, parsePortalFragment)?.token).toBe(token);
    expect(reload.replaced).toEqual([]);

    forgetPortalLink(storage);
    expect(takePortalLink(reload.location, reload.history, storage, parsePortalFragment)).toBeNull();
  });
});
