import {
  type ArticleVersionView,
  type ArticleView,
  articleHistorySchema,
  articleListSchema,
  articleViewSchema,
} from '../../../../../core/api/index';
import { z } from '../../../../../core/api/zod';
import {
  canonicalJson,
  fail,
  fromBase64Url,
  fromUtf8,
  isCryptoError,
  openArticleVersion,
  sealArticleVersion,
  toBase64Url,
  utf8,
} from '../../../../../crypto/index';
import type { CaseContext } from '../cases/context';
import type { StaffKeyRing } from './staff-key';

/**
 * Knowledge-base articles in the browser (issue 14, crypto/knowledge.ts): each version's title,
 * Markdown body and attachment list are one envelope under the staff key, signed by its author;
 * a reader checks the author's certified key and the signature before opening anything.
 */

export const articleAttachmentRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.int().nonnegative(),
});
export type ArticleAttachmentRef = z.infer<typeof articleAttachmentRefSchema>;

const articleTextSchema = z.object({
  title: z.string(),
  body: z.string(),
  attachments: z.array(articleAttachmentRefSchema).default([]),
});
export type ArticleText = z.input<typeof articleTextSchema>;

export interface OpenedVersion {
  version: number;
  epoch: number;
  authorId: string;
  createdAt: number;
  title: string;
  body: string;
  attachments: ArticleAttachmentRef[];
}

export interface OpenedArticle {
  id: string;
  categoryId: string | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  latest: OpenedVersion;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fail('malformed', 'an article version is not JSON');
  }
}

async function openVersion(
  context: CaseContext,
  ring: StaffKeyRing,
  articleId: string,
  version: ArticleVersionView,
): Promise<OpenedVersion> {
  const author =
    ring.people.get(version.authorId) ?? fail('uncertified', 'an article version has an uncertified author');
  const key = ring.keys.get(version.epoch) ?? fail('wrong-key', `no staff key of epoch ${version.epoch}`);
  const plaintext = await openArticleVersion(
    key,
    {
      org: context.orgId,
      articleId,
      version: version.version,
      epoch: version.epoch,
      author: version.authorId,
    },
    { envelope: fromBase64Url(version.envelope), sig: fromBase64Url(version.sig) },
    author.ed25519Pk,
  );
  const parsed = articleTextSchema.safeParse(parseJson(fromUtf8(plaintext)));
  if (!parsed.success) fail('malformed', 'an article version is not an article');
  return {
    version: version.version,
    epoch: version.epoch,
    authorId: version.authorId,
    createdAt: version.createdAt,
    ...parsed.data,
  };
}

const openArticle = async (
  context: CaseContext,
  ring: StaffKeyRing,
  view: ArticleView,
): Promise<OpenedArticle> => ({
  id: view.id,
  categoryId: view.categoryId,
  createdBy: view.createdBy,
  createdAt: view.createdAt,
  updatedAt: view.updatedAt,
  latest: await openVersion(context, ring, view.id, view.latest),
});

/** One article as a reader finds it: opened, or the reason its newest version failed its checks. */
export type ArticleEntry =
  | { ok: true; article: OpenedArticle }
  | { ok: false; view: ArticleView; problem: string };

/** One version in an article's history: opened, or why it failed its checks (kept in place). */
export type VersionEntry =
  | { ok: true; version: OpenedVersion }
  | { ok: false; view: ArticleVersionView; problem: string };

const problemOf = (error: unknown): string => {
  if (isCryptoError(error)) return error.code;
  throw error;
};

/** Every article's newest version; one that fails its checks is reported, never shown as text. */
export async function listArticles(context: CaseContext, ring: StaffKeyRing): Promise<ArticleEntry[]> {
  const { articles } = await context.api.get('/api/knowledge/articles', articleListSchema);
  return Promise.all(
    articles.map(async (view): Promise<ArticleEntry> => {
      try {
        return { ok: true, article: await openArticle(context, ring, view) };
      } catch (error) {
        return { ok: false, view, problem: problemOf(error) };
      }
    }),
  );
}

/** Every version of one article, oldest first; throws if any fails its checks. */
export async function articleHistory(context: CaseContext, ring: StaffKeyRing, articleId: string) {
  const history = await context.api.get(`/api/knowledge/articles/${articleId}`, articleHistorySchema);
  return {
    article: await openArticle(context, ring, history.article),
    versions: await Promise.all(
      history.versions.map((version) => openVersion(context, ring, articleId, version)),
    ),
  };
}

/** Every version of one article, oldest first, each opened or reported as failing its checks. */
export async function readArticleHistory(
  context: CaseContext,
  ring: StaffKeyRing,
  articleId: string,
): Promise<{ view: ArticleView; versions: VersionEntry[] }> {
  const history = await context.api.get(`/api/knowledge/articles/${articleId}`, articleHistorySchema);
  const versions = await Promise.all(
    history.versions.map(async (view): Promise<VersionEntry> => {
      try {
        return { ok: true, version: await openVersion(context, ring, articleId, view) };
      } catch (error) {
        return { ok: false, view, problem: problemOf(error) };
      }
    }),
  );
  return { view: history.article, versions };
}

function seal(
  context: CaseContext,
  ring: StaffKeyRing,
  articleId: string,
  version: number,
  text: ArticleText,
) {
  const key = ring.keys.get(ring.epoch) ?? fail('wrong-key', 'the current staff key is not open');
  const plaintext = utf8(canonicalJson(articleTextSchema.parse(text)));
  const sealed = sealArticleVersion(
    key,
    { org: context.orgId, articleId, version, epoch: ring.epoch, author: context.me.id },
    plaintext,
    context.me.keys.ed25519Seed,
  );
  return { epoch: ring.epoch, envelope: toBase64Url(sealed.envelope), sig: toBase64Url(sealed.sig) };
}

/** Saves a new article (no `previous`) or its next version; returns the article's id. */
export async function saveArticle(
  context: CaseContext,
  ring: StaffKeyRing,
  input: { categoryId: string | null; text: ArticleText; previous?: { id: string; version: number } },
): Promise<string> {
  if (!input.previous) {
    const id = crypto.randomUUID();
    await context.api.send(
      'POST',
      '/api/knowledge/articles',
      { id, categoryId: input.categoryId, ...seal(context, ring, id, 1, input.text) },
      articleViewSchema,
    );
    return id;
  }
  const { id, version } = input.previous;
  await context.api.send(
    'POST',
    `/api/knowledge/articles/${id}/versions`,
    {
      version: version + 1,
      categoryId: input.categoryId,
      ...seal(context, ring, id, version + 1, input.text),
    },
    articleViewSchema,
  );
  return id;
}
