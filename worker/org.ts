import type { Db } from './db/client.js';
import { type OrgRow, org } from './db/schema.js';
import { ApiError } from './errors.js';

export const orgQuery = (db: Db) => db.select().from(org).limit(1);

export function judgeOrg(rows: readonly OrgRow[]): OrgRow {
  const [row] = rows;
  if (!row) throw new ApiError(409, 'not_initialized', 'the organization has not been set up yet');
  return row;
}

export async function findOrg(db: Db): Promise<OrgRow | undefined> {
  const [row] = await orgQuery(db);
  return row;
}

export async function requireOrg(db: Db): Promise<OrgRow> {
  return judgeOrg(await orgQuery(db));
}
