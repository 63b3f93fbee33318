import type { AuditCheckpointView, AuditEventView, AuditFilter } from '../../../../core/api/index';
import { csvCell } from '../csv';

/**
 * The audit log as files (issue 11). Each event keeps its prevHash and hash, so anyone can check
 * any exported event on its own — hash = SHA-256(prevHash || canonical JSON of
 * {seq, at, actor, type, subject, details}) — and a whole-log export replays from h_0 and
 * against the signed checkpoints that travel with it (PROTOCOL §8).
 */

export interface AuditExportInput {
  orgId: string;
  exportedAt: number;
  filter: AuditFilter;
  /** Oldest first. */
  events: readonly AuditEventView[];
  checkpoints: readonly AuditCheckpointView[];
  names: ReadonlyMap<string, string>;
}

export function auditExportJson(input: AuditExportInput): string {
  return `${JSON.stringify(
    {
      format: 'tacit-audit-export',
      version: 1,
      org: input.orgId,
      exportedAt: new Date(input.exportedAt).toISOString(),
      filter: input.filter,
      chain:
        'h_0 = SHA-256("tacit/1/audit|" || org); hash = SHA-256(prevHash || JCS({seq, at, actor, type, subject, details}))',
      events: input.events.map((event) => ({
        ...event,
        actorName: event.actor ? (input.names.get(event.actor) ?? null) : null,
      })),
      checkpoints: input.checkpoints,
    },
    null,
    2,
  )}\n`;
}

const CSV_COLUMNS = ['seq', 'time', 'actor', 'actor_name', 'type', 'subject', 'details', 'prev_hash', 'hash'];

export function auditExportCsv(input: AuditExportInput): string {
  const lines = input.events.map((event) =>
    [
      String(event.seq),
      new Date(event.at).toISOString(),
      event.actor ?? '',
      event.actor ? (input.names.get(event.actor) ?? '') : '',
      event.type,
      event.subject ?? '',
      JSON.stringify(event.details),
      event.prevHash,
      event.hash,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
