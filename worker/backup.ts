import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../core/api/backup.js';
import { auditGenesisHead, nextAuditHead } from '../crypto/audit-log.js';
import { fromBase64Url, toBase64Url, toHex } from '../crypto/bytes.js';
import { ApiError } from './errors.js';

/**
 * Whole-center export and import at the level of D1 tables and R2 objects. The table list comes
 * from the database itself, so tables added by later migrations travel without a change here.
 * Table and column names are never taken from the request: an import may only name tables and
 * columns that the target's own schema has (checked before any SQL is built).
 */

/** Per-deployment state that must not move: live sessions, lockouts, dev email. */
const LOCAL_TABLES = new Set(['sessions', 'login_throttle', 'dev_outbox', 'd1_migrations']);
const ROWS_PER_BATCH = 50;

type Cell = string | number | null;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function backedUpTables(d1: D1Database): Promise<string[]> {
  const { results } = await d1
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all<{ name: string }>();
  return results.map((row) => row.name).filter((name) => !LOCAL_TABLES.has(name));
}

async function columnsOf(d1: D1Database, table: string): Promise<string[]> {
  const { results } = await d1
    .prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid')
    .bind(table)
    .all<{ name: string }>();
  return results.map((row) => row.name);
}

async function appliedMigrations(d1: D1Database): Promise<string[]> {
  const { results } = await d1.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>();
  return results.map((row) => row.name);
}

/** Parents before children, so every batch commits with its foreign keys satisfied. */
async function parentsFirst(d1: D1Database, tables: readonly string[]): Promise<string[]> {
  const parents = new Map<string, string[]>();
  for (const table of tables) {
    const { results } = await d1
      .prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)')
      .bind(table)
      .all<{ parent: string }>();
    parents.set(
      table,
      results.map((row) => row.parent).filter((parent) => parent !== table),
    );
  }
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered.filter((table) => tables.includes(table));
}

export async function exportCenter(d1: D1Database, bucket: R2Bucket, orgId: string): Promise<Backup> {
  const tables: Backup['tables'] = {};
  for (const table of await backedUpTables(d1)) {
    const columns = await columnsOf(d1, table);
    const rows = await d1.prepare(`SELECT * FROM ${quote(table)}`).raw<Cell[]>();
    tables[table] = { columns, rows };
  }
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
    migrations: await appliedMigrations(d1),
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

async function assertFits(d1: D1Database, backup: Backup): Promise<string[]> {
  const migrations = await appliedMigrations(d1);
  if (migrations.join('\n') !== backup.migrations.join('\n')) {
    throw mismatch('the backup was made with other migrations than this deployment has applied');
  }
  const targetTables = await backedUpTables(d1);
  for (const [table, content] of Object.entries(backup.tables)) {
    if (!targetTables.includes(table)) throw mismatch(`this deployment has no table ${table}`);
    const columns = await columnsOf(d1, table);
    if (columns.join(',') !== content.columns.join(',')) throw mismatch(`the columns of ${table} differ`);
    if (content.rows.some((row) => row.length !== columns.length))
      throw mismatch(`a row of ${table} is malformed`);
  }
  const orgRows = backup.tables.org ? rowsAsObjects(backup.tables.org) : [];
  if (orgRows.length !== 1 || orgRows[0]?.id !== backup.orgId)
    throw mismatch('the backup holds no organization');
  for (const table of targetTables) {
    const row = await d1.prepare(`SELECT 1 AS found FROM ${quote(table)} LIMIT 1`).first();
    if (row) throw new ApiError(409, 'already_initialized', 'import only into a fresh deployment');
  }
  return parentsFirst(d1, Object.keys(backup.tables));
}

/** Objects first, then rows parents first in batches, the org row last of all. */
export async function importCenter(d1: D1Database, bucket: R2Bucket, backup: Backup): Promise<number> {
  assertAuditChain(backup);
  const order = await assertFits(d1, backup);
  for (const object of backup.objects) await bucket.put(object.key, fromBase64Url(object.body));
  let rows = 0;
  const last = (table: string) => (table === 'org' ? 1 : 0);
  for (const table of [...order].sort((a, b) => last(a) - last(b))) {
    const content = backup.tables[table];
    if (!content || content.rows.length === 0) continue;
    const sql = `INSERT INTO ${quote(table)} (${content.columns.map(quote).join(', ')}) VALUES (${content.columns
      .map(() => '?')
      .join(', ')})`;
    for (let start = 0; start < content.rows.length; start += ROWS_PER_BATCH) {
      const chunk = content.rows.slice(start, start + ROWS_PER_BATCH);
      await d1.batch(chunk.map((row) => d1.prepare(sql).bind(...row)));
      rows += chunk.length;
    }
  }
  return rows;
}
