import { concatBytes } from './bytes.js';
import { decryptEnvelope, type Envelope, EnvelopeKind, encryptEnvelope } from './envelope.js';
import { fail, isCryptoError } from './errors.js';

/**
 * PROTOCOL §3 attachment chunks (kind 0x04): 64 KiB of plaintext each, with
 * `|chunk=<index>|final=<0|1>` at the end of the context, so truncation, reordering and splicing
 * fail. The base context names the attachment: `tacit/1/attachment|org=…|case=…|attachment=…`.
 */

export const ATTACHMENT_CHUNK_BYTES = 64 * 1024;

/** A case record's attachment, under the case key. */
export interface CaseAttachmentBinding {
  org: string;
  caseId: string;
  attachmentId: string;
}

/** A knowledge-base article's attachment (issue 14), under the staff key of an epoch. */
export interface ArticleAttachmentBinding {
  org: string;
  articleId: string;
  epoch: number;
  attachmentId: string;
}

export type AttachmentBinding = CaseAttachmentBinding | ArticleAttachmentBinding;

function attachmentBaseContext(b: AttachmentBinding): string {
  if ('articleId' in b) {
    return `tacit/1/kb-attachment|org=${b.org}|article=${b.articleId}|epoch=${b.epoch}|attachment=${b.attachmentId}`;
  }
  return `tacit/1/attachment|org=${b.org}|case=${b.caseId}|attachment=${b.attachmentId}`;
}

export function attachmentChunkContext(b: AttachmentBinding, index: number, final: boolean): string {
  return `${attachmentBaseContext(b)}|chunk=${index}|final=${final ? 1 : 0}`;
}

export function encryptAttachmentChunk(
  key: Uint8Array,
  binding: AttachmentBinding,
  index: number,
  final: boolean,
  plaintext: Uint8Array,
): Envelope {
  if (plaintext.length > ATTACHMENT_CHUNK_BYTES) fail('malformed', 'attachment chunk larger than 64 KiB');
  if (!final && plaintext.length !== ATTACHMENT_CHUNK_BYTES)
    fail('malformed', 'only the final chunk may be short');
  return encryptEnvelope(
    key,
    EnvelopeKind.attachmentChunk,
    attachmentChunkContext(binding, index, final),
    plaintext,
  );
}

/** `final` is where the reader believes the stream ends; a mismatch means truncated or extended. */
export function decryptAttachmentChunk(
  key: Uint8Array,
  binding: AttachmentBinding,
  index: number,
  final: boolean,
  envelope: Uint8Array,
): Uint8Array {
  try {
    return decryptEnvelope(
      key,
      EnvelopeKind.attachmentChunk,
      attachmentChunkContext(binding, index, final),
      envelope,
    );
  } catch (error) {
    if (!isCryptoError(error, 'wrong-key')) throw error;
    try {
      decryptEnvelope(
        key,
        EnvelopeKind.attachmentChunk,
        attachmentChunkContext(binding, index, !final),
        envelope,
      );
    } catch {
      throw error;
    }
    return fail('tampered', final ? 'the attachment was truncated' : 'the attachment was extended', index);
  }
}

export function* encryptAttachment(key: Uint8Array, binding: AttachmentBinding, data: Uint8Array) {
  const count = Math.max(1, Math.ceil(data.length / ATTACHMENT_CHUNK_BYTES));
  for (let index = 0; index < count; index++) {
    const chunk = data.subarray(index * ATTACHMENT_CHUNK_BYTES, (index + 1) * ATTACHMENT_CHUNK_BYTES);
    yield encryptAttachmentChunk(key, binding, index, index === count - 1, chunk);
  }
}

export function decryptAttachment(
  key: Uint8Array,
  binding: AttachmentBinding,
  chunks: readonly Uint8Array[],
) {
  if (chunks.length === 0) fail('malformed', 'an attachment has at least one chunk');
  return concatBytes(
    ...chunks.map((chunk, index) =>
      decryptAttachmentChunk(key, binding, index, index === chunks.length - 1, chunk),
    ),
  );
}
