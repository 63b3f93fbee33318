import { sql } from 'drizzle-orm';
import { isTimeZone } from '../core/schedule/zoned-time.js';
import type { Db } from './db/client.js';
import { type OrgRow, org } from './db/schema.js';
import { relayoutStatements } from './reports/rollups.js';

/** Until an administrator chooses, the schedule runs on China Standard Time (the default locale's). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function institutionTimeZone(orgRow: Pick<OrgRow, 'settings'>): string {
  const chosen = orgRow.settings.timeZone;
  return chosen && isTimeZone(chosen) ? chosen : DEFAULT_TIME_ZONE;
}

/** Whether the report rollups are laid out in the institution's zone (so reports may read them). */
export function rollupsMatchZone(orgRow: Pick<OrgRow, 'settings'>): boolean {
  return (orgRow.settings.reportZone ?? DEFAULT_TIME_ZONE) === institutionTimeZone(orgRow);
}

/**
 * json_set touches only these keys, so a concurrent change to another setting is not lost. The
 * report rollups are laid out again in the new zone in the same batch (worker/reports/rollups.ts).
 */
export function setTimeZone(db: Db, timeZone: string) {
  return [
    db.update(org).set({
      settings: sql`json_set(${org.settings}, '$.timeZone', ${timeZone}, '$.reportZone', ${timeZone})`,
    }),
    ...relayoutStatements(timeZone).map((statement) => db.run(sql.raw(statement.sql))),
  ];
}
