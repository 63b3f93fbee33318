import { sql } from 'drizzle-orm';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../core/api/backup.js';
import { auditGenesisHead, nextAuditHead } from '../crypto/audit-log.js';
import { fromBase64Url, toBase64Url, toHex } from '../crypto/bytes.js';
import { chainOn } from './audit-seal.js';
import type { Db } from './db/client.js';
import type { OrgSettings } from './db/schema.js';
import { ApiError } from './errors.js';
import { relayoutStatements } from './reports/rollups.js';
import { DEFAULT_TIME_ZONE, institutionTimeZone } from './schedule-settings.js';

/**
 * Whole-center export and import at the level of D1 tables and R2 objects. The table list comes
 * from the database itself, so tables added by later migrations travel without a change here.
 * Table and column names are never taken from the request: an import may only name tables and
 * columns that the target's own schema has (checked before any SQL is built).
 */

/**
 * Per-deployment state that must not move: live sessions, lockouts, dev email; and the report
 * rollups, which the triggers of migration 0026 rebuild from the rows an import writes (0029's month rollups from those).
 */
const LOCAL_TABLES = new Set([
  'sessions',
  'login_throttle',
  'dev_outbox',
  'd1_migrations',
  'report_zone_offsets',
  'appointment_rollups',
  'payment_rollups',
  'appointment_month_rollups',
  'payment_month_rollups',
  'case_facts',
]);
/** Rows of any tables per import batch, in parents-first order: few round trips, bounded requests. */
const STATEMENTS_PER_BATCH = 500;

type Cell = string | number | null;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const TABLES_SQL =
  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY name";
const MIGRATIONS_SQL = 'SELECT name FROM d1_migrations ORDER BY id';

const backedUpNames = (rows: readonly { name: string }[]) =>
  rows.map((row) => row.name).filter((name) => !LOCAL_TABLES.has(name));

/** The tables and migrations an export needs, as queries for a batch (see exportCenter). */
export const exportCatalogQueries = (db: Db) =>
  [db.all<{ name: string }>(sql.raw(TABLES_SQL)), db.all<{ name: string }>(sql.raw(MIGRATIONS_SQL))] as const;

/** Parents before children, so every batch commits with its foreign keys satisfied. */
function parentsFirst(
  tables: readonly string[],
  parentsOf: ReadonlyMap<string, readonly string[]>,
): string[] {
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parentsOf.get(table) ?? []) if (parent !== table) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered.filter((table) => tables.includes(table));
}

/**
 * The export does not wait for the seal: events appended but not sealed yet (the export's own
 * among them) carry the hashes sealing gives them, so the file's chain is whole.
 */
function sealedAuditRows(orgId: string, columns: readonly string[], rows: Cell[][]): Cell[][] {
  const column = (name: string) => columns.indexOf(name);
  const events = rows
    .map((row) => ({
      row,
      seq: Number(row[column('seq')]),
      at: Number(row[column('at')]),
      actorUserId: row[column('actor_user_id')] as string | null,
      type: String(row[column('type')]),
      subject: row[column('subject')] as string | null,
      details: String(row[column('details')]),
      hash: row[column('hash')] as string | null,
    }))
    .sort((a, b) => a.seq - b.seq);
  const firstUnsealed = events.findIndex((event) => event.hash === null);
  if (firstUnsealed < 0) return rows;
  const { sealed } = chainOn(orgId, events[firstUnsealed - 1], events.slice(firstUnsealed));
  return events.map(({ row, seq }) => {
    const hashes = sealed.get(seq);
    if (!hashes) return row;
    const copy = [...row];
    copy[column('prev_hash')] = hashes.prevHash;
    copy[column('hash')] = hashes.hash;
    return copy;
  });
}

/** `catalog` is exportCatalogQueries' rows: one round trip reads every table's columns and rows. */
export async function exportCenter(
  d1: D1Database,
  bucket: R2Bucket,
  orgId: string,
  catalog: readonly [readonly { name: string }[], readonly { name: string }[]],
): Promise<Backup> {
  const names = backedUpNames(catalog[0]);
  const migrations = catalog[1].map((row) => row.name);
  const reads = await d1.batch<Record<string, Cell>>(
    names.flatMap((table) => [
      d1.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').bind(table),
      d1.prepare(`SELECT * FROM ${quote(table)}`),
    ]),
  );
  const tables: Backup['tables'] = {};
  names.forEach((table, i) => {
    const columns = (reads[2 * i]?.results ?? []).map((row) => String(row.name));
    const rows = (reads[2 * i + 1]?.results ?? []).map((row) => columns.map((column) => row[column] ?? null));
    tables[table] = {
      columns,
      rows: table === 'audit_events' ? sealedAuditRows(orgId, columns, rows) : rows,
    };
  });
  const objects: Backup['objects'] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ ...(cursor && { cursor }) });
    for (const listed of page.objects) {
      const object = await bucket.get(listed.key);
      if (object)
        objects.push({ key: listed.key, body: toBase64Url(new Uint8Array(await object.arrayBuffer())) });
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    orgId,
    exportedAt: Date.now(),
    migrations,
    tables,
    objects,
  };
}

const mismatch = (message: string) => new ApiError(409, 'backup_mismatch', message);

function rowsAsObjects(table: Backup['tables'][string]) {
  return table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null])),
  );
}

/** PROTOCOL §8 replayed before anything is written: a backup with a broken chain is refused. */
function assertAuditChain(backup: Backup) {
  const table = backup.tables.audit_events;
  if (!table) throw mismatch('the backup has no audit log');
  const events = rowsAsObjects(table).sort((a, b) => Number(a.seq) - Number(b.seq));
  let head = auditGenesisHead(backup.orgId);
  for (const [i, row] of events.entries()) {
    const event = {
      seq: row.seq,
      at: row.at,
      actor: row.actor_user_id,
      type: row.type,
      subject: row.subject,
      details: JSON.parse(String(row.details)),
    };
    head = nextAuditHead(head, event);
    if (row.seq !== i + 1 || toHex(head) !== row.hash) {
      throw mismatch(`the backup's audit chain breaks at event ${i + 1}`);
    }
  }
}

/** Refuses a backup that does not fit this fresh deployment; returns its tables parents first. */
async function assertFits(d1: D1Database, backup: Backup): Promise<string[]> {
  const [migrationRows, tableRows] = await d1.batch<{ name: string }>([
    d1.prepare(MIGRATIONS_SQL),
    d1.prepare(TABLES_SQL),
  ]);
  const migrations = (migrationRows?.results ?? []).map((row) => row.name);
  const targetTables = backedUpNames(tableRows?.results ?? []);
  if (migrations.join('\n') !== backup.migrations.join('\n')) {
    throw mismatch('the backup was made with other migrations than this deployment has applied');
  }
  // One round trip for every table's columns, foreign keys and whether it holds anything yet.
  const reads = await d1.batch<Record<string, Cell>>(
    targetTables.flatMap((table) => [
      d1.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').bind(table),
      d1.prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)').bind(table),
      d1.prepare(`SELECT 1 AS found FROM ${quote(table)} LIMIT 1`),
    ]),
  );
  const read = (i: number, part: number) => reads[3 * i + part]?.results ?? [];
  const columnsOf = new Map(
    targetTables.map((table, i) => [table, read(i, 0).map((row) => String(row.name))]),
  );
  const parentsOf = new Map(
    targetTables.map((table, i) => [table, read(i, 1).map((row) => String(row.parent))]),
  );
  for (const [table, content] of Object.entries(backup.tables)) {
    const columns = columnsOf.get(table);
    if (!columns) throw mismatch(`this deployment has no table ${table}`);
    if (columns.join(',') !== content.columns.join(',')) throw mismatch(`the columns of ${table} differ`);
    if (content.rows.some((row) => row.length !== columns.length))
      throw mismatch(`a row of ${table} is malformed`);
  }
  const orgRows = backup.tables.org ? rowsAsObjects(backup.tables.org) : [];
  if (orgRows.length !== 1 || orgRows[0]?.id !== backup.orgId)
    throw mismatch('the backup holds no organization');
  if (targetTables.some((_, i) => read(i, 2).length > 0))
    throw new ApiError(409, 'already_initialized', 'import only into a fresh deployment');
  return parentsFirst(Object.keys(backup.tables), parentsOf);
}

/** Objects first, then rows parents first in batches, the org row last of all. */
export async function importCenter(d1: D1Database, bucket: R2Bucket, backup: Backup): Promise<number> {
  assertAuditChain(backup);
  const order = await assertFits(d1, backup);
  for (const object of backup.objects) await bucket.put(object.key, fromBase64Url(object.body));
  const last = (table: string) => (table === 'org' ? 1 : 0);
  const inserts = [...order]
    .sort((a, b) => last(a) - last(b))
    .flatMap((table) => {
      const content = backup.tables[table];
      if (!content) return [];
      const sql = `INSERT INTO ${quote(table)} (${content.columns.map(quote).join(', ')}) VALUES (${content.columns
        .map(() => '?')
        .join(', ')})`;
      return content.rows.map((row) => d1.prepare(sql).bind(...row));
    });
  for (let start = 0; start < inserts.length; start += STATEMENTS_PER_BATCH) {
    await d1.batch(inserts.slice(start, start + STATEMENTS_PER_BATCH));
  }
  const rows = inserts.length;
  await layOutRollups(d1, backup);
  return rows;
}

/**
 * A fresh deployment's rollups are laid out in the default zone: a center restored with another
 * lays them out again in its own (its reportZone, as it came, may name a zone this one never had).
 */
async function layOutRollups(d1: D1Database, backup: Backup) {
  const [orgRow] = backup.tables.org ? rowsAsObjects(backup.tables.org) : [];
  const settings = JSON.parse(String(orgRow?.settings ?? '{}')) as OrgSettings;
  const timeZone = institutionTimeZone({ settings });
  if (timeZone === DEFAULT_TIME_ZONE && (settings.reportZone ?? DEFAULT_TIME_ZONE) === DEFAULT_TIME_ZONE)
    return;
  const statements = [
    ...relayoutStatements(timeZone),
    { sql: "UPDATE org SET settings = json_set(settings, '$.reportZone', ?)", params: [timeZone] },
  ];
  await d1.batch(statements.map((statement) => d1.prepare(statement.sql).bind(...statement.params)));
}
