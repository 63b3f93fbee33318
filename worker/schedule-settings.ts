import { sql } from 'drizzle-orm';
import { isTimeZone } from '../core/schedule/zoned-time.js';
import type { Db } from './db/client.js';
import { type OrgRow, org } from './db/schema.js';

/** Until an administrator chooses, the schedule runs on China Standard Time (the default locale's). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function institutionTimeZone(orgRow: Pick<OrgRow, 'settings'>): string {
  const chosen = orgRow.settings.timeZone;
  return chosen && isTimeZone(chosen) ? chosen : DEFAULT_TIME_ZONE;
}

/** json_set touches only this key, so a concurrent change to another setting is not lost. */
export function setTimeZone(db: Db, timeZone: string) {
  return db.update(org).set({ settings: sql`json_set(${org.settings}, '$.timeZone', ${timeZone})` });
}
