import type { z } from 'zod';
import { apiErrorBodySchema, CSRF_HEADER } from '../../../core/api/errors';

/**
 * JSON over HTTP to the Worker, for the browser and for Node scripts (the demo) alike. Every
 * response is validated: the server is not trusted to send the shapes it promises.
 */

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiClient {
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>>;
  send<S extends z.ZodType>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    schema: S,
  ): Promise<z.infer<S>>;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export function createApiClient(
  baseUrl = '',
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): ApiClient {
  async function request<S extends z.ZodType>(
    path: string,
    init: RequestInit,
    schema: S,
  ): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, { credentials: 'same-origin', ...init });
    } catch {
      throw new ApiError('network', 0, 'the server cannot be reached');
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = apiErrorBodySchema.safeParse(body);
      if (parsed.success)
        throw new ApiError(parsed.data.error.code, response.status, parsed.data.error.message);
      throw new ApiError(
        response.status >= 500 ? 'unavailable' : 'bad_response',
        response.status,
        `HTTP ${response.status}`,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new ApiError('bad_response', response.status, `unexpected response from ${path}`);
    return parsed.data;
  }

  return {
    get: (path, schema) => request(path, { method: 'GET' }, schema),
    send: (method, path, body, schema) =>
      request(
        path,
        {
          method,
          headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
          body: JSON.stringify(body ?? {}),
        },
        schema,
      ),
  };
}
