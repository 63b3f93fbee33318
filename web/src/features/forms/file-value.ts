import type { FormField } from '../../../../core/forms/index';

/**
 * The value of a `file` field: the attachment's id and size, and its name and type, which live in
 * the record's secret part. Until the record is saved, a chosen file rides along as `file`, with
 * an empty id; the editor uploads it and puts the real id in its place.
 */
export interface StoredFile {
  readonly attachmentId: string;
  readonly size: number;
  readonly name?: string;
  readonly type?: string;
}

export interface PendingFile extends StoredFile {
  readonly file: Blob;
}

/** The server refuses larger attachments (ATTACHMENT_MAX_MB, 413 payload_too_large). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export function fileLimit(field: FormField): number {
  return field.type === 'file' && field.maxBytes !== undefined
    ? Math.min(field.maxBytes, MAX_ATTACHMENT_BYTES)
    : MAX_ATTACHMENT_BYTES;
}

export function pendingFile(chosen: Blob & { readonly name?: string }): PendingFile {
  return {
    attachmentId: '',
    size: chosen.size,
    ...(chosen.name ? { name: chosen.name } : {}),
    ...(chosen.type ? { type: chosen.type } : {}),
    file: chosen,
  };
}

export function isPendingFile(value: unknown): value is PendingFile {
  return typeof value === 'object' && value !== null && (value as { file?: unknown }).file instanceof Blob;
}

export function asStoredFile(value: unknown): StoredFile | null {
  if (typeof value !== 'object' || value === null) return null;
  const { attachmentId, size, name, type } = value as Record<string, unknown>;
  if (typeof attachmentId !== 'string' || typeof size !== 'number') return null;
  return {
    attachmentId,
    size,
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof type === 'string' ? { type } : {}),
  };
}

/** "512 B", "12.3 KB", "4.5 MB" (binary units, one decimal below 100). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
