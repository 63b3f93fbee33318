import { idSchema } from './encoding.js';
import { z } from './zod.js';

/**
 * An encrypted full export of a center (issue 11): every table's rows as the server stores them
 * — ciphertext, wrapped keys, public keys and operational metadata, never plaintext, because the
 * server has none — plus the R2 attachment chunks. Sessions, login throttling and the dev outbox
 * are left out. Imported into a fresh deployment of the same schema, the key holders open their
 * cases there exactly as before.
 */
export const BACKUP_FORMAT = 'tacit-backup';
export const BACKUP_VERSION = 1;

const cellSchema = z.union([z.string(), z.number(), z.null()]);

export const backupTableSchema = z.object({
  columns: z
    .array(z.string().regex(/^[a-z_][a-z0-9_]*$/))
    .min(1)
    .max(99),
  rows: z.array(z.array(cellSchema)),
});

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  orgId: idSchema,
  exportedAt: z.int(),
  /** The migrations the source had applied; the target must have applied the same ones. */
  migrations: z.array(z.string()),
  tables: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), backupTableSchema),
  objects: z.array(z.object({ key: z.string().min(1).max(1024), body: z.string() })),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupImportResultSchema = z.object({
  orgId: idSchema,
  rows: z.int(),
  objects: z.int(),
  auditHead: z.object({ n: z.int(), head: z.string() }),
});
export type BackupImportResult = z.infer<typeof backupImportResultSchema>;
