import { createSignal } from 'solid-js';
import {
  type CreatedWebhookEndpoint,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '../../../../core/api/index';
import { webhookUrlProblem } from '../../../../core/api/webhook-url';
import { useI18n } from '../../lib/i18n';
import { createWebhookEndpoint } from '../../lib/integrations';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { FormDialog } from '../../ui/FormDialog';
import { createSubmission } from '../../ui/submission';
import { TextField } from '../../ui/TextField';

export function NewWebhookDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (created: CreatedWebhookEndpoint) => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [types, setTypes] = createSignal<readonly WebhookEventType[]>([]);
  const { attempted, sending, failure, submit, reset: resetSubmission } = createSubmission();
  /** The server's own policy: a public https address (docs/security.md). */
  const urlAllowed = () => webhookUrlProblem(url().trim()) === null;

  const reset = () => {
    setUrl('');
    setDescription('');
    setTypes([]);
    resetSubmission();
  };
  const create = () =>
    submit(urlAllowed() && types().length > 0, async () => {
      const created = await createWebhookEndpoint({
        url: url().trim(),
        description: description().trim(),
        eventTypes: [...types()],
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
      title={t('integrations.hooks.new.title')}
      intro={t('integrations.hooks.new.intro')}
      submitLabel={t('integrations.hooks.new.submit')}
      submittingLabel={t('integrations.new.submitting')}
      sending={sending()}
      failure={failure()}
    >
      <TextField
        label={t('integrations.hooks.new.url')}
        value={url()}
        onChange={setUrl}
        error={attempted() && !urlAllowed() ? t('integrations.hooks.new.urlInvalid') : null}
        disabled={sending()}
        required
      />
      <TextField
        label={t('integrations.hooks.new.description')}
        value={description()}
        onChange={setDescription}
        disabled={sending()}
      />
      <CheckboxGroup
        legend={t('integrations.hooks.new.events')}
        options={WEBHOOK_EVENT_TYPES}
        labelOf={(type) => t(`integrations.event.${type}`)}
        selected={types()}
        onChange={setTypes}
        error={attempted() && types().length === 0 ? t('integrations.hooks.new.eventsRequired') : null}
        disabled={sending()}
      />
    </FormDialog>
  );
}
