import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  articleIdParamSchema,
  createArticleRequestSchema,
  createCategoryRequestSchema,
  saveArticleVersionRequestSchema,
} from '../../core/api/knowledge.js';
import { KNOWLEDGE_WRITER_ROLES } from '../../core/api/staff-key.js';
import { commitAudited } from '../audit.js';
import { refuseDuplicate } from '../db/client.js';
import { kbArticles, kbArticleVersions, kbCategories } from '../db/knowledge-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireCertified } from '../key-wraps.js';
import {
  articleListQuery,
  articleNotFound,
  articleQuery,
  articleVersionsQuery,
  assertArticleSignature,
  categoryQuery,
  requireCategory,
  toArticleView,
  toVersionView,
} from '../knowledge.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { requireWritableEpoch, staffKeyQueries, toStaffKeyState } from '../staff-key.js';
import { jsonBody, pathParams } from '../validation.js';
import { addLabelRoutes } from './labels.js';

/**
 * The knowledge base (知识库, issue 14): categories (operational) and articles whose every version
 * is an envelope under the staff key. Every certified staff member reads; writers need a role in
 * KNOWLEDGE_WRITER_ROLES and the current staff key.
 */
export const knowledgeRoutes = new Hono<AppEnv>();
const requireWriter = requireRoles(...KNOWLEDGE_WRITER_ROLES);

/** Any signed-in member whose keys an admin certified reads the knowledge base. */
const requireCertifiedReader = createMiddleware<AppEnv>((c, next) =>
  requireSession(c, async () => {
    requireCertified(c.var.session.user, 'read the knowledge base');
    await next();
  }),
);

addLabelRoutes(knowledgeRoutes, '/categories', {
  table: kbCategories,
  noun: 'category',
  listKey: 'categories',
  reader: requireCertifiedReader,
  createSchema: createCategoryRequestSchema,
  createdEvent: 'knowledge.category_created',
});

knowledgeRoutes.get('/articles', requireSession, async (c) => {
  requireCertified(c.var.session.user, 'read the knowledge base');
  const rows = await articleListQuery(c.var.db);
  return c.json({ articles: rows.map((row) => toArticleView(row.article, row.latest)) });
});

knowledgeRoutes.get('/articles/:id', requireSession, pathParams(articleIdParamSchema), async (c) => {
  const { db, session } = c.var;
  requireCertified(session.user, 'read the knowledge base');
  const id = c.req.valid('param').id;
  const [[article], versions] = await db.batch([articleQuery(db, id), articleVersionsQuery(db, id)]);
  const latest = versions.at(-1);
  if (!article || !latest) throw articleNotFound();
  return c.json({ article: toArticleView(article, latest), versions: versions.map(toVersionView) });
});

knowledgeRoutes.post('/articles', requireWriter, jsonBody(createArticleRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  requireCertified(session.user, 'write in the knowledge base');
  const [epochs, holders, mine, category] = await db.batch([
    ...staffKeyQueries(db, session.user.id),
    categoryQuery(db, body.categoryId),
  ]);
  requireWritableEpoch(toStaffKeyState(epochs, holders, mine), body.epoch);
  requireCategory(body.categoryId, category);
  assertArticleSignature(session, { ...body, articleId: body.id, version: 1 });
  const now = Date.now();
  const article = {
    id: body.id,
    categoryId: body.categoryId,
    currentVersion: 1,
    createdBy: session.user.id,
    createdAt: now,
    updatedAt: now,
  };
  const version = {
    articleId: body.id,
    version: 1,
    epoch: body.epoch,
    authorId: session.user.id,
    envelope: body.envelope,
    sig: body.sig,
    createdAt: now,
  };
  await refuseDuplicate(
    'kb_articles.id',
    () => new ApiError(409, 'conflict', 'this article id is taken'),
    () =>
      commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'knowledge.article_saved',
          subject: body.id,
          details: { version: 1, epoch: body.epoch, category: body.categoryId },
        },
        () => [db.insert(kbArticles).values(article), db.insert(kbArticleVersions).values(version)],
      ),
  );
  return c.json(toArticleView(article, version), 201);
});

/** Saving is a new version: the next number, or 409 when someone saved in between. */
knowledgeRoutes.post(
  '/articles/:id/versions',
  requireWriter,
  pathParams(articleIdParamSchema),
  jsonBody(saveArticleVersionRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    requireCertified(session.user, 'write in the knowledge base');
    const [epochs, holders, mine, [article], category] = await db.batch([
      ...staffKeyQueries(db, session.user.id),
      articleQuery(db, id),
      categoryQuery(db, body.categoryId),
    ]);
    if (!article) throw articleNotFound();
    if (body.version !== article.currentVersion + 1) {
      throw new ApiError(409, 'stale_version', `the article is at version ${article.currentVersion}`);
    }
    requireWritableEpoch(toStaffKeyState(epochs, holders, mine), body.epoch);
    requireCategory(body.categoryId, category);
    assertArticleSignature(session, { ...body, articleId: id });
    const now = Date.now();
    const version = {
      articleId: id,
      version: body.version,
      epoch: body.epoch,
      authorId: session.user.id,
      envelope: body.envelope,
      sig: body.sig,
      createdAt: now,
    };
    // Two saves of the same next version collide on the version's primary key.
    await refuseDuplicate(
      'kb_article_versions',
      () => new ApiError(409, 'stale_version', 'someone saved this article first'),
      () =>
        commitAudited(
          db,
          session.org.id,
          {
            actor: session.user.id,
            type: 'knowledge.article_saved',
            subject: id,
            details: { version: body.version, epoch: body.epoch, category: body.categoryId },
          },
          () => [
            db.insert(kbArticleVersions).values(version),
            db
              .update(kbArticles)
              .set({ currentVersion: body.version, categoryId: body.categoryId, updatedAt: now })
              .where(and(eq(kbArticles.id, id), eq(kbArticles.currentVersion, article.currentVersion))),
          ],
        ),
    );
    const saved = { ...article, currentVersion: body.version, categoryId: body.categoryId, updatedAt: now };
    return c.json(toArticleView(saved, version), 201);
  },
);
