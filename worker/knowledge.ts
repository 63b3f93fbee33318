import { and, asc, desc, eq } from 'drizzle-orm';
import type { ArticleView } from '../core/api/knowledge.js';
import { fromBase64Url } from '../crypto/bytes.js';
import { verifySync } from '../crypto/ed25519.js';
import { articleSignatureMessage, articleVersionContext } from '../crypto/knowledge.js';
import type { Db } from './db/client.js';
import {
  type KbArticleRow,
  type KbArticleVersionRow,
  kbArticles,
  kbArticleVersions,
  kbCategories,
} from './db/knowledge-schema.js';
import type { ActiveSession } from './env.js';
import { ApiError } from './errors.js';

/**
 * Knowledge-base articles on the server's side (issue 14): ids, categories, versions, epochs and
 * ciphertext. The server checks each version's author signature (crypto/knowledge.ts) before
 * storing it, so a stored version proves who wrote it and where it belongs.
 */

export const articleNotFound = () => new ApiError(404, 'not_found', 'no such article');

export function articleListQuery(db: Db) {
  return db
    .select({ article: kbArticles, latest: kbArticleVersions })
    .from(kbArticles)
    .innerJoin(
      kbArticleVersions,
      and(
        eq(kbArticleVersions.articleId, kbArticles.id),
        eq(kbArticleVersions.version, kbArticles.currentVersion),
      ),
    )
    .orderBy(desc(kbArticles.updatedAt));
}

export function articleQuery(db: Db, articleId: string) {
  return db.select().from(kbArticles).where(eq(kbArticles.id, articleId)).limit(1);
}

export function articleVersionsQuery(db: Db, articleId: string) {
  return db
    .select()
    .from(kbArticleVersions)
    .where(eq(kbArticleVersions.articleId, articleId))
    .orderBy(asc(kbArticleVersions.version));
}

export function categoryQuery(db: Db, categoryId: string | null) {
  // A category id that cannot exist still yields a query, so the batch keeps its shape.
  return db
    .select({ id: kbCategories.id })
    .from(kbCategories)
    .where(eq(kbCategories.id, categoryId ?? ''))
    .limit(1);
}

export function requireCategory(categoryId: string | null, rows: readonly { id: string }[]): void {
  if (categoryId !== null && rows.length === 0) {
    throw new ApiError(404, 'category_not_found', 'no such category');
  }
}

export const toVersionView = (row: KbArticleVersionRow) => ({
  version: row.version,
  epoch: row.epoch,
  authorId: row.authorId,
  envelope: row.envelope,
  sig: row.sig,
  createdAt: row.createdAt,
});

export const toArticleView = (article: KbArticleRow, latest: KbArticleVersionRow): ArticleView => ({
  id: article.id,
  categoryId: article.categoryId,
  createdBy: article.createdBy,
  createdAt: article.createdAt,
  updatedAt: article.updatedAt,
  latest: toVersionView(latest),
});

/** The caller signed this envelope as this version of this article under this epoch. */
export function assertArticleSignature(
  session: ActiveSession,
  version: { articleId: string; version: number; epoch: number; envelope: string; sig: string },
): void {
  const context = articleVersionContext({
    org: session.org.id,
    articleId: version.articleId,
    version: version.version,
    epoch: version.epoch,
    author: session.user.id,
  });
  const message = articleSignatureMessage(context, fromBase64Url(version.envelope));
  if (!verifySync(fromBase64Url(session.user.ed25519Pk), message, fromBase64Url(version.sig))) {
    throw new ApiError(
      400,
      'bad_signature',
      'the article signature does not verify under your certified key for this article and version',
    );
  }
}
