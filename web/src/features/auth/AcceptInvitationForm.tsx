import { createSignal, Show } from 'solid-js';
import { type AcceptedInvitation, acceptInvitation, type InvitationDetails } from '../../lib/account';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { checkNewPassphrase, checkPassphraseConfirmation } from '../../lib/passphrase-policy';
import { checkRequiredText } from '../../lib/validation';
import { Alert } from '../../ui/Alert';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';

export function AcceptInvitationForm(props: {
  token: string;
  invitation: InvitationDetails;
  onAccepted: (accepted: AcceptedInvitation) => void;
}) {
  const { t, tMessage } = useI18n();
  const [displayName, setDisplayName] = createSignal('');
  const [passphrase, setPassphrase] = createSignal('');
  const [confirmation, setConfirmation] = createSignal('');
  const [attempted, setAttempted] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const errors = () => ({
    displayName: checkRequiredText(displayName()),
    passphrase: checkNewPassphrase(passphrase()),
    confirmation: checkPassphraseConfirmation(passphrase(), confirmation()),
  });
  const shown = (message: ReturnType<typeof checkRequiredText>) => (attempted() ? tMessage(message) : null);
  const roleNames = () => props.invitation.roles.map((role) => t(`role.${role}`)).join('、');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (submitting() || Object.values(errors()).some((message) => message !== null)) return;
    setSubmitting(true);
    setFailure(null);
    try {
      const accepted = await acceptInvitation({
        token: props.token,
        displayName: displayName().trim(),
        passphrase: passphrase(),
      });
      setPassphrase('');
      setConfirmation('');
      props.onAccepted(accepted);
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} novalidate aria-busy={submitting()}>
      <h1>{t('invite.heading')}</h1>
      <p class="lead">
        {t('invite.details', {
          org: props.invitation.organizationName,
          email: props.invitation.email,
          roles: roleNames(),
        })}
      </p>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <TextField
        label={t('invite.name')}
        value={displayName()}
        onChange={setDisplayName}
        autocomplete="name"
        error={shown(errors().displayName)}
        disabled={submitting()}
        autofocus
        required
      />
      <NewPassphraseFields
        passphrase={passphrase()}
        confirmation={confirmation()}
        onPassphraseChange={setPassphrase}
        onConfirmationChange={setConfirmation}
        passphraseError={shown(errors().passphrase)}
        confirmationError={shown(errors().confirmation)}
        disabled={submitting()}
      />
      <SubmitButton busy={submitting()} label={t('invite.submit')} busyLabel={t('invite.submitting')} />
    </form>
  );
}
