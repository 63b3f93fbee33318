import { createMiddleware } from 'hono/factory';
import { openDb } from '../db/client.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';

/** Shorter than this, HMAC(pepper, auth key) would add too little to a stolen database. */
const MIN_PEPPER_LENGTH = 32;

/** Refuses to serve accounts without the AUTH_PEPPER secret rather than store weaker hashes. */
export const requireConfiguration = createMiddleware<AppEnv>(async (c, next) => {
  const pepper = c.env.AUTH_PEPPER;
  if (!pepper || pepper.length < MIN_PEPPER_LENGTH) {
    throw new ApiError(
      503,
      'not_configured',
      `the AUTH_PEPPER secret is missing or shorter than ${MIN_PEPPER_LENGTH} characters`,
    );
  }
  c.set('pepper', pepper);
  c.set('db', openDb(c.env.DB));
  return next();
});
