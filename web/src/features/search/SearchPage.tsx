import { createMemo, createResource, createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { fetchPeople, type Person } from '../../lib/cases/index';
import { errorMessageKey } from '../../lib/errors';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { valueOr } from '../../lib/resource';
import type { SourceProgress } from '../../lib/search/items';
import { searchQuery, setSearchQuery } from '../../lib/search/query';
import { buildSearch, keptSearch, type SearchBuild } from '../../lib/search/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { SearchResults } from './SearchResults';
import './search.css';

const SOURCE_LABEL: Record<SourceProgress['source'], MessageKey> = {
  note: 'search.source.note',
  conference: 'search.source.conference',
  supervision: 'search.source.supervision',
  knowledge: 'search.source.knowledge',
};

const RESULT_LIMIT = 100;

/**
 * Search across everything the signed-in person can decrypt (issue 14). Records are fetched as the
 * case and conference pages fetch them, decrypted here, and indexed in this tab's memory; the query
 * never leaves it. The index outlives a visit to another page and dies with the vault's keys.
 */
export function SearchPage() {
  const { t, formatDateTime } = useI18n();
  const { vault } = useVault();
  const [build, setBuild] = createSignal<SearchBuild | null>(keptSearch());
  const [progress, setProgress] = createSignal<readonly SourceProgress[]>([]);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [building, setBuilding] = createSignal(false);
  const [people] = createResource(fetchPeople, { initialValue: new Map<string, Person>() });
  let input: HTMLInputElement | undefined;

  const read = async () => {
    setBuilding(true);
    setFailure(null);
    try {
      setBuild(await buildSearch(vault, setProgress));
    } catch (error) {
      setFailure(error);
    } finally {
      setBuilding(false);
    }
  };

  onMount(() => {
    input?.focus();
    if (!build()) void read();
  });

  const result = createMemo(() => {
    const query = searchQuery().trim();
    const current = build();
    return current && query ? current.index.search(query, RESULT_LIMIT) : null;
  });
  const failed = () =>
    (build()?.sources ?? [])
      .filter((source) => source.state === 'failed')
      .map((s) => t(SOURCE_LABEL[s.source]));

  return (
    <div class="search-page">
      <div class="page-header">
        <h1>{t('search.heading')}</h1>
      </div>
      <p class="lead">{t('search.intro')}</p>

      <search>
        <form class="search-page__form" onSubmit={(event) => event.preventDefault()}>
          <label class="field__label" for="search-query">
            {t('search.field')}
          </label>
          <input
            ref={input}
            id="search-query"
            class="field__input"
            type="search"
            placeholder={t('search.placeholder')}
            value={searchQuery()}
            onInput={(event) => setSearchQuery(event.currentTarget.value)}
            autocomplete="off"
            spellcheck={false}
          />
        </form>
      </search>

      <Switch>
        <Match when={building()}>
          <section
            class="card search-progress"
            aria-labelledby="search-progress-heading"
            aria-busy="true"
            aria-live="polite"
          >
            <h2 class="card__title" id="search-progress-heading">
              {t('search.building')}
            </h2>
            <ul class="search-progress__list">
              <For each={progress()}>
                {(source) => (
                  <li>
                    <span>{t(SOURCE_LABEL[source.source])}</span>
                    <span class="muted">{progressLabel(t, source)}</span>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Match>
        <Match when={failure()}>
          <Alert tone="error">
            {t('search.error')} {t(errorMessageKey(failure()))}
          </Alert>
          <button type="button" class="button" onClick={() => void read()}>
            {t('search.rebuild')}
          </button>
        </Match>
        <Match when={build()}>
          {(current) => (
            <>
              <Show when={failed().length > 0}>
                <Alert tone="warning">
                  {t('search.failed', { sources: failed().join(t('search.sourceSeparator')) })}
                </Alert>
              </Show>
              <Show when={current().unreadable > 0}>
                <Alert tone="warning">{t('search.unreadable', { count: current().unreadable })}</Alert>
              </Show>
              <Show when={result()} fallback={<p class="empty card">{t('search.prompt')}</p>}>
                {(found) => (
                  <SearchResults
                    result={found()}
                    query={searchQuery().trim()}
                    people={valueOr(people, new Map())}
                  />
                )}
              </Show>
              <p class="muted search-page__footer">
                {t('search.indexed', {
                  count: current().index.size,
                  time: formatDateTime(current().builtAt),
                })}{' '}
                <button type="button" class="button button--quiet" onClick={() => void read()}>
                  {t('search.rebuild')}
                </button>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function progressLabel(t: ReturnType<typeof useI18n>['t'], source: SourceProgress): string {
  switch (source.state) {
    case 'failed':
      return t('search.progress.failed');
    case 'done':
      return t('search.progress.done', { count: source.done });
    case 'reading':
      return source.source === 'note' && source.total !== null
        ? t('search.progress.cases', { done: source.done, total: source.total })
        : t('search.progress.reading');
  }
}
