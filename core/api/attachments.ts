import { idSchema, opaqueBytes } from './encoding.js';
import { z } from './zod.js';

/**
 * Encrypted attachments (issue 4, PROTOCOL §3 kind 0x04): the browser splits the file into 64 KiB
 * chunks, seals each under the case key with `|chunk=<i>|final=<0|1>` in its context, and uploads
 * them one by one; the server stores opaque envelopes in R2 and their count and total size in D1.
 */

export const ATTACHMENT_CHUNK_BYTES = 64 * 1024;
/** 58-byte header + plaintext + 16-byte tag */
export const chunkEnvelopeBytes = (plaintextBytes: number) => 58 + plaintextBytes + 16;

export const createAttachmentRequestSchema = z.object({
  id: idSchema,
  epoch: z.int().nonnegative(),
  size: z.int().nonnegative(),
  chunkCount: z.int().min(1),
});
export type CreateAttachmentRequest = z.input<typeof createAttachmentRequestSchema>;

export const attachmentChunkSchema = z.object({
  envelope: opaqueBytes('chunk envelope', chunkEnvelopeBytes(ATTACHMENT_CHUNK_BYTES)),
});
export type AttachmentChunk = z.infer<typeof attachmentChunkSchema>;

export const attachmentViewSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  epoch: z.int().nonnegative(),
  size: z.int().nonnegative(),
  chunkCount: z.int().min(1),
  uploadedBy: idSchema,
  createdAt: z.int(),
  completedAt: z.int().nullable(),
});
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

export const attachmentParamsSchema = z.object({ id: idSchema, attachmentId: idSchema });
export const chunkParamsSchema = attachmentParamsSchema.extend({ index: z.coerce.number().int().min(0) });
