import { createResource, createSignal, For, Show } from 'solid-js';
import { type DueCase, SERVICE_TYPES } from '../../../../core/api/index';
import {
  listDueCases,
  listRetentionPolicies,
  requestDestruction,
  saveRetentionPolicies,
} from '../../lib/compliance';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { DataTable } from '../../ui/DataTable';

type ServiceType = (typeof SERVICE_TYPES)[number];

/** Years to keep per service type, and the closed cases whose years have run out (directors). */
export function RetentionSection(props: { onRequested: () => void }) {
  const { t, formatDate } = useI18n();
  const [policies] = createResource(listRetentionPolicies);
  const [due, { refetch: refetchDue }] = createResource(listDueCases);
  const [years, setYears] = createSignal<Partial<Record<ServiceType, string>>>({});
  const [saved, setSaved] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const yearsOf = (service: ServiceType) =>
    years()[service] ?? String(policies()?.find((policy) => policy.serviceType === service)?.keepYears ?? '');

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    try {
      await saveRetentionPolicies(
        SERVICE_TYPES.filter((service) => yearsOf(service).trim() !== '').map((service) => ({
          serviceType: service,
          keepYears: Number(yearsOf(service)),
        })),
      );
      setSaved(true);
      void refetchDue();
    } catch (error) {
      setFailure(error);
    }
  };

  const ask = async (item: DueCase) => {
    setFailure(null);
    try {
      await requestDestruction(item.case.id, 'retention_expired');
      void refetchDue();
      props.onRequested();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section class="card" aria-labelledby="retention-heading">
      <h2 class="card__title" id="retention-heading">
        {t('rights.retention.heading')}
      </h2>
      <p class="muted">{t('rights.retention.intro')}</p>
      <form onSubmit={(event) => void save(event)} novalidate>
        <div class="retention-grid">
          <For each={SERVICE_TYPES}>
            {(service) => (
              <label class="field">
                <span class="field__label">
                  {t('rights.retention.years', { service: t(`cases.service.${service}`) })}
                </span>
                <input
                  class="field__input"
                  type="number"
                  min="1"
                  max="100"
                  inputmode="numeric"
                  value={yearsOf(service)}
                  onInput={(event) =>
                    setYears((current) => ({ ...current, [service]: event.currentTarget.value }))
                  }
                />
              </label>
            )}
          </For>
        </div>
        <div class="button-row">
          <button type="submit" class="button button--primary">
            {t('rights.retention.save')}
          </button>
        </div>
      </form>
      <Show when={saved()}>
        <Alert tone="success">{t('rights.retention.saved')}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>

      <h3 id="due-heading">{t('rights.due.heading')}</h3>
      <AsyncContent resource={due} onRetry={() => void refetchDue()}>
        {(list) => (
          <DataTable
            items={list}
            empty={t('rights.due.empty')}
            columns={[
              t('rights.col.case'),
              t('rights.col.service'),
              t('rights.col.closed'),
              t('rights.col.due'),
              t('rights.col.actions'),
            ]}
            caption={t('rights.due.caption')}
            labelledBy="due-heading"
          >
            {(item) => (
              <tr>
                <td>
                  <code>{item.case.id.slice(0, 8).toUpperCase()}</code>
                </td>
                <td>{t(`cases.service.${item.case.serviceType}`)}</td>
                <td class="nowrap">{item.case.closedAt ? formatDate(item.case.closedAt) : '—'}</td>
                <td class="nowrap">{formatDate(item.dueAt)}</td>
                <td>
                  <Show
                    when={!item.destruction}
                    fallback={t(`rights.status.${item.destruction?.status ?? 'pending'}`)}
                  >
                    <button type="button" class="button" onClick={() => void ask(item)}>
                      {t('rights.requestDestruction')}
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </DataTable>
        )}
      </AsyncContent>
    </section>
  );
}
