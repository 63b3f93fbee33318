import { createResource, Show } from 'solid-js';
import { openBookingRequestById } from '../../../lib/bookings';
import { listCounselors } from '../../../lib/clients';
import { errorMessageKey } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useVault } from '../../../lib/vault-context';
import { completeWorkflowTask } from '../../../lib/workflows';
import { Alert } from '../../../ui/Alert';
import { createSubmission } from '../../../ui/submission';
import { fetchTimeZone } from '../../schedule/api';
import { formatDateTime } from '../../schedule/time';
import { stepNumber, stepText } from './step-data';
import type { StepProps } from './WorkflowStepPage';

/**
 * The front desk tells the client their first session: the contact line comes from the sealed
 * request, opened in this browser; the step records only that it was done.
 */
export function NotifyClientStep(props: StepProps) {
  const { t, locale } = useI18n();
  const { vault } = useVault();
  const [opened] = createResource(
    () => stepText(props.task, 'bookingRequestId'),
    (id) => vault.withKeys((keys) => openBookingRequestById(keys, id)),
  );
  const [counselor] = createResource(async () => {
    const counselors = await listCounselors();
    return counselors.find((one) => one.id === stepText(props.task, 'counselorId'))?.displayName ?? null;
  });
  const [zone] = createResource(() => fetchTimeZone().then((setting) => setting.timeZone));
  const { sending, failure, submit } = createSubmission();
  const start = () => stepNumber(props.task, 'appointmentStart');

  const done = () =>
    submit(true, async () => {
      await completeWorkflowTask(props.task.id, 'completed');
      props.onDone();
    });

  return (
    <form
      class="card step-form"
      novalidate
      aria-busy={sending()}
      onSubmit={(event) => {
        event.preventDefault();
        void done();
      }}
    >
      <p class="lead">{t('steps.notify.intro')}</p>
      <Show when={failure() ?? opened.error}>
        {(error) => <Alert tone="error">{t(errorMessageKey(error()))}</Alert>}
      </Show>
      <dl class="step-facts">
        <dt>{t('steps.confirm.client')}</dt>
        <dd>{opened()?.content?.name ?? '—'}</dd>
        <dt>{t('steps.notify.contact')}</dt>
        <dd>{opened()?.content?.contact ?? '—'}</dd>
        <dt>{t('steps.confirm.appointment')}</dt>
        <dd>
          <Show when={start()} fallback="—">
            {(at) => <>{formatDateTime(at(), zone() ?? 'Asia/Shanghai', locale())}</>}
          </Show>
        </dd>
        <dt>{t('steps.notify.counselor')}</dt>
        <dd>{counselor() ?? '—'}</dd>
      </dl>
      <div class="button-row button-row--end">
        <button type="submit" class="button button--primary" disabled={sending()}>
          {sending() ? t('steps.notify.submitting') : t('steps.notify.submit')}
        </button>
      </div>
    </form>
  );
}
