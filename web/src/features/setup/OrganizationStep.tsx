import { createSignal } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { checkRequiredText } from '../../lib/validation';
import { TextField } from '../../ui/TextField';
import { StepHeading } from './StepHeading';

export function OrganizationStep(props: {
  name: string;
  onNameChange: (name: string) => void;
  onNext: () => void;
}) {
  const { t, tMessage } = useI18n();
  const [attempted, setAttempted] = createSignal(false);
  const error = () => (attempted() ? checkRequiredText(props.name) : null);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!checkRequiredText(props.name)) props.onNext();
  };

  return (
    <form class="wizard-step" onSubmit={submit} novalidate>
      <StepHeading>{t('setup.org.heading')}</StepHeading>
      <p class="lead">{t('setup.org.intro')}</p>
      <TextField
        label={t('setup.org.name')}
        value={props.name}
        onChange={props.onNameChange}
        hint={t('setup.org.nameHint')}
        autocomplete="organization"
        error={tMessage(error())}
        required
      />
      <div class="button-row button-row--end">
        <button type="submit" class="button button--primary">
          {t('common.continue')}
        </button>
      </div>
    </form>
  );
}
