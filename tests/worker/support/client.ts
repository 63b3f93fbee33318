import { fetchWorker } from './worker-fetch.js';

/** Local mode: the dev outbox answers on loopback hosts only. */
export const ORIGIN = 'http://localhost:8787';

export interface RequestOptions {
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as is (for malformed bodies). */
  body?: string;
  headers?: Record<string, string>;
  /** The CSRF header the web client always sends; off to test its absence. */
  csrf?: boolean;
  ip?: string;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them
  body: any;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** A browser talking to the real Worker: it keeps the session cookie like a browser would. */
export class Browser {
  sessionToken: string | undefined;

  async request(method: Method, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers = new Headers(options.headers);
    if (options.csrf !== false && method !== 'GET') headers.set('X-Tacit-Request', '1');
    if (options.json !== undefined) headers.set('Content-Type', 'application/json');
    if (options.ip) headers.set('CF-Connecting-IP', options.ip);
    if (this.sessionToken) headers.set('Cookie', `tacit_session=${this.sessionToken}`);
    const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
    const request = new Request(`${ORIGIN}${path}`, { method, headers, ...(body !== undefined && { body }) });
    const response = await fetchWorker(request);
    this.keepCookie(response.headers.get('Set-Cookie'));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }

  post(path: string, json?: unknown, options: RequestOptions = {}) {
    return this.request('POST', path, { ...options, ...(json !== undefined && { json }) });
  }

  patch(path: string, json?: unknown, options: RequestOptions = {}) {
    return this.request('PATCH', path, { ...options, ...(json !== undefined && { json }) });
  }

  put(path: string, json?: unknown, options: RequestOptions = {}) {
    return this.request('PUT', path, { ...options, ...(json !== undefined && { json }) });
  }

  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }

  private keepCookie(setCookie: string | null): void {
    const match = setCookie?.match(/tacit_session=([^;]*)/);
    if (!match) return;
    this.sessionToken = match[1] || undefined;
  }
}
