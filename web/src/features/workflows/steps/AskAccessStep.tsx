import { Show } from 'solid-js';
import { useI18n } from '../../../lib/i18n';
import { completeWorkflowTask } from '../../../lib/workflows';
import { Alert } from '../../../ui/Alert';
import { AccessRequestForm } from '../../cases/AccessRequestForm';
import { caseNumber } from '../../cases/labels';
import type { StepProps } from './WorkflowStepPage';

/**
 * The supervisor's "ask" in the supervision process: request temporary access to the case with a
 * reason and a duration; the step completes with the request's id, which the server checks is
 * this supervisor's request for this case.
 */
export function AskAccessStep(props: StepProps) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="ask-step-heading">
      <h2 class="card__title" id="ask-step-heading">
        {t('steps.ask.heading')}
      </h2>
      <Show when={props.task.caseId} fallback={<Alert tone="error">{t('steps.noCase')}</Alert>}>
        {(caseId) => (
          <>
            <p class="muted">{t('steps.ask.intro', { number: caseNumber(caseId()) })}</p>
            <AccessRequestForm
              caseId={caseId()}
              onAsked={async (request) => {
                await completeWorkflowTask(props.task.id, 'completed', { accessRequestId: request.id });
                props.onDone();
              }}
            />
          </>
        )}
      </Show>
    </section>
  );
}
