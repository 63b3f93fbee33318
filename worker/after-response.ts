/**
 * Work a request leaves behind (the rules outbox, webhook deliveries): handed to waitUntil, and
 * started a turn of the event loop after the handler returns, so the response goes out first and
 * the work's D1 round trips are not among the ones the response waits for.
 */
export function afterResponse(
  ctx: { waitUntil(promise: Promise<unknown>): void },
  work: () => Promise<unknown>,
): void {
  ctx.waitUntil(new Promise((resolve) => setTimeout(resolve, 0)).then(work));
}

/** afterResponse for a request's context; without an execution context (a bare app.request) the work still runs. */
export function runAfterResponse(
  c: { executionCtx: { waitUntil(promise: Promise<unknown>): void } },
  work: () => Promise<unknown>,
): void {
  try {
    afterResponse(c.executionCtx, work);
  } catch {
    void work();
  }
}
