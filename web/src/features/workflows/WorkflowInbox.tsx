import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { shippedLabel } from '../../../../core/workflows/shipped-labels';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import type { Role } from '../../lib/roles';
import {
  completeWorkflowTask,
  formStepHref,
  listWorkflowTasks,
  stepPageHref,
  type TaskOutcome,
  type WorkflowTaskView,
} from '../../lib/workflows';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';

/**
 * The steps of running processes waiting for me or my role (issue 6): counts, due dates, overdue
 * highlighted; an approval is approved or rejected here, any other step completed.
 */
export function WorkflowInbox() {
  const { t, formatDate, locale } = useI18n();
  const title = (task: WorkflowTaskView) => shippedLabel(task.title, locale());
  const [inbox, { refetch }] = createResource(listWorkflowTasks);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal<string | null>(null);

  const finish = async (task: WorkflowTaskView, outcome: TaskOutcome) => {
    setBusy(task.id);
    setFailure(null);
    try {
      await completeWorkflowTask(task.id, outcome);
      await refetch();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const overdue = (task: WorkflowTaskView) =>
    task.status === 'open' && task.dueAt !== null && task.dueAt < Date.now();

  return (
    <section class="card" aria-labelledby="workflow-inbox-heading">
      <h2 id="workflow-inbox-heading">{t('workflows.inbox.heading')}</h2>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={inbox} onRetry={() => void refetch()}>
        {(list) => (
          <>
            <p class="lead">
              {t('workflows.inbox.counts', { open: String(list.open), overdue: String(list.overdue) })}
            </p>
            <Show when={list.tasks.length > 0} fallback={<p class="empty">{t('workflows.inbox.empty')}</p>}>
              <div class="table-wrap">
                <table class="table">
                  <caption>{t('workflows.inbox.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('workflows.col.step')}</th>
                      <th scope="col">{t('workflows.col.process')}</th>
                      <th scope="col">{t('workflows.col.due')}</th>
                      <th scope="col">{t('workflows.col.assignee')}</th>
                      <th scope="col">{t('workflows.col.status')}</th>
                      <th scope="col">
                        <span class="visually-hidden">{t('workflows.col.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list.tasks}>
                      {(task) => (
                        <tr>
                          <td>
                            {title(task)}
                            <div class="muted">{t(`workflows.step.${task.step}`)}</div>
                          </td>
                          <td>{shippedLabel(task.process, locale())}</td>
                          <td class="nowrap">
                            <Show when={task.dueAt} fallback="—">
                              {formatDate(task.dueAt ?? 0)}
                            </Show>
                            <Show when={overdue(task)}>
                              {' '}
                              <span class="badge badge--warning">{t('workflows.overdue')}</span>
                            </Show>
                          </td>
                          <td>
                            {task.assigneeRole ? t(`role.${task.assigneeRole as Role}`) : t('workflows.me')}
                          </td>
                          <td>
                            <span class="badge" classList={{ 'badge--muted': task.status === 'done' }}>
                              {t(`workflows.outcome.${task.outcome ?? 'open'}`)}
                            </span>
                          </td>
                          <td class="nowrap">
                            <Show when={task.status === 'open' && stepPageHref(task)}>
                              {(href) => (
                                <A
                                  href={href()}
                                  class="button button--quiet"
                                  aria-label={`${t('workflows.openStep')} ${title(task)}`}
                                >
                                  {t('workflows.openStep')}
                                </A>
                              )}
                            </Show>
                            <Show when={task.status === 'open' && !stepPageHref(task)}>
                              <Show
                                when={task.step === 'approval'}
                                fallback={
                                  <Show
                                    when={formStepHref(task)}
                                    fallback={
                                      <button
                                        type="button"
                                        class="button button--quiet"
                                        disabled={busy() === task.id}
                                        aria-label={`${t('workflows.complete')} ${title(task)}`}
                                        onClick={() => void finish(task, 'completed')}
                                      >
                                        {t('workflows.complete')}
                                      </button>
                                    }
                                  >
                                    {(href) => (
                                      <A
                                        href={href()}
                                        class="button button--quiet"
                                        aria-label={`${t('workflows.openForm')} ${title(task)}`}
                                      >
                                        {t('workflows.openForm')}
                                      </A>
                                    )}
                                  </Show>
                                }
                              >
                                <button
                                  type="button"
                                  class="button button--quiet"
                                  disabled={busy() === task.id}
                                  aria-label={`${t('workflows.approve')} ${title(task)}`}
                                  onClick={() => void finish(task, 'approved')}
                                >
                                  {t('workflows.approve')}
                                </button>
                                <button
                                  type="button"
                                  class="button button--quiet"
                                  disabled={busy() === task.id}
                                  aria-label={`${t('workflows.reject')} ${title(task)}`}
                                  onClick={() => void finish(task, 'rejected')}
                                >
                                  {t('workflows.reject')}
                                </button>
                              </Show>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </>
        )}
      </AsyncContent>
    </section>
  );
}
