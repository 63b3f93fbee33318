import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { SearchHit, SearchResult, TextPart } from '../../../../core/search/index';
import { formFor, type Person } from '../../lib/cases/index';
import { type I18n, type MessageKey, useI18n } from '../../lib/i18n';
import { SEARCH_SOURCES, type SearchItem, type SearchSourceKind } from '../../lib/search/items';
import { caseNumber } from '../cases/labels';
import { localized } from '../forms/localized';

const GROUP_LABEL: Record<SearchSourceKind, MessageKey> = {
  note: 'search.source.note',
  conference: 'search.source.conference',
  supervision: 'search.source.supervision',
  knowledge: 'search.source.knowledge',
};

function Marked(props: { parts: readonly TextPart[] }) {
  return <For each={props.parts}>{(part) => (part.hit ? <mark>{part.text}</mark> : part.text)}</For>;
}

/** A hit's heading: its own title where it has one, else what it is and which case it belongs to. */
function heading(i18n: I18n, item: SearchItem): string {
  const caseLabel = item.caseId ? caseNumber(item.caseId) : '';
  if (item.source === 'note') {
    const form = item.formRef ? formFor(item.formRef) : undefined;
    return form
      ? i18n.t('search.noteTitle', { form: localized(i18n, form.title), case: caseLabel })
      : i18n.t('search.noteUntitled', { case: caseLabel });
  }
  if (item.source === 'conference') return i18n.t('search.conferenceTitle', { case: caseLabel });
  return item.title;
}

function Hit(props: { hit: SearchHit<SearchItem>; people: ReadonlyMap<string, Person> }) {
  const i18n = useI18n();
  const item = () => props.hit.doc;
  const byline = () =>
    [
      item().authorId ? (props.people.get(item().authorId as string)?.displayName ?? '') : '',
      item().category ?? '',
      item().at ? i18n.formatDateTime(item().at as number) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <li class="search-hit">
      <A href={item().href} class="search-hit__title">
        <Show when={props.hit.title.length > 0} fallback={heading(i18n, item())}>
          <Marked parts={props.hit.title} />
        </Show>
      </A>
      <Show when={byline()}>
        <p class="muted search-hit__meta">{byline()}</p>
      </Show>
      <p class="search-hit__snippet">
        <Show when={props.hit.snippet.clippedStart}>…</Show>
        <Marked parts={props.hit.snippet.parts} />
        <Show when={props.hit.snippet.clippedEnd}>…</Show>
      </p>
    </li>
  );
}

/** Hits grouped by where they came from, best first within each group. */
export function SearchResults(props: {
  result: SearchResult<SearchItem>;
  query: string;
  people: ReadonlyMap<string, Person>;
}) {
  const { t } = useI18n();
  const groups = () =>
    SEARCH_SOURCES.map((source) => ({
      source,
      hits: props.result.hits.filter((hit) => hit.doc.source === source),
    })).filter((group) => group.hits.length > 0);

  return (
    <Show
      when={props.result.total > 0}
      fallback={<p class="empty card">{t('search.none', { query: props.query })}</p>}
    >
      <p class="muted" role="status">
        {t('search.count', { count: props.result.total })}
        <Show when={props.result.total > props.result.hits.length}>
          {' '}
          {t('search.more', { shown: props.result.hits.length })}
        </Show>
      </p>
      <For each={groups()}>
        {(group) => (
          <section class="card search-group" aria-labelledby={`search-group-${group.source}`}>
            <h2 class="card__title" id={`search-group-${group.source}`}>
              {t('search.group', { source: t(GROUP_LABEL[group.source]), count: group.hits.length })}
            </h2>
            <ul class="search-group__hits">
              <For each={group.hits}>{(hit) => <Hit hit={hit} people={props.people} />}</For>
            </ul>
          </section>
        )}
      </For>
    </Show>
  );
}
