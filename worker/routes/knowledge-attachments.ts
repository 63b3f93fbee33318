import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { ATTACHMENT_CHUNK_BYTES } from '../../core/api/attachments.js';
import {
  type ArticleAttachmentView,
  articleAttachmentChunkSchema,
  articleAttachmentParamsSchema,
  articleChunkParamsSchema,
  articleIdParamSchema,
  createArticleAttachmentRequestSchema,
} from '../../core/api/knowledge.js';
import { KNOWLEDGE_WRITER_ROLES } from '../../core/api/staff-key.js';
import {
  completeUpload,
  readChunk,
  storeChunk,
  type UploadKind,
  uploadRequest,
} from '../attachment-chunks.js';
import type { Db } from '../db/client.js';
import { refuseDuplicate } from '../db/client.js';
import { type KbAttachmentRow, kbAttachments } from '../db/knowledge-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireCertified } from '../key-wraps.js';
import { articleNotFound, articleQuery } from '../knowledge.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { requireWritableEpoch, staffKeyQueries, toStaffKeyState } from '../staff-key.js';
import { jsonBody, pathParams } from '../validation.js';

/**
 * Article attachments (issue 14): chunk envelopes under the staff key to R2, their count and size
 * to D1, as case attachments (routes/attachments.ts). Writers holding the current staff key upload
 * to an existing article; every certified staff member downloads. The file's name and type are
 * inside the article version that links it.
 */
export const knowledgeAttachmentRoutes = new Hono<AppEnv>();
const requireWriter = requireRoles(...KNOWLEDGE_WRITER_ROLES);

const DEFAULT_MAX_MB = 25;
const KNOWLEDGE_ATTACHMENTS: UploadKind<KbAttachmentRow> = {
  table: kbAttachments,
  uploadedEvent: 'knowledge.attachment_uploaded',
  readEvent: 'knowledge.attachment_read',
  subjectOf: (row) => row.articleId,
  chunkKey: (row, index) => `kb/${row.articleId}/${row.id}/${index}`,
};

const toView = (row: KbAttachmentRow): ArticleAttachmentView => ({
  id: row.id,
  articleId: row.articleId,
  epoch: row.epoch,
  size: row.size,
  chunkCount: row.chunkCount,
  uploadedBy: row.uploadedBy,
  createdAt: row.createdAt,
  completedAt: row.completedAt,
});

async function findAttachment(db: Db, articleId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(kbAttachments)
    .where(and(eq(kbAttachments.id, attachmentId), eq(kbAttachments.articleId, articleId)))
    .limit(1);
  if (!row) throw new ApiError(404, 'not_found', 'no such attachment');
  return row;
}

knowledgeAttachmentRoutes.post(
  '/:id/attachments',
  requireWriter,
  pathParams(articleIdParamSchema),
  jsonBody(createArticleAttachmentRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    requireCertified(session.user, 'write in the knowledge base');
    const articleId = c.req.valid('param').id;
    const body = c.req.valid('json');
    const maxBytes = Number(c.env.ATTACHMENT_MAX_MB ?? DEFAULT_MAX_MB) * 1024 * 1024;
    if (body.size > maxBytes) {
      throw new ApiError(413, 'payload_too_large', `attachments are at most ${maxBytes / 1024 / 1024} MB`);
    }
    if (body.chunkCount !== Math.max(1, Math.ceil(body.size / ATTACHMENT_CHUNK_BYTES))) {
      throw new ApiError(400, 'invalid_request', 'chunkCount does not fit the size in 64 KiB chunks');
    }
    const [epochs, holders, mine, [article]] = await db.batch([
      ...staffKeyQueries(db, session.user.id),
      articleQuery(db, articleId),
    ]);
    if (!article) throw articleNotFound();
    requireWritableEpoch(toStaffKeyState(epochs, holders, mine), body.epoch);
    const row: KbAttachmentRow = {
      id: body.id,
      articleId,
      epoch: body.epoch,
      size: body.size,
      chunkCount: body.chunkCount,
      uploadedBy: session.user.id,
      createdAt: Date.now(),
      completedAt: null,
    };
    await refuseDuplicate(
      'kb_attachments.id',
      () => new ApiError(409, 'conflict', 'this attachment id is taken'),
      () => db.insert(kbAttachments).values(row),
    );
    return c.json(toView(row), 201);
  },
);

knowledgeAttachmentRoutes.put(
  '/:id/attachments/:attachmentId/chunks/:index',
  requireWriter,
  pathParams(articleChunkParamsSchema),
  jsonBody(articleAttachmentChunkSchema),
  async (c) => {
    const { db, session } = c.var;
    requireCertified(session.user, 'write in the knowledge base');
    const { id, attachmentId, index } = c.req.valid('param');
    const row = await findAttachment(db, id, attachmentId);
    const { envelope } = c.req.valid('json');
    await storeChunk(
      c.env.ATTACHMENTS,
      row,
      session.user.id,
      index,
      envelope,
      KNOWLEDGE_ATTACHMENTS.chunkKey(row, index),
    );
    return c.json({ ok: true as const });
  },
);

knowledgeAttachmentRoutes.post(
  '/:id/attachments/:attachmentId/complete',
  requireWriter,
  pathParams(articleAttachmentParamsSchema),
  async (c) => {
    const { db, session } = c.var;
    requireCertified(session.user, 'write in the knowledge base');
    const { id, attachmentId } = c.req.valid('param');
    const row = await findAttachment(db, id, attachmentId);
    const completedAt = row.completedAt ?? Date.now();
    await completeUpload(uploadRequest(c), KNOWLEDGE_ATTACHMENTS, row, completedAt);
    return c.json(toView({ ...row, completedAt }));
  },
);

knowledgeAttachmentRoutes.get(
  '/:id/attachments/:attachmentId',
  requireSession,
  pathParams(articleAttachmentParamsSchema),
  async (c) => {
    requireCertified(c.var.session.user, 'read the knowledge base');
    const { id, attachmentId } = c.req.valid('param');
    return c.json(toView(await findAttachment(c.var.db, id, attachmentId)));
  },
);

knowledgeAttachmentRoutes.get(
  '/:id/attachments/:attachmentId/chunks/:index',
  requireSession,
  pathParams(articleChunkParamsSchema),
  async (c) => {
    const { db, session } = c.var;
    requireCertified(session.user, 'read the knowledge base');
    const { id, attachmentId, index } = c.req.valid('param');
    const row = await findAttachment(db, id, attachmentId);
    return c.json({ envelope: await readChunk(uploadRequest(c), KNOWLEDGE_ATTACHMENTS, row, index) });
  },
);
