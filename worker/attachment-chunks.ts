import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { ATTACHMENT_CHUNK_BYTES, chunkEnvelopeBytes } from '../core/api/attachments.js';
import type { AuditEventType } from '../core/api/audit.js';
import { base64UrlByteLength } from '../core/api/encoding.js';
import { commitAudited } from './audit.js';
import type { Db } from './db/client.js';
import type { kbAttachments } from './db/knowledge-schema.js';
import type { attachments } from './db/schema.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

/**
 * Chunk envelopes in R2, shared by case attachments and knowledge-base attachments: D1 holds the
 * file's size and chunk count, R2 one object per chunk under the owner's key prefix.
 */
export interface ChunkedUpload {
  readonly id: string;
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

/**
 * One kind of upload: where its rows and chunks live, what its audit events are called and what
 * they are about (the case or the article).
 */
export interface UploadKind<Row extends ChunkedUpload> {
  readonly table: typeof attachments | typeof kbAttachments;
  readonly uploadedEvent: AuditEventType;
  readonly readEvent: AuditEventType;
  readonly subjectOf: (row: Row) => string;
  readonly chunkKey: (row: Row, index: number) => string;
}

/** The request an upload is completed or read in: who, in which org, against which stores. */
export interface UploadRequest {
  readonly db: Db;
  readonly bucket: R2Bucket;
  readonly orgId: string;
  readonly userId: string;
}

/** The signed-in caller's request, with the attachments bucket. */
export const uploadRequest = (c: Context<AppEnv>): UploadRequest => ({
  db: c.var.db,
  bucket: c.env.ATTACHMENTS,
  orgId: c.var.session.org.id,
  userId: c.var.session.user.id,
});

/**
 * Completes `upload` once every chunk is in R2: stamps `completedAt` (only the first time) in one
 * batch with the audit event that records it.
 */
export async function completeUpload<Row extends ChunkedUpload>(
  request: UploadRequest,
  kind: UploadKind<Row>,
  upload: Row,
  completedAt: number,
): Promise<void> {
  await requireAllChunks(request.bucket, upload, request.userId, (index) => kind.chunkKey(upload, index));
  const { table } = kind;
  await commitAudited(
    request.db,
    request.orgId,
    {
      actor: request.userId,
      type: kind.uploadedEvent,
      subject: kind.subjectOf(upload),
      details: { attachment: upload.id, size: upload.size, chunks: upload.chunkCount },
    },
    () => [
      request.db
        .update(table)
        .set({ completedAt })
        .where(and(eq(table.id, upload.id), isNull(table.completedAt))),
    ],
  );
}

/** Chunk `index` of a completed upload; the first chunk's read is audited. */
export async function readChunk<Row extends ChunkedUpload>(
  request: UploadRequest,
  kind: UploadKind<Row>,
  upload: Row,
  index: number,
): Promise<string> {
  if (upload.completedAt === null)
    throw new ApiError(409, 'incomplete', 'this attachment is still uploading');
  const object = await request.bucket.get(kind.chunkKey(upload, index));
  if (!object) throw new ApiError(404, 'not_found', `no chunk ${index}`);
  // One audit event per download, on its first chunk: every ciphertext read is recorded.
  if (index === 0) {
    await commitAudited(request.db, request.orgId, {
      actor: request.userId,
      type: kind.readEvent,
      subject: kind.subjectOf(upload),
      details: { attachment: upload.id },
    });
  }
  return object.text();
}
