import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import {
  type AccessRequest,
  decideCaseAccess,
  deliverCaseAccess,
  fetchPeople,
  findRequestToDecide,
} from '../../../lib/cases';
import { errorMessageKey } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useVault } from '../../../lib/vault-context';
import { completeWorkflowTask } from '../../../lib/workflows';
import { Alert } from '../../../ui/Alert';
import { AsyncContent } from '../../../ui/AsyncContent';
import { caseNumber, DAY_MS } from '../../cases/labels';
import type { StepProps } from './WorkflowStepPage';

/**
 * The key holder's "deliver" in the supervision process: decide the supervisor's request, then
 * this browser wraps the case key to them with the expiry bound in (the case page's own delivery,
 * PROTOCOL §5). The step completes naming the recipient; the server checks a live wrap exists.
 */
export function DeliverKeyStep(props: StepProps) {
  const { t, formatDate } = useI18n();
  const { vault } = useVault();
  const requestId = () => {
    const id = props.task.data.accessRequestId;
    return typeof id === 'string' ? id : null;
  };
  const [request, { refetch, mutate }] = createResource(requestId, (id) =>
    vault.withKeys((keys) => findRequestToDecide(keys, id)),
  );
  const [people] = createResource(fetchPeople);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const nameOf = (id: string) => people()?.get(id)?.displayName ?? id;

  const act = async (work: () => Promise<void>) => {
    if (busy()) return;
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const decide = (asked: AccessRequest, decision: 'approve' | 'deny') =>
    act(async () => {
      await decideCaseAccess(asked.id, decision);
      mutate({ ...asked, status: decision === 'approve' ? 'approved' : 'denied' });
    });

  // No key is coming: the server sees the request denied, and the process asks the supervisor again.
  const finishDenied = () =>
    act(async () => {
      await completeWorkflowTask(props.task.id, 'completed');
      props.onDone();
    });

  const deliver = (asked: AccessRequest) =>
    act(async () => {
      // Delivered before (the completion failed): only the step is left to finish.
      if (asked.status === 'approved') {
        await vault.withKeys((keys) => deliverCaseAccess(keys, asked.caseId, asked.id));
        mutate({ ...asked, status: 'delivered' });
      }
      await completeWorkflowTask(props.task.id, 'completed', { grantedTo: asked.requesterId });
      props.onDone();
    });

  const describe = (asked: AccessRequest) =>
    t('case.access.request', {
      name: nameOf(asked.requesterId),
      perm: t(`cases.perm.${asked.perm}`),
      days: Math.round(asked.durationMs / DAY_MS),
      reason: t(`access.reason.${asked.reason}`),
    });

  return (
    <section class="card" aria-labelledby="deliver-step-heading">
      <h2 class="card__title" id="deliver-step-heading">
        {t('steps.deliver.heading')}
      </h2>
      <Show when={props.task.caseId}>
        {(caseId) => <p class="muted">{t('steps.deliver.intro', { number: caseNumber(caseId()) })}</p>}
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={requestId()} fallback={<Alert tone="error">{t('steps.deliver.noRequest')}</Alert>}>
        <AsyncContent resource={request} onRetry={() => void refetch()}>
          {(asked) => (
            <>
              <p>{describe(asked)}</p>
              <Show when={asked.noteText}>
                {(note) => <p class="muted">{t('case.access.note', { note: note() })}</p>}
              </Show>
              <Switch>
                <Match when={asked.status === 'pending'}>
                  <div class="button-row">
                    <button
                      type="button"
                      class="button button--primary"
                      disabled={busy()}
                      onClick={() => void decide(asked, 'approve')}
                    >
                      {t('case.access.approve')}
                    </button>
                    <button
                      type="button"
                      class="button"
                      disabled={busy()}
                      onClick={() => void decide(asked, 'deny')}
                    >
                      {t('case.access.deny')}
                    </button>
                  </div>
                </Match>
                <Match when={asked.status === 'approved' || asked.status === 'delivered'}>
                  <p class="field__hint">
                    {t('steps.deliver.expiry', {
                      date: formatDate(Date.now() + asked.durationMs),
                    })}
                  </p>
                  <div class="button-row">
                    <button
                      type="button"
                      class="button button--primary"
                      disabled={busy()}
                      onClick={() => void deliver(asked)}
                    >
                      {asked.status === 'approved' ? t('case.access.deliver') : t('steps.deliver.finish')}
                    </button>
                  </div>
                </Match>
                <Match when={asked.status === 'denied' || asked.status === 'cancelled'}>
                  <Alert tone="warning">
                    {asked.status === 'denied' ? t('steps.deliver.denied') : t('steps.deliver.closed')}
                  </Alert>
                  <div class="button-row">
                    <button
                      type="button"
                      class="button button--primary"
                      disabled={busy()}
                      onClick={() => void finishDenied()}
                    >
                      {t('steps.deliver.finishDenied')}
                    </button>
                  </div>
                </Match>
              </Switch>
            </>
          )}
        </AsyncContent>
      </Show>
    </section>
  );
}
