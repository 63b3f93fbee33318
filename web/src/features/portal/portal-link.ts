import type { PortalLink } from '../../lib/portal';

const STORAGE_KEY = 'tacit.portalLink';

/** Once the answers are sent, the link is spent: forget it. */
export function forgetPortalLink(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}

/**
 * Reads the link from the fragment (`/portal#token=…&key=…`) and clears it from the address bar,
 * history and any Referer. The fragment is kept in this tab's sessionStorage until the answers are
 * sent, so a reload on a phone does not lose the form; it is a one-time credential, not content.
 */
export function takePortalLink(
  location: Location,
  history: History,
  storage: Storage,
  parse: (hash: string) => PortalLink | null,
): PortalLink | null {
  if (location.hash) {
    storage.setItem(STORAGE_KEY, location.hash);
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  const stored = storage.getItem(STORAGE_KEY);
  return stored ? parse(stored) : null;
}
