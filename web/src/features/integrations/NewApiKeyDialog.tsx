import { createSignal, For } from 'solid-js';
import { API_SCOPES, type ApiScope, type CreatedApiKey } from '../../../../core/api/index';
import { useI18n } from '../../lib/i18n';
import { createApiKey } from '../../lib/integrations';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { FormDialog } from '../../ui/FormDialog';
import { createSubmission } from '../../ui/submission';
import { TextField } from '../../ui/TextField';

const DAY_MS = 86_400_000;
const EXPIRY_DAYS = [0, 30, 90, 365] as const;

export function NewApiKeyDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (created: CreatedApiKey) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = createSignal('');
  const [scopes, setScopes] = createSignal<readonly ApiScope[]>([]);
  const [expiryDays, setExpiryDays] = createSignal<number>(90);
  const { attempted, sending, failure, submit, reset: resetSubmission } = createSubmission();

  const reset = () => {
    setName('');
    setScopes([]);
    resetSubmission();
  };
  const create = () =>
    submit(name().trim() !== '' && scopes().length > 0, async () => {
      const created = await createApiKey({
        name: name().trim(),
        scopes: [...scopes()],
        expiresAt: expiryDays() === 0 ? 0 : Date.now() + expiryDays() * DAY_MS,
      });
      reset();
      props.onCreated(created);
    });

  return (
    <FormDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      onReset={reset}
      onSubmit={() => void create()}
      title={t('integrations.keys.new.title')}
      intro={t('integrations.keys.new.intro')}
      submitLabel={t('integrations.keys.new.submit')}
      submittingLabel={t('integrations.new.submitting')}
      sending={sending()}
      failure={failure()}
    >
      <TextField
        label={t('integrations.keys.new.name')}
        value={name()}
        onChange={setName}
        error={attempted() && name().trim() === '' ? t('integrations.keys.new.nameRequired') : null}
        disabled={sending()}
        required
      />
      <CheckboxGroup
        legend={t('integrations.keys.new.scopes')}
        options={API_SCOPES}
        labelOf={(scope) => t(`integrations.scope.${scope}`)}
        selected={scopes()}
        onChange={setScopes}
        error={attempted() && scopes().length === 0 ? t('integrations.keys.new.scopesRequired') : null}
        disabled={sending()}
      />
      <label class="field">
        <span class="field__label">{t('integrations.keys.new.expiry')}</span>
        <select
          class="field__input"
          value={String(expiryDays())}
          onChange={(event) => setExpiryDays(Number(event.currentTarget.value))}
          disabled={sending()}
        >
          <For each={EXPIRY_DAYS}>
            {(days) => (
              <option value={String(days)}>
                {days === 0 ? t('integrations.keys.never') : t('integrations.keys.days', { days })}
              </option>
            )}
          </For>
        </select>
      </label>
    </FormDialog>
  );
}
