import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * Every column of `table` under a prefixed alias, decoded as the column decodes: for a join read in
 * a D1 batch, which answers rows as objects keyed by column name, so the tables' shared names
 * (`id`, `created_at`) would overwrite each other.
 */
export function columnsAs<T extends SQLiteTable>(
  table: T,
  prefix: string,
): { [K in keyof T['$inferSelect']]: SQL.Aliased<T['$inferSelect'][K]> } {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    Object.entries(columns).map(([key, column]) => [
      key,
      sql`${column}`.mapWith(column).as(`${prefix}_${column.name}`),
    ]),
  ) as { [K in keyof T['$inferSelect']]: SQL.Aliased<T['$inferSelect'][K]> };
}
