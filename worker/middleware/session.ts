import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../core/api/roles.js';
import { afterResponse } from '../after-response.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { readSessionCookie, resumeSession, type SessionLookup } from '../sessions.js';

export const noSession = () => new ApiError(401, 'no_session', 'sign in first');

/**
 * Answers 401 or 403 for a session lookup, or makes it the request's session (and writes its
 * last-seen after the response). Shared by requireRoles and the folded read batches
 * (worker/session-reads.ts), so every route refuses the same sessions with the same answers.
 */
export async function admitSession(
  c: Context<AppEnv>,
  lookup: SessionLookup,
  allowed: readonly Role[],
): Promise<void> {
  if (lookup.kind === 'none') throw noSession();
  if (lookup.kind === 'expired')
    throw new ApiError(401, 'session_expired', 'the session has expired; sign in again');
  const { roles } = lookup.session.user;
  if (allowed.length > 0 && !allowed.some((role) => roles.includes(role))) {
    throw new ApiError(403, 'forbidden', `this needs one of the roles: ${allowed.join(', ')}`);
  }
  c.set('session', lookup.session);
  const { touch } = lookup;
  if (touch) {
    try {
      afterResponse(c.executionCtx, touch);
    } catch {
      // No execution context (a bare app.request): write it now.
      await touch();
    }
  }
}

/**
 * Roles are enforced here, on the server, for every route that names them. With no roles
 * given, any signed-in user passes.
 */
export function requireRoles(...allowed: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await admitSession(c, await resumeSession(c.var.db, c.env, readSessionCookie(c)), allowed);
    await next();
  });
}

export const requireSession = requireRoles();
