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
