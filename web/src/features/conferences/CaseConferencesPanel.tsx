import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { listMyConferences } from '../../lib/conferences';
import { useI18n } from '../../lib/i18n';
import { AsyncContent } from '../../ui/AsyncContent';
import { expiryLabel } from './labels';
import './conferences.css';

/** On a case page: the conferences about this case that I take part in, with their unread counts. */
export function CaseConferencesPanel(props: { caseId: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [conferences, { refetch }] = createResource(
    () => props.caseId,
    async (caseId) => (await listMyConferences()).filter((conference) => conference.caseId === caseId),
  );
  return (
    <section class="card" aria-labelledby="case-conferences-heading">
      <h2 class="card__title" id="case-conferences-heading">
        {t('conferences.case.heading')}
      </h2>
      <AsyncContent resource={conferences} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty">{t('conferences.case.empty')}</p>}>
            <ul class="case-conference-list">
              <For each={list}>
                {(conference) => (
                  <li>
                    <A href={`/conferences/${conference.id}`}>
                      {t('conferences.startedOn', { date: formatDate(conference.createdAt) })}
                    </A>{' '}
                    <Show when={conference.unread > 0}>
                      <span class="badge badge--warning">
                        {t('conferences.unread', { count: conference.unread })}
                      </span>
                    </Show>
                    <div class="muted">{expiryLabel(i18n, conference.expiresAt)}</div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </AsyncContent>
    </section>
  );
}
