import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody, ApiErrorCode } from '../../core/api/errors.js';
import { ApiError } from '../errors.js';

function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
) {
  const body: ApiErrorBody = { error: { code, message } };
  return c.json(body, status, headers);
}

const CODE_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: 'bad_request',
  401: 'no_session',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  503: 'unavailable',
};

/** The one place an error becomes a response: a code and a sentence, never a stack. */
export const onError: ErrorHandler = (error, c) => {
  if (error instanceof ApiError)
    return errorResponse(c, error.status, error.code, error.message, error.headers);
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    return errorResponse(c, status, CODE_BY_STATUS[status] ?? 'bad_request', error.message || 'bad request');
  }
  console.error('unhandled error', error);
  return errorResponse(c, 500, 'internal', 'the server could not complete the request');
};

export const onNotFound: NotFoundHandler = (c) =>
  errorResponse(c, 404, 'not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`);
