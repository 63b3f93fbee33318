import { createResource, createSignal, For, Show } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import type { Role } from '../../lib/roles';
import { listTasks, setTaskStatus, type TaskView } from '../../lib/rules';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmptyState } from '../../ui/EmptyState';
import { WorkflowInbox } from '../workflows/WorkflowInbox';

/**
 * The tasks rules filed for me or my role (issue 8). A minimal list the workflow engine (issue 6)
 * adopts: title, case, due date, status.
 */
export function TasksPage() {
  const { t, formatDate } = useI18n();
  const [tasks, { refetch, mutate }] = createResource(listTasks);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal<string | null>(null);

  const toggle = async (task: TaskView) => {
    setBusy(task.id);
    setFailure(null);
    try {
      const updated = await setTaskStatus(task.id, task.status === 'open' ? 'done' : 'open');
      const current = tasks.latest;
      if (current) mutate({ tasks: current.tasks.map((one) => (one.id === updated.id ? updated : one)) });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const overdue = (task: TaskView) =>
    task.status === 'open' && task.dueAt !== null && task.dueAt < Date.now();

  return (
    <div class="admin-page">
      <div class="page-header">
        <div>
          <h1>{t('tasks.heading')}</h1>
          <p class="lead">{t('tasks.intro')}</p>
        </div>
      </div>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <WorkflowInbox />
      <section class="card">
        <AsyncContent resource={tasks} onRetry={() => void refetch()}>
          {(list) => (
            <Show
              when={list.tasks.length > 0}
              fallback={<EmptyState title={t('tasks.empty')} hint={t('tasks.emptyHint')} />}
            >
              <div class="table-wrap">
                <table class="table">
                  <caption>{t('tasks.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('tasks.col.title')}</th>
                      <th scope="col">{t('tasks.col.case')}</th>
                      <th scope="col">{t('tasks.col.due')}</th>
                      <th scope="col">{t('tasks.col.assignee')}</th>
                      <th scope="col">{t('tasks.col.status')}</th>
                      <th scope="col">
                        <span class="visually-hidden">{t('tasks.markDone')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list.tasks}>
                      {(task) => (
                        <tr>
                          <td>{task.title}</td>
                          <td>
                            <Show when={task.caseId} fallback="—">
                              <code>{task.caseId?.slice(0, 8)}</code>
                            </Show>
                          </td>
                          <td class="nowrap">
                            <Show when={task.dueAt} fallback="—">
                              {formatDate(task.dueAt ?? 0)}
                            </Show>
                            <Show when={overdue(task)}>
                              {' '}
                              <span class="badge badge--warning">{t('tasks.overdue')}</span>
                            </Show>
                          </td>
                          <td>
                            {task.assigneeRole ? t(`role.${task.assigneeRole as Role}`) : t('tasks.me')}
                          </td>
                          <td>
                            <span class="badge" classList={{ 'badge--muted': task.status === 'done' }}>
                              {t(`tasks.status.${task.status}`)}
                            </span>
                          </td>
                          <td>
                            <button
                              type="button"
                              class="button button--quiet"
                              disabled={busy() === task.id}
                              aria-label={`${task.status === 'open' ? t('tasks.markDone') : t('tasks.reopen')} ${task.title}`}
                              onClick={() => void toggle(task)}
                            >
                              {task.status === 'open' ? t('tasks.markDone') : t('tasks.reopen')}
                            </button>
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
    </div>
  );
}
