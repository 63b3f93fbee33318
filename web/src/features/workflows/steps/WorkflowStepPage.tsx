import { A, useParams } from '@solidjs/router';
import { createResource, Match, Show, Switch } from 'solid-js';
import { shippedLabel } from '../../../../../core/workflows/shipped-labels';
import { lazyPage, type MessageKey, useI18n } from '../../../lib/i18n';
import { findWorkflowTask, type WorkflowTaskView } from '../../../lib/workflows';
import { Alert } from '../../../ui/Alert';
import { AsyncContent } from '../../../ui/AsyncContent';
import './steps.css';

const ScreeningStep = lazyPage(
  ['booking-steps', 'cases', 'counselor-profiles', 'integrations', 'workflow-steps'],
  () => import('./ScreeningStep').then((m) => m.ScreeningStep),
);
const MatchingStep = lazyPage(['booking-steps', 'counselor-profiles', 'schedule', 'workflow-steps'], () =>
  import('./MatchingStep').then((m) => m.MatchingStep),
);
const OpenCaseStep = lazyPage(['booking-steps', 'cases', 'counselor-profiles', 'workflow-steps'], () =>
  import('./OpenCaseStep').then((m) => m.OpenCaseStep),
);
const NotifyClientStep = lazyPage(['booking-steps', 'workflow-steps'], () =>
  import('./NotifyClientStep').then((m) => m.NotifyClientStep),
);
const AskAccessStep = lazyPage(['booking-steps', 'case-admin', 'cases', 'workflow-steps'], () =>
  import('./AskAccessStep').then((m) => m.AskAccessStep),
);
const DeliverKeyStep = lazyPage(['booking-steps', 'cases', 'workflow-steps'], () =>
  import('./DeliverKeyStep').then((m) => m.DeliverKeyStep),
);

/** The case a finished step opened, which the process carries from then on. */
const openedCase = (task: WorkflowTaskView) =>
  typeof task.data.caseId === 'string' ? task.data.caseId : null;

/** What every step page gets: its task, and a way to say it is done (the page then reloads it). */
export interface StepProps {
  task: WorkflowTaskView;
  onDone: () => void;
}

/**
 * The page a task in the inbox opens when its step is done in the assignee's browser (DESIGN §3:
 * steps that need keys): the step's action decides what it shows.
 */
export function WorkflowStepPage() {
  const { t, formatDateTime, locale } = useI18n();
  const params = useParams<{ id: string }>();
  const [task, { refetch }] = createResource(() => params.id, findWorkflowTask);
  const heading = (found: WorkflowTaskView) =>
    found.action ? t(`steps.heading.${found.action}` as MessageKey) : shippedLabel(found.title, locale());

  return (
    <div class="admin-page step-page">
      <A href="/tasks" class="step-page__back">
        {t('steps.back')}
      </A>
      <AsyncContent resource={task} onRetry={() => void refetch()}>
        {(found) => (
          <Show when={found} fallback={<p class="card empty">{t('steps.notFound')}</p>}>
            {(current) => (
              <>
                <div class="page-header">
                  <div>
                    <h1>{heading(current())}</h1>
                    <p class="lead">
                      {shippedLabel(current().process, locale())}
                      <Show when={current().dueAt}>
                        {(due) => <> · {t('steps.due', { date: formatDateTime(due()) })}</>}
                      </Show>
                    </p>
                  </div>
                </div>
                <Show
                  when={current().status === 'open'}
                  fallback={
                    <Alert tone="success">
                      {t('steps.done')}{' '}
                      <Show when={openedCase(current())}>
                        {(caseId) => <A href={`/cases/${caseId()}`}>{t('steps.confirm.openCase')}</A>}
                      </Show>
                    </Alert>
                  }
                >
                  <Switch fallback={<p class="card empty">{t('steps.notFound')}</p>}>
                    <Match when={current().action === 'screen_booking'}>
                      <ScreeningStep task={current()} onDone={() => void refetch()} />
                    </Match>
                    <Match when={current().action === 'match_counselor'}>
                      <MatchingStep task={current()} onDone={() => void refetch()} />
                    </Match>
                    <Match when={current().action === 'open_case'}>
                      <OpenCaseStep task={current()} onDone={() => void refetch()} />
                    </Match>
                    <Match when={current().action === 'notify_client'}>
                      <NotifyClientStep task={current()} onDone={() => void refetch()} />
                    </Match>
                    <Match when={current().action === 'request_case_access'}>
                      <AskAccessStep task={current()} onDone={() => void refetch()} />
                    </Match>
                    <Match when={current().action === 'deliver_case_key'}>
                      <DeliverKeyStep task={current()} onDone={() => void refetch()} />
                    </Match>
                  </Switch>
                </Show>
              </>
            )}
          </Show>
        )}
      </AsyncContent>
    </div>
  );
}
