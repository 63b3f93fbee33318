import {
  articleAttachmentChunkSchema,
  articleAttachmentViewSchema,
  okResponseSchema,
} from '../../../../../core/api/index';
import {
  ATTACHMENT_CHUNK_BYTES,
  decryptAttachmentChunk,
  encryptAttachment,
  fail,
  fromBase64Url,
  toBase64Url,
} from '../../../../../crypto/index';
import type { CaseContext } from '../cases/context';
import type { StaffKeyRing } from './staff-key';

/**
 * Article attachments (issue 14, PROTOCOL §3 kind 0x04): sealed chunk by chunk under the current
 * staff key in this browser with the article, epoch and attachment bound in each chunk's context,
 * and checked chunk by chunk on the way back — a dropped, reordered or spliced chunk fails. The
 * article version that links the attachment keeps its name and type (secret).
 */

export async function uploadArticleAttachment(
  context: CaseContext,
  ring: StaffKeyRing,
  articleId: string,
  data: Uint8Array,
) {
  const epoch = ring.epoch;
  const key = ring.keys.get(epoch) ?? fail('wrong-key', 'the current staff key is not open');
  const attachmentId = crypto.randomUUID();
  const chunkCount = Math.max(1, Math.ceil(data.length / ATTACHMENT_CHUNK_BYTES));
  const base = `/api/knowledge/articles/${articleId}/attachments`;
  await context.api.send(
    'POST',
    base,
    { id: attachmentId, epoch, size: data.length, chunkCount },
    articleAttachmentViewSchema,
  );
  const binding = { org: context.orgId, articleId, epoch, attachmentId };
  let index = 0;
  for (const envelope of encryptAttachment(key, binding, data)) {
    await context.api.send(
      'PUT',
      `${base}/${attachmentId}/chunks/${index}`,
      { envelope: toBase64Url(envelope) },
      okResponseSchema,
    );
    index++;
  }
  return context.api.send('POST', `${base}/${attachmentId}/complete`, {}, articleAttachmentViewSchema);
}

export async function downloadArticleAttachment(
  context: CaseContext,
  ring: StaffKeyRing,
  articleId: string,
  attachmentId: string,
): Promise<Uint8Array> {
  const base = `/api/knowledge/articles/${articleId}/attachments/${attachmentId}`;
  const meta = await context.api.get(base, articleAttachmentViewSchema);
  const key = ring.keys.get(meta.epoch) ?? fail('wrong-key', `no staff key of epoch ${meta.epoch}`);
  const binding = { org: context.orgId, articleId, epoch: meta.epoch, attachmentId };
  const data = new Uint8Array(meta.size);
  for (let index = 0; index < meta.chunkCount; index++) {
    const { envelope } = await context.api.get(`${base}/chunks/${index}`, articleAttachmentChunkSchema);
    const chunk = decryptAttachmentChunk(
      key,
      binding,
      index,
      index === meta.chunkCount - 1,
      fromBase64Url(envelope),
    );
    if (index * ATTACHMENT_CHUNK_BYTES + chunk.length > data.length) {
      fail('tampered', 'the attachment is longer than its size');
    }
    data.set(chunk, index * ATTACHMENT_CHUNK_BYTES);
  }
  return data;
}
