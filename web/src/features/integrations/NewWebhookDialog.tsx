import { Dialog } from '@kobalte/core/dialog';
import { createSignal, For, Show } from 'solid-js';
import {
  type CreatedWebhookEndpoint,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '../../../../core/api/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { createWebhookEndpoint } from '../../lib/integrations';
import { Alert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Checkbox';
import { TextField } from '../../ui/TextField';

const isHttpUrl = (text: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

export function NewWebhookDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (created: CreatedWebhookEndpoint) => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [types, setTypes] = createSignal<readonly WebhookEventType[]>([]);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [attempted, setAttempted] = createSignal(false);

  const toggle = (type: WebhookEventType, checked: boolean) =>
    setTypes((current) =>
      checked
        ? WEBHOOK_EVENT_TYPES.filter((each) => each === type || current.includes(each))
        : current.filter((each) => each !== type),
    );

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (sending() || !isHttpUrl(url().trim()) || types().length === 0) return;
    setSending(true);
    setFailure(null);
    try {
      const created = await createWebhookEndpoint({
        url: url().trim(),
        description: description().trim(),
        eventTypes: [...types()],
      });
      setUrl('');
      setDescription('');
      setTypes([]);
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
            <Dialog.Title class="dialog__title">{t('integrations.hooks.new.title')}</Dialog.Title>
            <Dialog.Description class="muted">{t('integrations.hooks.new.intro')}</Dialog.Description>
            <form onSubmit={(event) => void submit(event)} novalidate aria-busy={sending()}>
              <Show when={failure()}>
                <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
              </Show>
              <TextField
                label={t('integrations.hooks.new.url')}
                value={url()}
                onChange={setUrl}
                error={
                  attempted() && !isHttpUrl(url().trim()) ? t('integrations.hooks.new.urlInvalid') : null
                }
                disabled={sending()}
                required
              />
              <TextField
                label={t('integrations.hooks.new.description')}
                value={description()}
                onChange={setDescription}
                disabled={sending()}
              />
              <fieldset class="fieldset">
                <legend class="fieldset__legend">{t('integrations.hooks.new.events')}</legend>
                <div class="checkbox-list">
                  <For each={WEBHOOK_EVENT_TYPES}>
                    {(type) => (
                      <Checkbox
                        label={t(`integrations.event.${type}`)}
                        value={type}
                        checked={types().includes(type)}
                        onChange={(checked) => toggle(type, checked)}
                        disabled={sending()}
                      />
                    )}
                  </For>
                </div>
                <Show when={attempted() && types().length === 0}>
                  <p class="field__error">{t('integrations.hooks.new.eventsRequired')}</p>
                </Show>
              </fieldset>
              <div class="button-row button-row--end">
                <Dialog.CloseButton class="button" disabled={sending()}>
                  {t('common.cancel')}
                </Dialog.CloseButton>
                <button type="submit" class="button button--primary" disabled={sending()}>
                  {t('integrations.hooks.new.submit')}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
