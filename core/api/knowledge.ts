import { ATTACHMENT_CHUNK_BYTES } from './attachments.js';
import { idSchema, opaqueBytes, signature } from './encoding.js';
import { z } from './zod.js';

/**
 * The knowledge base (知识库, issue 14; crypto/knowledge.ts). Categories are operational names an
 * admin chooses; every article version's title and Markdown body are one envelope under the staff
 * key, signed by its author. Each save is a new version; history is every version.
 */

/** A version envelope: 58-byte header + up to 256 KiB of plaintext + 16-byte tag. */
export const MAX_ARTICLE_ENVELOPE_BYTES = 58 + 262_144 + 16;

export const categoryNameSchema = z.string().trim().min(1).max(60);

export const createCategoryRequestSchema = z.object({ id: idSchema, name: categoryNameSchema });
export type CreateCategoryRequest = z.input<typeof createCategoryRequestSchema>;

export const categoryViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  createdAt: z.int(),
});
export type CategoryView = z.infer<typeof categoryViewSchema>;
export const categoryListSchema = z.object({ categories: z.array(categoryViewSchema) });

const sealedVersionFields = {
  epoch: z.int().nonnegative(),
  envelope: opaqueBytes('article envelope', MAX_ARTICLE_ENVELOPE_BYTES),
  sig: signature('article signature'),
};

/** POST /api/knowledge/articles: version 1 of a new article. */
export const createArticleRequestSchema = z.object({
  id: idSchema,
  categoryId: idSchema.nullable(),
  ...sealedVersionFields,
});
export type CreateArticleRequest = z.input<typeof createArticleRequestSchema>;

/** POST /api/knowledge/articles/:id/versions: the next version (current + 1), never an overwrite. */
export const saveArticleVersionRequestSchema = z.object({
  version: z.int().min(2),
  categoryId: idSchema.nullable(),
  ...sealedVersionFields,
});
export type SaveArticleVersionRequest = z.input<typeof saveArticleVersionRequestSchema>;

export const articleVersionViewSchema = z.object({
  version: z.int().positive(),
  epoch: z.int().nonnegative(),
  authorId: idSchema,
  envelope: z.string(),
  sig: z.string(),
  createdAt: z.int(),
});
export type ArticleVersionView = z.infer<typeof articleVersionViewSchema>;

export const articleViewSchema = z.object({
  id: idSchema,
  categoryId: idSchema.nullable(),
  createdBy: idSchema,
  createdAt: z.int(),
  updatedAt: z.int(),
  latest: articleVersionViewSchema,
});
export type ArticleView = z.infer<typeof articleViewSchema>;
export const articleListSchema = z.object({ articles: z.array(articleViewSchema) });

export const articleHistorySchema = z.object({
  article: articleViewSchema,
  versions: z.array(articleVersionViewSchema),
});
export type ArticleHistory = z.infer<typeof articleHistorySchema>;

export const articleIdParamSchema = z.object({ id: idSchema });

export type { CreateAttachmentRequest as CreateArticleAttachmentRequest } from './attachments.js';
/**
 * Article attachments: 64 KiB chunks under the staff key, exactly as record attachments under a
 * case key, so the request and chunk shapes are the case attachments' own.
 */
export {
  attachmentChunkSchema as articleAttachmentChunkSchema,
  createAttachmentRequestSchema as createArticleAttachmentRequestSchema,
} from './attachments.js';

export const articleAttachmentViewSchema = z.object({
  id: idSchema,
  articleId: idSchema,
  epoch: z.int().nonnegative(),
  size: z.int().nonnegative(),
  chunkCount: z.int().min(1),
  uploadedBy: idSchema,
  createdAt: z.int(),
  completedAt: z.int().nullable(),
});
export type ArticleAttachmentView = z.infer<typeof articleAttachmentViewSchema>;

export const articleAttachmentParamsSchema = z.object({ id: idSchema, attachmentId: idSchema });
export const articleChunkParamsSchema = articleAttachmentParamsSchema.extend({
  index: z.coerce
    .number()
    .int()
    .min(0)
    .max(Math.ceil((100 * 1024 * 1024) / ATTACHMENT_CHUNK_BYTES)),
});
