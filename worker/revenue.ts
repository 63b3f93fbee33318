import { and, count, gte, lt, type SQL, sql, sum } from 'drizzle-orm';
import type { RevenueReport } from '../core/api/payments.js';
import type { Db } from './db/client.js';
import { payments } from './db/integrations-schema.js';

/** Revenue over finance records (operational data only); a refund counts against its payment. */
const GROUP_KEYS: Record<RevenueReport['groupBy'], SQL<string | null>> = {
  month: sql<string>`strftime('%Y-%m', ${payments.paidAt} / 1000, 'unixepoch')`,
  service: sql<string | null>`${payments.serviceId}`,
  counselor: sql<string | null>`${payments.counselorId}`,
};

export async function revenueReport(
  db: Db,
  query: { from?: number | undefined; to?: number | undefined; groupBy: RevenueReport['groupBy'] },
): Promise<RevenueReport> {
  const key = GROUP_KEYS[query.groupBy];
  const rows = await db
    .select({
      key,
      currency: payments.currency,
      count: count(),
      gross: sum(payments.amount),
      refunded: sum(payments.refundedAmount),
    })
    .from(payments)
    .where(
      and(
        ...(query.from !== undefined ? [gte(payments.paidAt, query.from)] : []),
        ...(query.to !== undefined ? [lt(payments.paidAt, query.to)] : []),
      ),
    )
    .groupBy(key, payments.currency)
    .orderBy(key, payments.currency);
  return {
    groupBy: query.groupBy,
    rows: rows.map((row) => {
      const gross = Number(row.gross ?? 0);
      const refunded = Number(row.refunded ?? 0);
      return {
        key: row.key,
        currency: row.currency,
        count: row.count,
        gross,
        refunded,
        net: gross - refunded,
      };
    }),
  };
}
