import type { FormDefinition, FormValues } from '../../../../core/forms/index';
import { isCryptoError } from '../../../../crypto/index';
import { AppError } from '../errors';
import * as protocol from '../protocol/cases/index';
import type { UserKeys } from '../vault';
import { withCaseContext, withOpenCase } from './context';

/** Writing records and the attachments they refer to. */

export interface CaseWrite {
  readonly form: FormDefinition;
  readonly values: FormValues;
  /** a correction names the record it revises */
  readonly recordId?: string;
}

/** Encrypts the secret part, signs the log entry, appends; a stale head is rebased by the ceremony. */
export function writeCaseRecord(keys: UserKeys, caseId: string, write: CaseWrite): Promise<void> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, async (opened) => {
      await protocol.writeRecord(context, opened, {
        form: write.form,
        values: write.values,
        ...(write.recordId ? { recordId: write.recordId } : {}),
      });
    }),
  );
}

/** Follows an attachment's chunks: `done` of `total` sealed and sent, or fetched and opened. */
export type ChunkProgress = protocol.ChunkProgress;

/** Seals the bytes chunk by chunk under the current case key in this browser and uploads them. */
export function uploadCaseAttachment(
  keys: UserKeys,
  caseId: string,
  data: Uint8Array,
  onChunk?: ChunkProgress,
): Promise<string> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, async (opened) => {
      const attachment = await protocol.uploadAttachment(context, opened, data, onChunk);
      return attachment.id;
    }),
  );
}

/**
 * Fetches and opens an attachment a record refers to. Every chunk is authenticated, but the total
 * size comes from the server: it must match the size sealed in the record, or zeros could be padded on.
 */
export function downloadCaseAttachment(
  keys: UserKeys,
  caseId: string,
  file: { readonly attachmentId: string; readonly size: number },
  onChunk?: ChunkProgress,
): Promise<Uint8Array> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, async (opened) => {
      let data: Uint8Array;
      try {
        data = await protocol.downloadAttachment(context, opened, file.attachmentId, onChunk);
      } catch (error) {
        if (isCryptoError(error)) throw new AppError('attachment_tampered', error.message);
        throw error;
      }
      if (data.length !== file.size)
        throw new AppError('attachment_tampered', 'the attachment’s size differs from its record');
      return data;
    }),
  );
}
