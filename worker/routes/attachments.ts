import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  ATTACHMENT_CHUNK_BYTES,
  type AttachmentView,
  attachmentChunkSchema,
  attachmentParamsSchema,
  chunkParamsSchema,
  createAttachmentRequestSchema,
} from '../../core/api/attachments.js';
import { caseIdParamSchema } from '../../core/api/cases.js';
import type { Permission } from '../../core/api/key-wraps.js';
import {
  completeUpload,
  readChunk,
  storeChunk,
  type UploadKind,
  uploadRequest,
} from '../attachment-chunks.js';
import { caseHolderQueries, judgeCaseHolder, requireCaseHolder } from '../case-access.js';
import type { Db } from '../db/client.js';
import { type AttachmentRow, attachments } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireSession } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';

/**
 * Encrypted attachments (issue 4): chunk envelopes to R2, their count and size to D1. Only key
 * holders upload and read; the file's name and type are secret and live in the record instead.
 */
export const attachmentRoutes = new Hono<AppEnv>();

const DEFAULT_MAX_MB = 25;
const CASE_ATTACHMENTS: UploadKind<AttachmentRow> = {
  table: attachments,
  uploadedEvent: 'attachment.uploaded',
  readEvent: 'attachment.read',
  subjectOf: (row) => row.caseId,
  chunkKey: (row, index) => `cases/${row.caseId}/attachments/${row.id}/${index}`,
};

function toView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    caseId: row.caseId,
    epoch: row.epoch,
    size: row.size,
    chunkCount: row.chunkCount,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}

const attachmentQuery = (db: Db, caseId: string, attachmentId: string) =>
  db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.caseId, caseId)))
    .limit(1);

function foundAttachment(rows: readonly AttachmentRow[]): AttachmentRow {
  const [row] = rows;
  if (!row) throw new ApiError(404, 'not_found', 'no such attachment');
  return row;
}

/** The caller's access to the case and the attachment, in one read batch. */
async function requireHeldAttachment(
  db: Db,
  userId: string,
  caseId: string,
  attachmentId: string,
  perm: Permission,
) {
  const [caseRows, mine, rows] = await db.batch([
    ...caseHolderQueries(db, caseId, userId),
    attachmentQuery(db, caseId, attachmentId),
  ]);
  judgeCaseHolder(caseRows, mine, Date.now(), perm);
  return foundAttachment(rows);
}

attachmentRoutes.post(
  '/:id/attachments',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(createAttachmentRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { caseRow } = await requireCaseHolder(
      db,
      c.req.valid('param').id,
      session.user.id,
      Date.now(),
      'write',
    );
    const body = c.req.valid('json');
    const maxBytes = Number(c.env.ATTACHMENT_MAX_MB ?? DEFAULT_MAX_MB) * 1024 * 1024;
    if (body.size > maxBytes) {
      throw new ApiError(413, 'payload_too_large', `attachments are at most ${maxBytes / 1024 / 1024} MB`);
    }
    if (body.chunkCount !== Math.max(1, Math.ceil(body.size / ATTACHMENT_CHUNK_BYTES))) {
      throw new ApiError(400, 'invalid_request', 'chunkCount does not fit the size in 64 KiB chunks');
    }
    if (body.epoch !== caseRow.currentEpoch) {
      throw new ApiError(
        409,
        'stale_epoch',
        `seal attachments under the current epoch ${caseRow.currentEpoch}`,
      );
    }
    const row: AttachmentRow = {
      id: body.id,
      caseId: caseRow.id,
      epoch: body.epoch,
      size: body.size,
      chunkCount: body.chunkCount,
      uploadedBy: session.user.id,
      createdAt: Date.now(),
      completedAt: null,
    };
    const [, storedRows] = await db.batch([
      db.insert(attachments).values(row).onConflictDoNothing(),
      attachmentQuery(db, caseRow.id, body.id),
    ]);
    const stored = foundAttachment(storedRows);
    if (stored.uploadedBy !== session.user.id)
      throw new ApiError(409, 'conflict', 'this attachment id is taken');
    return c.json(toView(stored), 201);
  },
);

attachmentRoutes.put(
  '/:id/attachments/:attachmentId/chunks/:index',
  requireSession,
  pathParams(chunkParamsSchema),
  jsonBody(attachmentChunkSchema),
  async (c) => {
    const { db, session } = c.var;
    const { id, attachmentId, index } = c.req.valid('param');
    const row = await requireHeldAttachment(db, session.user.id, id, attachmentId, 'write');
    const { envelope } = c.req.valid('json');
    await storeChunk(
      c.env.ATTACHMENTS,
      row,
      session.user.id,
      index,
      envelope,
      CASE_ATTACHMENTS.chunkKey(row, index),
    );
    return c.json({ ok: true as const });
  },
);

attachmentRoutes.post(
  '/:id/attachments/:attachmentId/complete',
  requireSession,
  pathParams(attachmentParamsSchema),
  async (c) => {
    const { db, session } = c.var;
    const { id, attachmentId } = c.req.valid('param');
    const row = await requireHeldAttachment(db, session.user.id, id, attachmentId, 'write');
    const completedAt = Date.now();
    await completeUpload(uploadRequest(c), CASE_ATTACHMENTS, row, completedAt);
    return c.json(toView({ ...row, completedAt }));
  },
);

attachmentRoutes.get(
  '/:id/attachments/:attachmentId',
  requireSession,
  pathParams(attachmentParamsSchema),
  async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    return c.json(
      toView(await requireHeldAttachment(c.var.db, c.var.session.user.id, id, attachmentId, 'read')),
    );
  },
);

attachmentRoutes.get(
  '/:id/attachments/:attachmentId/chunks/:index',
  requireSession,
  pathParams(chunkParamsSchema),
  async (c) => {
    const { db, session } = c.var;
    const { id, attachmentId, index } = c.req.valid('param');
    const row = await requireHeldAttachment(db, session.user.id, id, attachmentId, 'read');
    return c.json({ envelope: await readChunk(uploadRequest(c), CASE_ATTACHMENTS, row, index) });
  },
);
