import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import {
  type ArticleEntry,
  fetchKnowledgePeople,
  listCategories,
  listKnowledgeArticles,
} from '../../lib/knowledge';
import { valueOr } from '../../lib/resource';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { CategoryDialog } from './CategoryDialog';
import { canWriteKnowledge, nameOf, problemLabel } from './labels';
import { NoStaffKey } from './NoStaffKey';
import './knowledge.css';

/** null: all articles; '': uncategorized; otherwise a category id */
type Shelf = string | null;

const shelfOf = (entry: ArticleEntry) => (entry.ok ? entry.article.categoryId : entry.view.categoryId) ?? '';

/**
 * The knowledge base (知识库): categories, and every article's newest version opened and checked
 * in this browser. The text filter runs here, over the decrypted titles and bodies.
 */
export function KnowledgePage() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { vault } = useVault();
  const { session } = useSession();
  const roles = () => session()?.user.roles ?? [];
  const [articles, { refetch }] = createResource(() => vault.withKeys((keys) => listKnowledgeArticles(keys)));
  const [categories, { refetch: refetchCategories }] = createResource(listCategories, { initialValue: [] });
  const [people] = createResource(fetchKnowledgePeople, { initialValue: new Map<string, string>() });
  const [shelf, setShelf] = createSignal<Shelf>(null);
  const [filter, setFilter] = createSignal('');
  const [addingCategory, setAddingCategory] = createSignal(false);

  const shown = createMemo(() => {
    const needle = filter().trim().toLocaleLowerCase();
    return (articles() ?? []).filter((entry) => {
      if (shelf() !== null && shelfOf(entry) !== shelf()) return false;
      if (!needle) return true;
      if (!entry.ok) return false;
      const { title, body } = entry.article.latest;
      return `${title}\n${body}`.toLocaleLowerCase().includes(needle);
    });
  });

  return (
    <div class="knowledge-page">
      <div class="page-header">
        <h1>{t('knowledge.heading')}</h1>
        <div class="button-row">
          <Show when={roles().includes('admin')}>
            <button type="button" class="button" onClick={() => setAddingCategory(true)}>
              {t('knowledge.newCategory')}
            </button>
          </Show>
          <Show when={canWriteKnowledge(roles()) && articles() !== null}>
            <A href="/knowledge/new" class="button button--primary">
              {t('knowledge.newArticle')}
            </A>
          </Show>
        </div>
      </div>
      <p class="muted">{t('knowledge.intro')}</p>
      <AsyncContent resource={articles} onRetry={() => void refetch()}>
        {(entries) => (
          <Show when={entries !== null} fallback={<NoStaffKey onRetry={() => void refetch()} />}>
            <div class="knowledge-layout">
              <nav class="knowledge-shelves card" aria-label={t('knowledge.categories')}>
                <h2 class="card__title">{t('knowledge.categories')}</h2>
                <ul>
                  <ShelfButton
                    label={t('knowledge.allCategories')}
                    active={shelf() === null}
                    onPick={() => setShelf(null)}
                  />
                  <For each={valueOr(categories, [])}>
                    {(category) => (
                      <ShelfButton
                        label={category.name}
                        active={shelf() === category.id}
                        onPick={() => setShelf(category.id)}
                      />
                    )}
                  </For>
                  <ShelfButton
                    label={t('knowledge.uncategorized')}
                    active={shelf() === ''}
                    onPick={() => setShelf('')}
                  />
                </ul>
              </nav>
              <section class="knowledge-list">
                <label class="field">
                  <span class="field__label">{t('knowledge.filter')}</span>
                  <input
                    class="field__input"
                    type="search"
                    value={filter()}
                    onInput={(event) => setFilter(event.currentTarget.value)}
                  />
                </label>
                <Show
                  when={shown().length > 0}
                  fallback={
                    <p class="empty card">
                      {filter().trim() ? t('knowledge.noMatch') : t('knowledge.empty')}
                    </p>
                  }
                >
                  <ul class="knowledge-articles" aria-label={t('knowledge.heading')}>
                    <For each={shown()}>
                      {(entry) =>
                        entry.ok ? (
                          <li class="knowledge-row card">
                            <A href={`/knowledge/${entry.article.id}`} class="knowledge-row__title">
                              {entry.article.latest.title}
                            </A>
                            <p class="muted knowledge-row__meta">
                              {t('knowledge.rowMeta', {
                                version: entry.article.latest.version,
                                name: nameOf(i18n, valueOr(people, new Map()), entry.article.latest.authorId),
                                date: formatDate(entry.article.latest.createdAt),
                              })}
                            </p>
                          </li>
                        ) : (
                          <li class="knowledge-row">
                            <Alert tone="warning">
                              {t('knowledge.failedRow', {
                                version: entry.view.latest.version,
                                name: nameOf(i18n, valueOr(people, new Map()), entry.view.latest.authorId),
                                problem: problemLabel(i18n, entry.problem),
                              })}
                            </Alert>
                          </li>
                        )
                      }
                    </For>
                  </ul>
                </Show>
              </section>
            </div>
          </Show>
        )}
      </AsyncContent>
      <CategoryDialog
        open={addingCategory()}
        onOpenChange={setAddingCategory}
        onCreated={(category) => {
          void refetchCategories();
          setShelf(category.id);
        }}
      />
    </div>
  );
}

function ShelfButton(props: { label: string; active: boolean; onPick: () => void }) {
  return (
    <li>
      <button
        type="button"
        class="knowledge-shelf"
        classList={{ 'knowledge-shelf--active': props.active }}
        aria-pressed={props.active}
        onClick={() => props.onPick()}
      >
        {props.label}
      </button>
    </li>
  );
}
