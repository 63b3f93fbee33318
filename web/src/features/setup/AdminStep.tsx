import { createSignal } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { checkNewPassphrase, checkPassphraseConfirmation } from '../../lib/passphrase-policy';
import { checkEmail, checkRequiredText } from '../../lib/validation';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { TextField } from '../../ui/TextField';
import { StepHeading } from './StepHeading';

export interface AdminDraft {
  displayName: string;
  email: string;
  passphrase: string;
  confirmation: string;
}

export function checkAdminDraft(draft: AdminDraft) {
  return {
    displayName: checkRequiredText(draft.displayName),
    email: checkEmail(draft.email),
    passphrase: checkNewPassphrase(draft.passphrase),
    confirmation: checkPassphraseConfirmation(draft.passphrase, draft.confirmation),
  };
}

export function AdminStep(props: {
  draft: AdminDraft;
  onChange: (change: Partial<AdminDraft>) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t, tMessage } = useI18n();
  const [attempted, setAttempted] = createSignal(false);
  const errors = () => checkAdminDraft(props.draft);
  const shown = (message: ReturnType<typeof checkRequiredText>) => (attempted() ? tMessage(message) : null);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.values(errors()).every((message) => message === null)) props.onNext();
  };

  return (
    <form class="wizard-step" onSubmit={submit} novalidate>
      <StepHeading>{t('setup.admin.heading')}</StepHeading>
      <p class="lead">{t('setup.admin.intro')}</p>
      <div class="field-grid">
        <TextField
          label={t('setup.admin.name')}
          value={props.draft.displayName}
          onChange={(displayName) => props.onChange({ displayName })}
          autocomplete="name"
          error={shown(errors().displayName)}
          required
        />
        <TextField
          label={t('setup.admin.email')}
          type="email"
          value={props.draft.email}
          onChange={(email) => props.onChange({ email })}
          autocomplete="email"
          error={shown(errors().email)}
          required
        />
      </div>
      <NewPassphraseFields
        passphrase={props.draft.passphrase}
        confirmation={props.draft.confirmation}
        onPassphraseChange={(passphrase) => props.onChange({ passphrase })}
        onConfirmationChange={(confirmation) => props.onChange({ confirmation })}
        passphraseError={shown(errors().passphrase)}
        confirmationError={shown(errors().confirmation)}
      />
      <div class="button-row button-row--end">
        <button type="button" class="button" onClick={() => props.onBack()}>
          {t('common.back')}
        </button>
        <button type="submit" class="button button--primary">
          {t('common.continue')}
        </button>
      </div>
    </form>
  );
}
