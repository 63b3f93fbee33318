import { type ApiClient, createApiClient } from '../../web/src/lib/api-client.js';

/** An API client for Node: one person's session cookie, kept the way a browser would keep it. */
export function nodeApiClient(baseUrl: string): ApiClient {
  let cookie: string | undefined;
  return createApiClient(baseUrl, async (input, init) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    headers.set('origin', baseUrl);
    const response = await fetch(input, { ...init, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    return response;
  });
}
