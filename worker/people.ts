import { inArray } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { type UserRow, users } from './db/schema.js';

/** D1 binds at most 100 parameters per statement. */
const IDS_PER_QUERY = 90;

/** Users by id, as a map; ids that name no user (e.g. 'org-recovery') are simply absent. */
export async function usersById(db: Db, ids: Iterable<string>): Promise<Map<string, UserRow>> {
  const wanted = [...new Set(ids)];
  const found = new Map<string, UserRow>();
  for (let start = 0; start < wanted.length; start += IDS_PER_QUERY) {
    const chunk = wanted.slice(start, start + IDS_PER_QUERY);
    for (const row of await db.select().from(users).where(inArray(users.id, chunk))) found.set(row.id, row);
  }
  return found;
}

/**
 * Users by id as one query for a read batch (see toUserMap): for the few ids a request names,
 * never more than one statement binds.
 */
export function usersByIdQuery(db: Db, ids: Iterable<string>) {
  const wanted = [...new Set(ids)];
  if (wanted.length > IDS_PER_QUERY) throw new Error(`usersByIdQuery takes at most ${IDS_PER_QUERY} ids`);
  return db.select().from(users).where(inArray(users.id, wanted));
}

/** Users by id as queries for a read batch, one per IDS_PER_QUERY ids (see toUserMap of their rows, flattened). */
export function usersByIdQueries(db: Db, ids: Iterable<string>) {
  const wanted = [...new Set(ids)];
  const queries = [];
  for (let start = 0; start < wanted.length; start += IDS_PER_QUERY) {
    queries.push(
      db
        .select()
        .from(users)
        .where(inArray(users.id, wanted.slice(start, start + IDS_PER_QUERY))),
    );
  }
  return queries;
}

export const toUserMap = (rows: readonly UserRow[]) => new Map(rows.map((row) => [row.id, row]));
