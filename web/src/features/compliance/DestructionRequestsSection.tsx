import { createSignal, For, type Resource, Show } from 'solid-js';
import type { DestructionView } from '../../../../core/api/index';
import type { Person } from '../../lib/cases';
import { cancelDestruction, requestDestruction } from '../../lib/compliance';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';

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
          <Show when={list.length > 0} fallback={<p class="empty">{t('rights.requests.empty')}</p>}>
            <div class="table-wrap">
              <table class="table" aria-labelledby="requests-heading">
                <caption>{t('rights.requests.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rights.col.case')}</th>
                    <th scope="col">{t('rights.col.reason')}</th>
                    <th scope="col">{t('rights.col.requestedBy')}</th>
                    <th scope="col">{t('rights.col.status')}</th>
                    <th scope="col">{t('rights.col.decidedBy')}</th>
                    <th scope="col">{t('rights.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list}>
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
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </AsyncContent>
    </section>
  );
}
