import { sessionViewSchema } from '../../../core/api/index.js';
import { fromBase64Url } from '../../../crypto/bytes.js';
import type { UserKeys } from '../../../crypto/user-keys.js';
import { type ApiClient, createApiClient } from '../../../web/src/lib/api-client.js';
import { type CaseContext, memoryCaseCheckpoints } from '../../../web/src/lib/protocol/cases/index.js';
import { type Browser, ORIGIN } from './client.js';
import { fetchWorker } from './worker-fetch.js';

/** The web app's own API client, speaking to the real Worker with one browser's session cookie. */
export function apiClientFor(browser: Browser): ApiClient {
  return createApiClient(ORIGIN, async (input, init) => {
    const headers = new Headers(init.headers);
    if (browser.sessionToken) headers.set('Cookie', `tacit_session=${browser.sessionToken}`);
    return fetchWorker(new Request(input, { ...init, headers }));
  });
}

/** A signed-in person's case context, as their browser would hold it after login. */
export async function caseContextFor(
  browser: Browser,
  me: { id: string; keys: UserKeys },
): Promise<CaseContext> {
  const api = apiClientFor(browser);
  const view = await api.get('/api/auth/session', sessionViewSchema);
  return {
    api,
    orgId: view.org.id,
    rootPk: fromBase64Url(view.org.rootPk),
    recoveryPk: fromBase64Url(view.org.recoveryPk),
    me,
    checkpoints: memoryCaseCheckpoints(),
  };
}
