import { createSignal, For, type Resource, Show } from 'solid-js';
import type { DestructionResult, DestructionView } from '../../../../core/api/index';
import type { Person } from '../../lib/cases';
import { cancelDestruction, confirmDestruction } from '../../lib/compliance';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** The second person of a destruction: a holder of the case key confirms or refuses. */
export function ConfirmDestructionsSection(props: {
  requests: Resource<readonly DestructionView[]>;
  people: ReadonlyMap<string, Person>;
  onChanged: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const { session } = useSession();
  const [armed, setArmed] = createSignal<DestructionView | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<DestructionResult | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const mine = (list: readonly DestructionView[]) =>
    list.filter((request) => request.status === 'pending' && request.requestedBy !== session()?.user.id);
  const caseLabel = (caseId: string) => caseId.slice(0, 8).toUpperCase();

  const decide = async (id: string, work: (id: string) => Promise<DestructionResult | DestructionView>) => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const outcome = await work(id);
      if ('removed' in outcome) setResult(outcome);
      props.onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const destroy = async (request: DestructionView) => {
    setResult(null);
    setFailure(null);
    setResult(await confirmDestruction(request.id));
    setArmed(null);
    props.onChanged();
  };

  return (
    <section class="card" aria-labelledby="confirm-heading">
      <h2 class="card__title" id="confirm-heading">
        {t('rights.confirm.heading')}
      </h2>
      <p class="muted">{t('rights.confirm.intro')}</p>
      <Show when={result()} keyed>
        {(done) => (
          <Alert tone="success">
            {t('rights.confirm.done', {
              id: caseLabel(done.destruction.caseId),
              wraps: done.removed.caseKeyWraps,
              records: done.removed.records,
              files: done.removed.attachments,
            })}
          </Alert>
        )}
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={props.requests} onRetry={props.onChanged}>
        {(list) => (
          <Show when={mine(list).length > 0} fallback={<p class="empty">{t('rights.confirm.empty')}</p>}>
            <ul class="pending-list">
              <For each={mine(list)}>
                {(request) => (
                  <li class="pending-list__item">
                    <span class="pending-list__who">
                      <strong>{t('cases.caseNumber', { id: caseLabel(request.caseId) })}</strong>
                      <span>
                        {t(`rights.reason.${request.reason}`)} ·{' '}
                        {props.people.get(request.requestedBy)?.displayName ?? request.requestedBy} ·{' '}
                        {formatDateTime(request.requestedAt)}
                      </span>
                    </span>
                    <span class="button-row">
                      <button
                        type="button"
                        class="button button--danger"
                        disabled={busy()}
                        onClick={() => setArmed(request)}
                      >
                        {t('rights.confirm.confirm')}
                      </button>
                      <button
                        type="button"
                        class="button"
                        disabled={busy()}
                        onClick={() => void decide(request.id, cancelDestruction)}
                      >
                        {t('rights.confirm.refuse')}
                      </button>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </AsyncContent>
      <ConfirmDialog
        subject={armed()}
        title={(request) => t('rights.confirm.title', { id: caseLabel(request.caseId) })}
        body={(request) => t('rights.confirm.warning', { id: caseLabel(request.caseId) })}
        confirmLabel={t('rights.confirm.final')}
        workingLabel={t('rights.confirm.destroying')}
        tone="danger"
        action={destroy}
        onClose={() => setArmed(null)}
      />
    </section>
  );
}
