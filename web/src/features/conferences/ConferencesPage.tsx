import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import {
  type ConferencePerson,
  type ConferenceView,
  fetchConferencePeople,
  listMyConferences,
} from '../../lib/conferences';
import { useI18n } from '../../lib/i18n';
import { valueOr } from '../../lib/resource';
import { AsyncContent } from '../../ui/AsyncContent';
import { caseNumber } from '../cases/labels';
import { expiryLabel, nameOf } from './labels';
import './conferences.css';

/**
 * My conferences, newest first, with the server's unread counts. The list shows only what the
 * server knows (case, people, dates); the title is sealed and appears once the thread is opened.
 */
export function ConferencesPage() {
  const { t } = useI18n();
  const [conferences, { refetch }] = createResource(listMyConferences);
  const [people] = createResource(fetchConferencePeople, {
    initialValue: new Map<string, ConferencePerson>(),
  });

  return (
    <div class="conferences-page">
      <div class="page-header">
        <h1>{t('conferences.heading')}</h1>
      </div>
      <p class="muted">{t('conferences.intro')}</p>
      <AsyncContent resource={conferences} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty card">{t('conferences.empty')}</p>}>
            <ul class="conference-list" aria-label={t('conferences.heading')}>
              <For each={list}>
                {(conference) => (
                  <ConferenceRow conference={conference} people={valueOr(people, new Map())} />
                )}
              </For>
            </ul>
          </Show>
        )}
      </AsyncContent>
    </div>
  );
}

function ConferenceRow(props: { conference: ConferenceView; people: ReadonlyMap<string, ConferencePerson> }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const names = () =>
    props.conference.participants
      .map((p) => nameOf(i18n, props.people, p.userId))
      .join(t('conferences.nameSeparator'));
  const label = () => t('conferences.rowTitle', { case: caseNumber(props.conference.caseId) });
  return (
    <li class="conference-row card" classList={{ 'conference-row--unread': props.conference.unread > 0 }}>
      <div class="conference-row__main">
        <A href={`/conferences/${props.conference.id}`} class="conference-row__title">
          {label()}
        </A>
        <p class="muted conference-row__meta">
          {t('conferences.startedBy', {
            name: nameOf(i18n, props.people, props.conference.createdBy),
            date: formatDate(props.conference.createdAt),
          })}{' '}
          · {expiryLabel(i18n, props.conference.expiresAt)}
        </p>
        <p class="conference-row__people">{t('conferences.participantsList', { names: names() })}</p>
      </div>
      <Show
        when={props.conference.unread > 0}
        fallback={<span class="badge badge--muted">{t('conferences.noUnread')}</span>}
      >
        <span class="badge badge--warning">
          {t('conferences.unread', { count: props.conference.unread })}
        </span>
      </Show>
    </li>
  );
}
