/**
 * Reads the one-time token from an invite link's fragment (`/invite#token=…`) and removes it from
 * the address bar: a fragment never reaches a server log, and clearing it keeps it out of history,
 * screenshots and the Referer of anything opened next.
 */
export function takeInviteToken(location: Location, history: History): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return token && token.length > 0 ? token : null;
}
