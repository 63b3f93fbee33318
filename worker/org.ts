import type { Db } from './db/client.js';
import { type OrgRow, org } from './db/schema.js';
import { ApiError } from './errors.js';

export async function findOrg(db: Db): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(org).limit(1);
  return row;
}

export async function requireOrg(db: Db): Promise<OrgRow> {
  const row = await findOrg(db);
  if (!row) throw new ApiError(409, 'not_initialized', 'the organization has not been set up yet');
  return row;
}
