import { createMiddleware } from 'hono/factory';
import { CSRF_HEADER } from '../../core/api/errors.js';
import { ApiError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes that never read the session cookie: an API key in Authorization (/api/v1) or a
 * provider's signature over the body (/api/hooks) is something a forged cross-site request
 * cannot carry, so servers may call them without the browser-only header.
 */
const COOKIELESS_PREFIXES = ['/api/v1/', '/api/hooks/'];

/**
 * A custom header cannot be sent cross-origin without a CORS preflight, which this Worker never
 * grants; the Origin check catches the rest. Together with SameSite=Strict cookies this stops
 * cross-site request forgery on every state-changing route, login included.
 */
export const csrfProtection = createMiddleware(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const path = new URL(c.req.url).pathname;
  if (COOKIELESS_PREFIXES.some((prefix) => path.startsWith(prefix))) return next();
  if (c.req.header(CSRF_HEADER) !== '1') {
    throw new ApiError(403, 'csrf', `state-changing requests must carry the header ${CSRF_HEADER}: 1`);
  }
  const origin = c.req.header('Origin');
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    throw new ApiError(403, 'csrf', 'cross-origin request refused');
  }
  return next();
});
