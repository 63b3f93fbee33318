import { attachmentChunkSchema, attachmentViewSchema, okResponseSchema } from '../../../../../core/api/index';
import {
  ATTACHMENT_CHUNK_BYTES,
  decryptAttachmentChunk,
  encryptAttachment,
  fromBase64Url,
  toBase64Url,
} from '../../../../../crypto/index';
import type { CaseContext } from './context';
import type { OpenedCase } from './open';

/**
 * Attachments (issue 4, PROTOCOL §3 kind 0x04): sealed chunk by chunk under the current case key
 * in this browser, uploaded as opaque envelopes, reassembled and checked chunk by chunk on the way
 * back — a dropped, reordered or spliced chunk fails. The record that refers to the attachment
 * keeps its name and type (secret) and its id. `onChunk(done, total)` follows the chunks as they go.
 */

export type ChunkProgress = (done: number, total: number) => void;

export async function uploadAttachment(
  context: CaseContext,
  opened: OpenedCase,
  data: Uint8Array,
  onChunk?: ChunkProgress,
) {
  const caseId = opened.view.case.id;
  const epoch = opened.currentEpoch;
  const key = opened.keys.get(epoch);
  if (!key) throw new Error('the current case key is not open');
  const attachmentId = crypto.randomUUID();
  const chunkCount = Math.max(1, Math.ceil(data.length / ATTACHMENT_CHUNK_BYTES));
  const base = `/api/cases/${caseId}/attachments/${attachmentId}`;
  await context.api.send(
    'POST',
    `/api/cases/${caseId}/attachments`,
    { id: attachmentId, epoch, size: data.length, chunkCount },
    attachmentViewSchema,
  );
  let index = 0;
  onChunk?.(0, chunkCount);
  for (const envelope of encryptAttachment(key, { org: context.orgId, caseId, attachmentId }, data)) {
    await context.api.send(
      'PUT',
      `${base}/chunks/${index}`,
      { envelope: toBase64Url(envelope) },
      okResponseSchema,
    );
    index++;
    onChunk?.(index, chunkCount);
  }
  return context.api.send('POST', `${base}/complete`, {}, attachmentViewSchema);
}

export async function downloadAttachment(
  context: CaseContext,
  opened: OpenedCase,
  attachmentId: string,
  onChunk?: ChunkProgress,
) {
  const caseId = opened.view.case.id;
  const base = `/api/cases/${caseId}/attachments/${attachmentId}`;
  const meta = await context.api.get(base, attachmentViewSchema);
  const key = opened.keys.get(meta.epoch);
  if (!key) throw new Error(`no key for epoch ${meta.epoch} of this case`);
  const binding = { org: context.orgId, caseId, attachmentId };
  const data = new Uint8Array(meta.size);
  onChunk?.(0, meta.chunkCount);
  for (let index = 0; index < meta.chunkCount; index++) {
    const { envelope } = await context.api.get(`${base}/chunks/${index}`, attachmentChunkSchema);
    const chunk = decryptAttachmentChunk(
      key,
      binding,
      index,
      index === meta.chunkCount - 1,
      fromBase64Url(envelope),
    );
    if (index * ATTACHMENT_CHUNK_BYTES + chunk.length > data.length)
      throw new Error('the attachment is longer than its size');
    data.set(chunk, index * ATTACHMENT_CHUNK_BYTES);
    onChunk?.(index + 1, meta.chunkCount);
  }
  return data;
}
