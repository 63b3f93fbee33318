import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { FormValues } from '../../../../core/forms/index';
import { type CaseExport, exportCase, formFor } from '../../lib/cases';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { OperationProgress } from '../../ui/OperationProgress';
import { RetryAlert } from '../../ui/RetryAlert';
import { FormView, RawValuesView } from '../forms/FormView';
import { localized } from '../forms/localized';
import { ContactCardPanel } from './ContactCardPanel';
import { caseNumber } from './labels';
import './cases.css';

/**
 * A case decrypted for export (issue 4): laid out for paper, printed — or saved as PDF — with the
 * browser's own print dialog, or downloaded as JSON. Opening this page is itself the export, so
 * the server records it (format "pdf") before anything is shown; a JSON download is recorded too.
 */
export function CasePrintPage() {
  const params = useParams<{ id: string }>();
  const i18n = useI18n();
  const { t, formatDate, formatDateTime } = i18n;
  const { vault } = useVault();
  const { session } = useSession();
  const [exported, { refetch }] = createResource(
    () => params.id,
    (id) => vault.withKeys((keys) => exportCase(keys, id, 'pdf')),
  );
  const [failure, setFailure] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal(false);
  const [exporting, setExporting] = createSignal(false);

  const downloadJson = async () => {
    if (exporting()) return;
    setFailure(null);
    setSaved(false);
    setExporting(true);
    try {
      const doc = await vault.withKeys((keys) => exportCase(keys, params.id, 'json'));
      const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `case-${caseNumber(params.id)}.json`;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setSaved(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setExporting(false);
    }
  };

  const details = (doc: CaseExport) =>
    t('case.print.details', {
      service: t(`cases.service.${doc.case.serviceType}`),
      channel: t(`cases.channel.${doc.case.channel}`),
      date: formatDate(Date.parse(doc.case.openedAt)),
      status: t(`cases.status.${doc.case.status}`),
    });

  return (
    <div class="case-print">
      <div class="page-header no-print">
        <A href={`/cases/${params.id}`} class="back-link">
          {t('case.print.back')}
        </A>
        <div class="button-row">
          <button
            type="button"
            class="button button--primary"
            disabled={!exported.latest}
            onClick={() => window.print()}
          >
            {t('case.print.print')}
          </button>
          <button
            type="button"
            class="button"
            disabled={!exported.latest || exporting()}
            onClick={() => void downloadJson()}
          >
            {exporting() ? t('case.print.jsonWorking') : t('case.print.json')}
          </button>
        </div>
      </div>
      <div class="no-print">
        <p class="muted">{t('case.print.intro')}</p>
        <Show when={exporting()}>
          <OperationProgress label={t('case.print.jsonProgress')} />
        </Show>
        <Show when={failure()}>
          <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
        </Show>
        <Show when={saved()}>
          <Alert tone="success">{t('case.print.jsonSaved')}</Alert>
        </Show>
      </div>
      <Switch>
        <Match when={exported.state === 'errored'}>
          <RetryAlert error={exported.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={exported.latest}>
          {(doc) => (
            <article class="case-print__document">
              <h1>{t('case.print.heading', { id: caseNumber(doc().case.id) })}</h1>
              <p>{details(doc())}</p>
              <p class="muted">
                {t('case.print.exportedAt', {
                  date: formatDateTime(Date.parse(doc().exportedAt)),
                  name: session()?.user.displayName ?? '',
                })}
                <br />
                {t('case.print.verification', {
                  count: doc().verification.entries,
                  head: doc().verification.head.slice(0, 16),
                })}
              </p>
              <ContactCardPanel card={doc().contact} loading={false} error={null} />
              <section class="card" aria-labelledby="print-records-heading">
                <h2 class="card__title" id="print-records-heading">
                  {t('case.records.heading')}
                </h2>
                <Show
                  when={doc().records.length > 0}
                  fallback={<p class="empty">{t('case.records.empty')}</p>}
                >
                  <ol class="record-list">
                    <For each={doc().records}>
                      {(record) => (
                        <li class="record-card record-card--print">
                          <h3 class="record-card__title">
                            {(() => {
                              const form = formFor(record.form);
                              return form
                                ? localized(i18n, form.title)
                                : t('case.records.unknownForm', { form: record.form });
                            })()}
                          </h3>
                          <p class="muted record-card__meta">
                            {t('case.records.meta', {
                              date: formatDateTime(Date.parse(record.writtenAt)),
                              author: record.author,
                            })}
                          </p>
                          <Show
                            when={formFor(record.form)}
                            fallback={<RawValuesView values={record.fields as FormValues} />}
                          >
                            {(form) => <FormView form={form()} values={record.fields as FormValues} />}
                          </Show>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
              </section>
            </article>
          )}
        </Match>
        <Match when={true}>
          <Loading label={t('case.print.opening')} />
        </Match>
      </Switch>
    </div>
  );
}
