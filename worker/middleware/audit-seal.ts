import { createMiddleware } from 'hono/factory';
import { afterResponse } from '../after-response.js';
import { appendedAuditEvents } from '../audit.js';
import { sealAfterAppend } from '../audit-seal.js';
import type { AppEnv } from '../env.js';

/** A request that appended audit events seals them into the chain once its response is out. */
export const sealAuditAfterResponse = createMiddleware<AppEnv>(async (c, next) => {
  try {
    await next();
  } finally {
    const { db } = c.var;
    const orgId = appendedAuditEvents(db);
    if (orgId !== undefined) {
      const seal = () =>
        sealAfterAppend(db, orgId).catch((error: unknown) => {
          // The next writer or reader seals what this one could not.
          console.error('audit seal failed', error);
        });
      let ctx: typeof c.executionCtx | undefined;
      try {
        ctx = c.executionCtx;
      } catch {
        // No execution context (a bare app.request): seal before answering.
      }
      if (ctx) afterResponse(ctx, seal);
      else await seal();
    }
  }
});
