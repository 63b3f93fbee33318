import { A, useParams, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import {
  type ArticleAttachmentRef,
  downloadKnowledgeAttachment,
  fetchKnowledgePeople,
  listCategories,
  type OpenedVersion,
  readKnowledgeArticle,
  type VersionEntry,
} from '../../lib/knowledge';
import { valueOr } from '../../lib/resource';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { formatFileSize } from '../forms/file-value';
import { canWriteKnowledge, nameOf, problemLabel } from './labels';
import { renderArticleMarkdown } from './markdown';
import './knowledge.css';

const versionNumber = (entry: VersionEntry) => (entry.ok ? entry.version.version : entry.view.version);

/**
 * One article: the chosen version (the current one unless `?version=` names an older one), opened
 * and checked against its author's certified key here, its attachments, and its history.
 */
export function ArticlePage() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<{ version?: string }>();
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { vault } = useVault();
  const { session } = useSession();
  const [article, { refetch }] = createResource(
    () => params.id,
    (id) => vault.withKeys((keys) => readKnowledgeArticle(keys, id)),
  );
  const [people] = createResource(fetchKnowledgePeople, { initialValue: new Map<string, string>() });
  const [categories] = createResource(listCategories, { initialValue: [] });
  const categoryName = (id: string | null) =>
    id === null
      ? t('knowledge.uncategorized')
      : (valueOr(categories, []).find((c) => c.id === id)?.name ?? '');

  return (
    <div class="knowledge-page">
      <A href="/knowledge" class="back-link">
        {t('knowledge.back')}
      </A>
      <AsyncContent resource={article} onRetry={() => void refetch()}>
        {(loaded) => {
          // An unknown ?version= shows the current one.
          const entry = () =>
            loaded.versions.find((v) => String(versionNumber(v)) === search.version) ??
            loaded.versions.at(-1);
          const chosen = () => {
            const found = entry();
            return found ? versionNumber(found) : loaded.latest;
          };
          const isCurrent = () => chosen() === loaded.latest;
          const opened = (): OpenedVersion | null => {
            const found = entry();
            return found?.ok ? found.version : null;
          };
          const failed = () => {
            const found = entry();
            return found && !found.ok ? found : null;
          };
          return (
            <div class="knowledge-article-layout">
              <article class="knowledge-article card">
                <Show when={failed()}>
                  {(broken) => (
                    <Alert tone="warning">
                      {t('knowledge.article.failedVersion', {
                        version: broken().view.version,
                        problem: problemLabel(i18n, broken().problem),
                      })}
                    </Alert>
                  )}
                </Show>
                <Show when={opened()}>
                  {(version) => (
                    <>
                      <Show when={!isCurrent()}>
                        <Alert tone="info">
                          {t('knowledge.article.olderVersion', { version: version().version })}{' '}
                          <button
                            type="button"
                            class="button button--quiet"
                            onClick={() => setSearch({ version: undefined })}
                          >
                            {t('knowledge.article.showCurrent')}
                          </button>
                        </Alert>
                      </Show>
                      <div class="knowledge-article__header">
                        <div>
                          <p class="muted knowledge-article__category">{categoryName(loaded.categoryId)}</p>
                          <h1>{version().title}</h1>
                          <p class="muted">
                            {t('knowledge.article.byline', {
                              version: version().version,
                              name: nameOf(i18n, valueOr(people, new Map()), version().authorId),
                              date: formatDateTime(version().createdAt),
                            })}{' '}
                            <span class="badge badge--muted">{t('knowledge.article.verified')}</span>
                          </p>
                        </div>
                        <Show when={isCurrent() && canWriteKnowledge(session()?.user.roles ?? [])}>
                          <A href={`/knowledge/${params.id}/edit`} class="button">
                            {t('knowledge.article.edit')}
                          </A>
                        </Show>
                      </div>
                      {/* markdown-it with html: false — the article's own HTML is escaped, never run. */}
                      <div
                        class="knowledge-article__body"
                        innerHTML={renderArticleMarkdown(version().body)}
                      />
                      <Show when={version().attachments.length > 0}>
                        <h2 class="knowledge-article__subheading">{t('knowledge.article.attachments')}</h2>
                        <ul class="knowledge-attachments">
                          <For each={version().attachments}>
                            {(file) => <AttachmentRow articleId={params.id} file={file} />}
                          </For>
                        </ul>
                      </Show>
                    </>
                  )}
                </Show>
              </article>
              <aside class="knowledge-history card" aria-labelledby="knowledge-history-title">
                <h2 id="knowledge-history-title" class="card__title">
                  {t('knowledge.article.history')}
                </h2>
                <ol class="knowledge-history__list">
                  <For each={[...loaded.versions].reverse()}>
                    {(item) => {
                      const number = versionNumber(item);
                      const authorId = item.ok ? item.version.authorId : item.view.authorId;
                      const createdAt = item.ok ? item.version.createdAt : item.view.createdAt;
                      return (
                        <li
                          class="knowledge-history__row"
                          classList={{ 'knowledge-history__row--failed': !item.ok }}
                        >
                          <span>
                            {t('knowledge.article.historyRow', {
                              version: number,
                              name: nameOf(i18n, valueOr(people, new Map()), authorId),
                              date: formatDateTime(createdAt),
                            })}
                          </span>
                          <Show
                            when={number !== chosen()}
                            fallback={
                              <span class="badge badge--muted">{t('knowledge.article.viewing')}</span>
                            }
                          >
                            <button
                              type="button"
                              class="button button--quiet"
                              onClick={() =>
                                setSearch({ version: number === loaded.latest ? undefined : String(number) })
                              }
                            >
                              {number === loaded.latest
                                ? t('knowledge.article.current')
                                : t('knowledge.article.view')}
                            </button>
                          </Show>
                        </li>
                      );
                    }}
                  </For>
                </ol>
              </aside>
            </div>
          );
        }}
      </AsyncContent>
    </div>
  );
}

/** An attachment's name and size, and a button that decrypts it here and offers it as a download. */
function AttachmentRow(props: { articleId: string; file: ArticleAttachmentRef }) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const bytes = await vault.withKeys((keys) =>
        downloadKnowledgeAttachment(keys, props.articleId, props.file.id),
      );
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: props.file.type || 'application/octet-stream',
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = props.file.name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // the click has handed the URL to the download; revoking at once can cancel it in some browsers
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="knowledge-attachment">
      <span>
        {t('knowledge.article.attachment', { name: props.file.name, size: formatFileSize(props.file.size) })}
      </span>
      <button
        type="button"
        class="button button--quiet"
        aria-label={t('knowledge.article.downloadNamed', { name: props.file.name })}
        disabled={busy()}
        onClick={() => void save()}
      >
        {busy() ? t('knowledge.article.downloading') : t('knowledge.article.download')}
      </button>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
    </li>
  );
}
