import { createMiddleware } from 'hono/factory';
import { CSRF_HEADER } from '../../core/api/errors.js';
import { ApiError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A custom header cannot be sent cross-origin without a CORS preflight, which this Worker never
 * grants; the Origin check catches the rest. Together with SameSite=Strict cookies this stops
 * cross-site request forgery on every state-changing route, login included.
 */
export const csrfProtection = createMiddleware(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  if (c.req.header(CSRF_HEADER) !== '1') {
    throw new ApiError(403, 'csrf', `state-changing requests must carry the header ${CSRF_HEADER}: 1`);
  }
  const origin = c.req.header('Origin');
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    throw new ApiError(403, 'csrf', 'cross-origin request refused');
  }
  return next();
});
