import { createSignal, type Resource, Show } from 'solid-js';
import type { DestructionView } from '../../../../core/api/index';
import type { Person } from '../../lib/cases';
import { cancelDestruction, requestDestruction } from '../../lib/compliance';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { DataTable } from '../../ui/DataTable';

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A director asks to erase a case at a client's request, and follows every request. */
export function DestructionRequestsSection(props: {
  requests: Resource<readonly DestructionView[]>;
  people: ReadonlyMap<string, Person>;
  onChanged: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const [caseId, setCaseId] = createSignal('');
  const [requested, setRequested] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const name = (id: string | null) => (id ? (props.people.get(id)?.displayName ?? id) : '—');

  const ask = async (event: SubmitEvent) => {
    event.preventDefault();
    setRequested(false);
    setFailure(null);
    try {
      await requestDestruction(caseId().trim().toLowerCase(), 'subject_request');
      setRequested(true);
      setCaseId('');
      props.onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  const withdraw = async (id: string) => {
    setFailure(null);
    try {
      await cancelDestruction(id);
      props.onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section class="card" aria-labelledby="erase-heading">
      <h2 class="card__title" id="erase-heading">
        {t('rights.erase.heading')}
      </h2>
      <p class="muted">{t('rights.erase.intro')}</p>
      <form class="inline-form" onSubmit={(event) => void ask(event)} novalidate>
        <label class="field">
          <span class="field__label">{t('rights.erase.caseId')}</span>
          <input
            class="field__input"
            value={caseId()}
            spellcheck={false}
            onInput={(event) => setCaseId(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button" disabled={!CASE_ID.test(caseId().trim().toLowerCase())}>
          {t('rights.erase.submit')}
        </button>
      </form>
      <Show when={requested()}>
        <Alert tone="success">{t('rights.requested')}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>

      <h3 id="requests-heading">{t('rights.requests.heading')}</h3>
      <AsyncContent resource={props.requests} onRetry={props.onChanged}>
        {(list) => (
          <DataTable
            items={list}
            empty={t('rights.requests.empty')}
            columns={[
              t('rights.col.case'),
              t('rights.col.reason'),
              t('rights.col.requestedBy'),
              t('rights.col.status'),
              t('rights.col.decidedBy'),
              t('rights.col.actions'),
            ]}
            caption={t('rights.requests.caption')}
            labelledBy="requests-heading"
          >
            {(request) => (
              <tr>
                <td>
                  <code>{request.caseId.slice(0, 8).toUpperCase()}</code>
                </td>
                <td>{t(`rights.reason.${request.reason}`)}</td>
                <td>
                  {name(request.requestedBy)}
                  <br />
                  <span class="muted">{formatDateTime(request.requestedAt)}</span>
                </td>
                <td>{t(`rights.status.${request.status}`)}</td>
                <td>{name(request.decidedBy)}</td>
                <td>
                  <Show when={request.status === 'pending'}>
                    <button
                      type="button"
                      class="button button--quiet"
                      onClick={() => void withdraw(request.id)}
                    >
                      {t('rights.withdraw')}
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
