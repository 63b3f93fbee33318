import { createResource, createSignal, Show } from 'solid-js';
import { CASE_CHANNELS } from '../../../../../core/api/index';
import { listClients, openCaseForClient } from '../../../lib/clients';
import { errorMessageKey } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useVault } from '../../../lib/vault-context';
import { completeWorkflowTask } from '../../../lib/workflows';
import { Alert } from '../../../ui/Alert';
import { SelectField } from '../../../ui/SelectField';
import { createSubmission } from '../../../ui/submission';
import { changeAppointmentStatus, fetchServices, fetchTimeZone } from '../../schedule/api';
import { formatDateTime } from '../../schedule/time';
import { stepNumber, stepText } from './step-data';
import type { StepProps } from './WorkflowStepPage';

type CaseChannel = (typeof CASE_CHANNELS)[number];

/**
 * The matched counselor confirms: their browser opens the client's card (the front desk wrapped
 * it to them) and opens the case the way the new-case dialog does, making the case key here;
 * completing the step files the first session in that case (worker/workflows/step-writes.ts).
 * Declining cancels the booked session and sends the client back to matching.
 */
export function OpenCaseStep(props: StepProps) {
  const { t, locale } = useI18n();
  const { vault } = useVault();
  const clientId = () => stepText(props.task, 'clientId');
  const [client] = createResource(clientId, async (id) => {
    const listing = await vault.withKeys(listClients);
    const name = listing.clients.find((entry) => entry.id === id)?.card?.name;
    return typeof name === 'string' ? name : null;
  });
  const [service] = createResource(async () => {
    const { services } = await fetchServices();
    return services.find((one) => one.id === stepText(props.task, 'serviceId')) ?? null;
  });
  const [zone] = createResource(() => fetchTimeZone().then((setting) => setting.timeZone));
  const [channel, setChannel] = createSignal<CaseChannel>('in_person');
  /** Opened on an earlier try whose completion failed: not opened twice. */
  const [opened, setOpened] = createSignal<string | null>(null);
  const { sending, failure, submit } = createSubmission();

  const start = () => stepNumber(props.task, 'appointmentStart');
  const confirm = () =>
    submit(clientId() !== null, async () => {
      const id = clientId();
      if (!id) return;
      const caseId =
        opened() ??
        (await vault.withKeys((keys) =>
          openCaseForClient(keys, {
            clientId: id,
            serviceType: service()?.serviceType ?? 'individual',
            channel: channel(),
          }),
        ));
      setOpened(caseId);
      await completeWorkflowTask(props.task.id, 'approved', { caseId });
      props.onDone();
    });
  const decline = () =>
    submit(true, async () => {
      const appointmentId = stepText(props.task, 'appointmentId');
      if (appointmentId) await changeAppointmentStatus(appointmentId, 'cancelled', 'counselor_unavailable');
      await completeWorkflowTask(props.task.id, 'rejected');
      props.onDone();
    });

  return (
    <form
      class="card step-form"
      novalidate
      aria-busy={sending()}
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <p class="lead">{t('steps.confirm.intro')}</p>
      <Show when={failure() ?? client.error}>
        {(error) => <Alert tone="error">{t(errorMessageKey(error()))}</Alert>}
      </Show>
      <dl class="step-facts">
        <dt>{t('steps.confirm.client')}</dt>
        <dd data-testid="step-client">
          <Show when={client.state === 'ready'} fallback="…">
            {client() ?? <span class="muted">{t('steps.confirm.noCard')}</span>}
          </Show>
        </dd>
        <dt>{t('steps.confirm.appointment')}</dt>
        <dd>
          <Show when={start()} fallback="—">
            {(at) => <>{formatDateTime(at(), zone() ?? 'Asia/Shanghai', locale())}</>}
          </Show>
          <Show when={stepText(props.task, 'appointmentId')}>
            <p class="muted">{t('steps.confirm.filesSession')}</p>
          </Show>
        </dd>
        <dt>{t('steps.confirm.service')}</dt>
        <dd>{service()?.name ?? '—'}</dd>
      </dl>
      <div class="field-grid">
        <SelectField
          label={t('steps.confirm.caseChannel')}
          value={channel()}
          options={CASE_CHANNELS}
          optionLabel={(value) => t(`cases.channel.${value}`)}
          onChange={setChannel}
          disabled={sending() || opened() !== null}
        />
      </div>
      <div class="button-row button-row--end">
        <button
          type="button"
          class="button"
          disabled={sending() || opened() !== null}
          onClick={() => void decline()}
        >
          {t('steps.confirm.decline')}
        </button>
        <button type="submit" class="button button--primary" disabled={sending() || !client()}>
          {sending() ? t('steps.confirm.approving') : t('steps.confirm.approve')}
        </button>
      </div>
    </form>
  );
}
