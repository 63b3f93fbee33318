import { Dialog } from '@kobalte/core/dialog';
import { createSignal, For, Show } from 'solid-js';
import { API_SCOPES, type ApiScope, type CreatedApiKey } from '../../../../core/api/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { createApiKey } from '../../lib/integrations';
import { Alert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Checkbox';
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
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [attempted, setAttempted] = createSignal(false);

  const invalid = () => name().trim() === '' || scopes().length === 0;
  const toggle = (scope: ApiScope, checked: boolean) =>
    setScopes((current) =>
      checked
        ? API_SCOPES.filter((s) => s === scope || current.includes(s))
        : current.filter((s) => s !== scope),
    );

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (sending() || invalid()) return;
    setSending(true);
    setFailure(null);
    try {
      const created = await createApiKey({
        name: name().trim(),
        scopes: [...scopes()],
        expiresAt: expiryDays() === 0 ? 0 : Date.now() + expiryDays() * DAY_MS,
      });
      setName('');
      setScopes([]);
      setAttempted(false);
      props.onCreated(created);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog__content">
            <Dialog.Title class="dialog__title">{t('integrations.keys.new.title')}</Dialog.Title>
            <Dialog.Description class="muted">{t('integrations.keys.new.intro')}</Dialog.Description>
            <form onSubmit={(event) => void submit(event)} novalidate aria-busy={sending()}>
              <Show when={failure()}>
                <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
              </Show>
              <TextField
                label={t('integrations.keys.new.name')}
                value={name()}
                onChange={setName}
                error={attempted() && name().trim() === '' ? t('integrations.keys.new.nameRequired') : null}
                disabled={sending()}
                required
              />
              <fieldset class="fieldset">
                <legend class="fieldset__legend">{t('integrations.keys.new.scopes')}</legend>
                <div class="checkbox-list">
                  <For each={API_SCOPES}>
                    {(scope) => (
                      <Checkbox
                        label={t(`integrations.scope.${scope}`)}
                        value={scope}
                        checked={scopes().includes(scope)}
                        onChange={(checked) => toggle(scope, checked)}
                        disabled={sending()}
                      />
                    )}
                  </For>
                </div>
                <Show when={attempted() && scopes().length === 0}>
                  <p class="field__error">{t('integrations.keys.new.scopesRequired')}</p>
                </Show>
              </fieldset>
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
              <div class="button-row button-row--end">
                <Dialog.CloseButton class="button" disabled={sending()}>
                  {t('common.cancel')}
                </Dialog.CloseButton>
                <button type="submit" class="button button--primary" disabled={sending()}>
                  {t('integrations.keys.new.submit')}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
