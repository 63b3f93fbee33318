/**
 * The knowledge base for the pages (知识库, issue 14): adapts lib/protocol/knowledge to the vault
 * and the signed-in session, as lib/conferences does for conferences. The staff key is opened for
 * one call and wiped when it ends; decrypted articles go to the caller's memory and nowhere else.
 */

import {
  type CategoryView,
  categoryListSchema,
  categoryViewSchema,
  userListSchema,
} from '../../../core/api/index';
import { isCryptoError } from '../../../crypto/index';
import { ApiError } from './api-client';
import { toAppError } from './app-errors';
import { api } from './cases/context';
import { withCaseContext } from './cases/index';
import { AppError, type AppErrorCode } from './errors';
import type { CaseContext } from './protocol/cases/context';
import * as protocol from './protocol/knowledge/index';
import type { UserKeys } from './vault';

export type { CategoryView } from '../../../core/api/index';
export type {
  ArticleAttachmentRef,
  ArticleEntry,
  OpenedArticle,
  OpenedVersion,
  VersionEntry,
} from './protocol/knowledge/index';

const KNOWLEDGE_API_ERRORS: Partial<Record<string, AppErrorCode>> = {
  no_staff_key: 'no_staff_key',
  not_found: 'knowledge_not_found',
  category_not_found: 'knowledge_not_found',
  name_taken: 'category_name_taken',
  stale_version: 'knowledge_conflict',
  stale_epoch: 'knowledge_conflict',
  rotation_required: 'knowledge_conflict',
  conflict: 'knowledge_conflict',
  payload_too_large: 'attachment_too_large',
  incomplete: 'attachment_incomplete',
};

function knowledgeError(error: unknown): unknown {
  if (error instanceof ApiError && KNOWLEDGE_API_ERRORS[error.code]) {
    return new AppError(KNOWLEDGE_API_ERRORS[error.code] as AppErrorCode, error.message);
  }
  return error;
}

async function runKnowledge<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(knowledgeError(error));
  }
}

/** Opens my staff key for one call (null: nobody has delivered it to me yet), then wipes it. */
function withStaffKey<T>(
  keys: UserKeys,
  use: (context: CaseContext, ring: protocol.StaffKeyRing | null) => Promise<T>,
): Promise<T> {
  return withCaseContext(keys, async (context) => {
    try {
      const ring = await protocol.openStaffKey(context);
      try {
        return await use(context, ring);
      } finally {
        if (ring) protocol.closeStaffKey(ring);
      }
    } catch (error) {
      throw knowledgeError(error);
    }
  });
}

const noStaffKey = () => new AppError('no_staff_key', 'nobody has delivered the staff key to you yet');

/** Display names of everyone in the directory, for bylines. */
export function fetchKnowledgePeople(): Promise<ReadonlyMap<string, string>> {
  return runKnowledge(async () => {
    const { users } = await api.get('/api/users/directory', userListSchema);
    return new Map(users.map((user) => [user.id, user.displayName]));
  });
}

export function listCategories(): Promise<CategoryView[]> {
  return runKnowledge(
    async () => (await api.get('/api/knowledge/categories', categoryListSchema)).categories,
  );
}

export function createCategory(name: string): Promise<CategoryView> {
  return runKnowledge(() =>
    api.send(
      'POST',
      '/api/knowledge/categories',
      { id: crypto.randomUUID(), name: name.trim() },
      categoryViewSchema,
    ),
  );
}

/** Every article's newest version, opened here; null when I hold no staff key yet. */
export function listKnowledgeArticles(keys: UserKeys): Promise<protocol.ArticleEntry[] | null> {
  return withStaffKey(keys, async (context, ring) => (ring ? protocol.listArticles(context, ring) : null));
}

/** One article's every version, oldest first, each opened or reported as failing its checks. */
export function readKnowledgeArticle(
  keys: UserKeys,
  articleId: string,
): Promise<{ latest: number; categoryId: string | null; versions: protocol.VersionEntry[] }> {
  return withStaffKey(keys, async (context, ring) => {
    if (!ring) throw noStaffKey();
    const history = await protocol.readArticleHistory(context, ring, articleId);
    return {
      latest: history.view.latest.version,
      categoryId: history.view.categoryId,
      versions: history.versions,
    };
  });
}

export interface NewAttachment {
  readonly name: string;
  readonly type: string;
  readonly data: Uint8Array;
}

export interface ArticleDraft {
  readonly categoryId: string | null;
  readonly title: string;
  readonly body: string;
  /** attachments kept from the version being edited */
  readonly attachments: readonly protocol.ArticleAttachmentRef[];
  /** files to seal and upload before the version that links them is saved */
  readonly newFiles: readonly NewAttachment[];
  /** the version being edited; absent for a new article (which cannot carry files yet) */
  readonly previous?: { id: string; version: number };
}

/** Seals the draft as version 1 or the next version; returns the article's id. */
export function saveKnowledgeArticle(keys: UserKeys, draft: ArticleDraft): Promise<string> {
  return withStaffKey(keys, async (context, ring) => {
    if (!ring) throw noStaffKey();
    const attachments = [...draft.attachments];
    if (draft.previous) {
      for (const file of draft.newFiles) {
        const uploaded = await protocol.uploadArticleAttachment(context, ring, draft.previous.id, file.data);
        attachments.push({ id: uploaded.id, name: file.name, type: file.type, size: file.data.length });
      }
    }
    return protocol.saveArticle(context, ring, {
      categoryId: draft.categoryId,
      text: { title: draft.title.trim(), body: draft.body, attachments },
      ...(draft.previous && { previous: draft.previous }),
    });
  });
}

/** Downloads and opens an attachment here; a chunk that fails its checks fails the whole file. */
export function downloadKnowledgeAttachment(
  keys: UserKeys,
  articleId: string,
  attachmentId: string,
): Promise<Uint8Array> {
  return withStaffKey(keys, async (context, ring) => {
    if (!ring) throw noStaffKey();
    try {
      return await protocol.downloadArticleAttachment(context, ring, articleId, attachmentId);
    } catch (error) {
      if (isCryptoError(error)) throw new AppError('attachment_tampered', error.message);
      throw error;
    }
  });
}

/** One article as the in-browser search indexes it (branch `search`). */
export interface SearchableArticle {
  readonly id: string;
  readonly title: string;
  /** the Markdown body of the current version */
  readonly text: string;
  readonly href: string;
  /** the category's name; empty for an uncategorized article */
  readonly category: string;
}

/**
 * The current version of every article I can open, as plaintext for the in-browser search
 * (issue 14). Empty when I hold no staff key yet; an article that fails its checks is skipped.
 */
export function knowledgeArticlesForSearch(keys: UserKeys): Promise<SearchableArticle[]> {
  return withStaffKey(keys, async (context, ring) => {
    if (!ring) return [];
    const [entries, { categories }] = await Promise.all([
      protocol.listArticles(context, ring),
      context.api.get('/api/knowledge/categories', categoryListSchema),
    ]);
    const names = new Map(categories.map((category) => [category.id, category.name]));
    return entries.flatMap((entry) =>
      entry.ok
        ? [
            {
              id: entry.article.id,
              title: entry.article.latest.title,
              text: entry.article.latest.body,
              href: `/knowledge/${entry.article.id}`,
              category: names.get(entry.article.categoryId ?? '') ?? '',
            },
          ]
        : [],
    );
  });
}
