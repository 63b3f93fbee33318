import { A, useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { accessReport } from '../../lib/compliance';
import { useI18n } from '../../lib/i18n';
import { AsyncContent } from '../../ui/AsyncContent';
import { AccessEventTable } from './AccessEventTable';
import './compliance.css';

/** "Who accessed this case", for its counselor (and any director): the audit chain's events on it. */
export function CaseAccessLogPage() {
  const params = useParams<{ id: string }>();
  const { t } = useI18n();
  const [events, { refetch }] = createResource(
    () => params.id,
    (caseId) => accessReport({ caseId }),
  );
  return (
    <div class="compliance-page">
      <A href={`/cases/${params.id}`} class="back-link">
        {t('accessLog.back')}
      </A>
      <h1>{t('accessLog.heading', { id: params.id.slice(0, 8).toUpperCase() })}</h1>
      <p class="muted">{t('accessLog.intro')}</p>
      <section class="card">
        <AsyncContent resource={events} onRetry={() => void refetch()}>
          {(list) => (
            <Show when={list.length > 0} fallback={<p class="empty">{t('accessLog.empty')}</p>}>
              <AccessEventTable events={list} caption={t('accessLog.caption')} />
            </Show>
          )}
        </AsyncContent>
      </section>
    </div>
  );
}
