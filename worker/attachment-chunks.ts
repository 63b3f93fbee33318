import { ATTACHMENT_CHUNK_BYTES, chunkEnvelopeBytes } from '../core/api/attachments.js';
import { base64UrlByteLength } from '../core/api/encoding.js';
import { ApiError } from './errors.js';

/**
 * Chunk envelopes in R2, shared by case attachments and knowledge-base attachments: D1 holds the
 * file's size and chunk count, R2 one object per chunk under the owner's key prefix.
 */
export interface ChunkedUpload {
  readonly size: number;
  readonly chunkCount: number;
  readonly uploadedBy: string;
  readonly completedAt: number | null;
}

/** The plaintext length of chunk `index`: full chunks, then the rest (PROTOCOL §3). */
export function plaintextLength(upload: Pick<ChunkedUpload, 'size' | 'chunkCount'>, index: number): number {
  return index < upload.chunkCount - 1
    ? ATTACHMENT_CHUNK_BYTES
    : upload.size - ATTACHMENT_CHUNK_BYTES * (upload.chunkCount - 1);
}

/**
 * Stores chunk `index` of an upload still open to `userId`, refusing one past the last or of a
 * size its place does not allow (the browser checks the content; the server checks the shape).
 */
export async function storeChunk(
  bucket: R2Bucket,
  upload: ChunkedUpload,
  userId: string,
  index: number,
  envelope: string,
  key: string,
): Promise<void> {
  if (upload.uploadedBy !== userId || upload.completedAt !== null) {
    throw new ApiError(409, 'conflict', 'this attachment is not open for your upload');
  }
  if (index >= upload.chunkCount)
    throw new ApiError(400, 'invalid_request', `chunk ${index} is past the last`);
  if (base64UrlByteLength(envelope) !== chunkEnvelopeBytes(plaintextLength(upload, index))) {
    throw new ApiError(400, 'invalid_request', `chunk ${index} has the wrong size`);
  }
  await bucket.put(key, envelope);
}

/** Refuses to complete an upload that is not `userId`'s or has a chunk missing in R2. */
export async function requireAllChunks(
  bucket: R2Bucket,
  upload: ChunkedUpload,
  userId: string,
  keyOf: (index: number) => string,
): Promise<void> {
  if (upload.uploadedBy !== userId) throw new ApiError(409, 'conflict', 'not your upload');
  const present = await Promise.all(
    Array.from({ length: upload.chunkCount }, (_, index) => bucket.head(keyOf(index))),
  );
  const missing = present.indexOf(null);
  if (missing >= 0) throw new ApiError(409, 'incomplete', `chunk ${missing} has not been uploaded`);
}
