import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { PatternRouter } from 'hono/router/pattern-router';
import { app } from '../../../worker/app.js';
import worker from '../../../worker/index.js';
import { OVER_BUDGET } from './round-trip-debts.js';

/**
 * Every request a worker test sends goes through here: the D1 binding is wrapped (in the tests
 * only) so each round trip to the database is counted, and no successful answer may have waited
 * for more than D1_ROUND_TRIP_BUDGET of them (issue 12), apart from the routes listed in
 * round-trip-debts.ts. A statement run alone, a batch and an exec are one round trip each,
 * whatever they hold. Work left to waitUntil (afterResponse) starts after the response and is
 * counted apart: it does not delay the answer.
 */

export const D1_ROUND_TRIP_BUDGET = 3;

/** A route's most round trips seen in this test file, keyed "METHOD /pattern". */
export const roundTripsSeen = new Map<string, number>();

const routes = new PatternRouter<string>();
for (const route of app.routes) {
  if (route.method !== 'ALL') routes.add(route.method, route.path, `${route.method} ${route.path}`);
}

/** The app's route pattern a request lands on, as Hono registered it. */
export function routeOf(method: string, pathname: string): string {
  const [matches] = routes.match(method, pathname);
  return matches[0]?.[0] ?? `${method} (no route) ${pathname}`;
}

const RUNS = new Set(['first', 'all', 'run', 'raw']);

export function countingD1(db: D1Database, onRoundTrip: () => void): D1Database {
  const unwrapped = new WeakMap<object, D1PreparedStatement>();
  const wrapStatement = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(statement, {
      get(target, property) {
        if (property === 'bind') {
          return (...values: unknown[]) => wrapStatement(target.bind(...values));
        }
        const value = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (typeof property === 'string' && RUNS.has(property)) {
          return (...args: unknown[]) => {
            onRoundTrip();
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
    unwrapped.set(wrapped, statement);
    return wrapped;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => wrapStatement(target.prepare(sql));
      if (property === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          onRoundTrip();
          return target.batch(statements.map((statement) => unwrapped.get(statement) ?? statement));
        };
      }
      if (property === 'exec') {
        return (sql: string) => {
          onRoundTrip();
          return target.exec(sql);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export class RoundTripBudgetError extends Error {
  override readonly name = 'RoundTripBudgetError';
}

/** The Worker's fetch with the test bindings (plus `bindings`), counting D1 round trips. */
export async function fetchWorker(
  request: Request,
  bindings: Record<string, unknown> = {},
): Promise<Response> {
  // Until the response is back, a round trip is one the response waited for; after, waitUntil work.
  let responded = false;
  let beforeResponse = 0;
  let afterResponse = 0;
  const base = { ...env, ...bindings };
  const counted = {
    ...base,
    DB: countingD1(base.DB, () => {
      if (responded) afterResponse++;
      else beforeResponse++;
    }),
  };
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, counted, ctx);
  responded = true;
  await waitOnExecutionContext(ctx);
  const route = routeOf(request.method, new URL(request.url).pathname);
  roundTripsSeen.set(route, Math.max(roundTripsSeen.get(route) ?? 0, beforeResponse));
  const listed = OVER_BUDGET[route];
  const allowed = listed ?? D1_ROUND_TRIP_BUDGET;
  if (response.status < 400 && beforeResponse > allowed) {
    throw new RoundTripBudgetError(
      `${route} answered ${response.status} after ${beforeResponse} D1 round trips (allowed ${allowed}; ${afterResponse} more after the response)`,
    );
  }
  return response;
}
