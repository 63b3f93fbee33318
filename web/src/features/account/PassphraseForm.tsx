import { createSignal, Show } from 'solid-js';
import type { ChangedPassphrase } from '../../lib/account';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { checkNewPassphrase, checkPassphraseConfirmation } from '../../lib/passphrase-policy';
import { useSession } from '../../lib/session';
import type { ValidationMessage } from '../../lib/validation';
import { Alert } from '../../ui/Alert';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { PassphraseField } from '../../ui/PassphraseField';
import { SubmitButton } from '../../ui/SubmitButton';

/**
 * New passphrase (with strength meter) and its confirmation, and the current passphrase unless the
 * person just logged in with their recovery code (PROTOCOL §4: that code is then the proof).
 */
export function PassphraseForm(props: {
  requireCurrent: boolean;
  onChanged: (changed: ChangedPassphrase) => void;
}) {
  const { t, tMessage } = useI18n();
  const { changePassphrase } = useSession();
  const [current, setCurrent] = createSignal('');
  const [passphrase, setPassphrase] = createSignal('');
  const [confirmation, setConfirmation] = createSignal('');
  const [attempted, setAttempted] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const errors = () => ({
    current: props.requireCurrent && current().length === 0 ? { key: 'validation.required' as const } : null,
    passphrase:
      checkNewPassphrase(passphrase()) ??
      (props.requireCurrent && passphrase() === current()
        ? { key: 'account.passphrase.sameAsCurrent' as const }
        : null),
    confirmation: checkPassphraseConfirmation(passphrase(), confirmation()),
  });
  const shown = (message: ValidationMessage | null) => (attempted() ? tMessage(message) : null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (submitting() || Object.values(errors()).some((message) => message !== null)) return;
    setSubmitting(true);
    setFailure(null);
    try {
      const changed = await changePassphrase({
        currentPassphrase: props.requireCurrent ? current() : null,
        newPassphrase: passphrase(),
      });
      setCurrent('');
      setPassphrase('');
      setConfirmation('');
      setAttempted(false);
      props.onChanged(changed);
    } catch (error) {
      setFailure(error);
      setCurrent('');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} novalidate aria-busy={submitting()}>
      <Show when={failure()}>
        <Alert tone="error">
          {t(
            props.requireCurrent && errorMessageKey(failure()) === 'error.invalid_credentials'
              ? 'account.passphrase.wrongCurrent'
              : errorMessageKey(failure()),
          )}
        </Alert>
      </Show>
      <Show when={props.requireCurrent}>
        <PassphraseField
          label={t('account.passphrase.current')}
          value={current()}
          onChange={setCurrent}
          autocomplete="current-password"
          error={shown(errors().current)}
          disabled={submitting()}
          autofocus
        />
      </Show>
      <NewPassphraseFields
        passphrase={passphrase()}
        confirmation={confirmation()}
        onPassphraseChange={setPassphrase}
        onConfirmationChange={setConfirmation}
        passphraseError={shown(errors().passphrase)}
        confirmationError={shown(errors().confirmation)}
        labels={{ passphrase: t('account.passphrase.new'), confirmation: t('account.passphrase.confirm') }}
        disabled={submitting()}
        autofocus={!props.requireCurrent}
      />
      <SubmitButton
        busy={submitting()}
        label={t('account.passphrase.submit')}
        busyLabel={t('account.passphrase.submitting')}
      />
    </form>
  );
}
