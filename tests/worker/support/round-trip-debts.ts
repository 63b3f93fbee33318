/**
 * Issue 12's D1 round-trip budget is 3 per request (tests/worker/support/worker-fetch.ts). These
 * routes still take more on a successful answer — what is left of that work, each with the most
 * round trips the worker tests saw it take (before its response where that count reached it;
 * otherwise before and after together, an upper bound). A route may not go above its
 * number; bring one down by batching its reads (db.batch, `…Query` helpers such as
 * caseHolderQueries), then lower or remove its line here.
 */
export const OVER_BUDGET: Readonly<Record<string, number>> = {
  // Once per deployment, into an empty one, without a session: whether it is fresh, the fit check
  // (catalog, then every table's columns), the rows in batches of 500 (one round trip each: more
  // for a big center), the rollups laid out again if the center is in another zone, the audited
  // commit, and the seal (read, write) whose head the answer returns. 7 for the tests' backups.
  'POST /api/backup/import': 7,
};
