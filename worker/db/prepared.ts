import { Column, fillPlaceholders, is, type Placeholder, SQL, sql } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { PreparedQuery } from 'drizzle-orm/session';
import type { Db } from './client.js';

/**
 * Statements whose SQL drizzle builds once per isolate (issue 12). Building the SQL text from the
 * query builders cost a hot route more CPU than D1 itself did, so the routes every request passes
 * through write their statements with named placeholders (`slot('now')`), and a prepared batch
 * builds them on first use and binds each request's values. The SQL is drizzle's own; it is only
 * not rebuilt.
 *
 * Rows are read the way drizzle reads a D1 batch — by position, the batch's row objects keeping the
 * columns' order — with each field's decoder found once instead of per value (drizzle looks it up
 * through prototype chains for every value of every row: a fifth of the case list's CPU). A query
 * whose rows need more than that (a left join's nulled table, a custom mapper) keeps drizzle's
 * own mapping. tests/worker/prepared-batch.test.ts holds both readings equal.
 */

/** A named value bound per request. */
export const slot = <T = unknown>(name: string) => sql.placeholder(name) as Placeholder<string, T>;

export type PlaceholderValues = Readonly<Record<string, unknown>>;

export type Preparable = BatchItem<'sqlite'> & { prepare(): PreparedQuery };

export interface PreparedBatch<Q extends readonly [Preparable, ...Preparable[]]> {
  run(db: Db, values: PlaceholderValues): Promise<BatchResponse<Q>>;
}

type Decoder = { mapFromDriverValue(value: unknown): unknown };
type RowReader = (rows: readonly Record<string, unknown>[]) => unknown[];

/** What drizzle's prepared query carries at run time (not in its public types). */
interface PreparedInternals {
  executeMethod?: string;
  fields?: readonly { path: readonly string[]; field: unknown }[];
  customResultMapper?: unknown;
  joinsNotNullableMap?: Record<string, boolean>;
}

function decoderOf(field: unknown): Decoder | undefined {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  if (is(field, SQL.Aliased)) return (field.sql as unknown as { decoder: Decoder }).decoder;
  return undefined;
}

/** A reader for a select's rows, or undefined when drizzle's own mapping is needed. */
function rowReaderOf(query: PreparedQuery): RowReader | undefined {
  const { executeMethod, fields, customResultMapper, joinsNotNullableMap } = query as PreparedInternals;
  if (executeMethod !== 'all' || !fields || customResultMapper) return undefined;
  if (joinsNotNullableMap && Object.values(joinsNotNullableMap).includes(false)) return undefined;
  const readers: { path: readonly string[]; decoder: Decoder }[] = [];
  for (const { path, field } of fields) {
    const decoder = decoderOf(field);
    if (!decoder || path.length === 0 || path.length > 2) return undefined;
    readers.push({ path, decoder });
  }
  return (rows) =>
    rows.map((row) => {
      const values = Object.values(row);
      const result: Record<string, unknown> = {};
      readers.forEach(({ path, decoder }, index) => {
        const value = values[index] ?? null;
        const decoded = value === null ? null : decoder.mapFromDriverValue(value);
        const [first, second] = path as [string, string?];
        if (second === undefined) {
          result[first] = decoded;
          return;
        }
        const nested = (result[first] ?? {}) as Record<string, unknown>;
        nested[second] = decoded;
        result[first] = nested;
      });
      return result;
    });
}

interface Prepared {
  query: PreparedQuery;
  read: RowReader | undefined;
}

export function preparedBatch<Q extends readonly [Preparable, ...Preparable[]]>(
  build: (db: Db) => Q,
): PreparedBatch<Q> {
  let prepared: Prepared[] | undefined;
  return {
    async run(db, values) {
      prepared ??= build(db).map((builder) => {
        const query = builder.prepare();
        return { query, read: rowReaderOf(query) };
      });
      const client = db.$client;
      const statements = prepared.map(({ query }) => {
        const { sql: text, params } = query.getQuery();
        return client.prepare(text).bind(...fillPlaceholders(params, values));
      });
      const results = await client.batch<Record<string, unknown>>(statements);
      const queries = prepared;
      return results.map((result, index) => {
        const { query, read } = queries[index] as Prepared;
        return read ? read(result.results) : query.mapResult(result, true);
      }) as BatchResponse<Q>;
    },
  };
}
