import { createEffect, createSignal, on, Show } from 'solid-js';
import { emailSchema } from '../../../../core/api/encoding';
import { toAppError } from '../../lib/app-errors';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormDialog } from '../../ui/FormDialog';
import { createSubmission } from '../../ui/submission';
import { TextField } from '../../ui/TextField';
import { fetchReminderOptIn, optIntoReminders, optOutOfReminders } from '../schedule/api';

export interface ReminderClient {
  id: string;
  name: string;
  /** The card's email, opened in this browser: offered, never sent unless the client opts in. */
  email: string;
}

/**
 * The client's choice about appointment reminders, recorded by the front desk. Opting in is the
 * one place a client's address leaves the encrypted card: the server keeps it in plaintext to
 * send reminders (DESIGN §2), which the dialog says before anything is saved.
 */
export function ReminderOptInDialog(props: {
  client: ReminderClient | null;
  onOpenChange: (open: boolean) => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = createSignal('');
  const [optedIn, setOptedIn] = createSignal<boolean | null>(null);
  const { attempted, sending, failure, submit, reset } = createSubmission();
  const [stopFailure, setStopFailure] = createSignal<unknown>(null);
  const valid = () => emailSchema.safeParse(email().trim()).success;

  createEffect(
    on(
      () => props.client,
      (client) => {
        setOptedIn(null);
        setStopFailure(null);
        if (!client) return;
        setEmail(client.email);
        fetchReminderOptIn(client.id).then(
          (state) => {
            setOptedIn(state.optedIn);
            if (state.email) setEmail(state.email);
          },
          (error: unknown) => setStopFailure(toAppError(error)),
        );
      },
    ),
  );

  const save = () =>
    submit(valid(), async () => {
      const client = props.client;
      if (!client) return;
      try {
        await optIntoReminders(client.id, email().trim());
      } catch (error) {
        throw toAppError(error);
      }
      props.onSaved(t('clients.reminders.saved', { name: client.name }));
    });

  const [stopping, setStopping] = createSignal<ReminderClient | null>(null);
  /** Forgetting the address is not undone by a click: it asks first, naming the client. */
  const stop = async (client: ReminderClient) => {
    setStopFailure(null);
    try {
      await optOutOfReminders(client.id);
    } catch (error) {
      throw toAppError(error);
    }
    setStopping(null);
    props.onSaved(t('clients.reminders.stopped', { name: client.name }));
  };

  return (
    <FormDialog
      open={props.client !== null}
      onOpenChange={props.onOpenChange}
      onReset={reset}
      onSubmit={() => void save()}
      title={t('clients.reminders.title', { name: props.client?.name ?? '' })}
      intro={t('clients.reminders.intro')}
      submitLabel={t('clients.reminders.submit')}
      submittingLabel={t('clients.reminders.submitting')}
      sending={sending()}
      failure={failure() ?? stopFailure()}
    >
      <Alert tone="info">{t('clients.reminders.visibility')}</Alert>
      <Show when={optedIn() !== null}>
        <p class="muted">{optedIn() ? t('clients.reminders.isOn') : t('clients.reminders.isOff')}</p>
      </Show>
      <TextField
        label={t('clients.reminders.email')}
        type="email"
        value={email()}
        onChange={setEmail}
        error={attempted() && !valid() ? t('clients.reminders.emailInvalid') : null}
        disabled={sending()}
        required
      />
      <Show when={optedIn()}>
        <button
          type="button"
          class="button button--danger"
          disabled={sending()}
          onClick={() => setStopping(props.client)}
        >
          {t('clients.reminders.stop')}
        </button>
      </Show>
      <ConfirmDialog
        subject={stopping()}
        title={(client) => t('clients.reminders.stopConfirm', { name: client.name })}
        body={() => t('clients.reminders.stopBody')}
        confirmLabel={t('clients.reminders.stop')}
        workingLabel={t('clients.reminders.stopping')}
        action={stop}
        onClose={() => setStopping(null)}
      />
    </FormDialog>
  );
}
