import { Dialog } from '@kobalte/core/dialog';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { CASE_CHANNELS, CLIENT_CHANNELS, SERVICE_TYPES } from '../../../../core/api/index';
import { createClientAndCase, type NewClientAndCase } from '../../lib/cases';
import { errorMessageKey } from '../../lib/errors';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';

function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T) => void;
  disabled: boolean;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="field__select"
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.currentTarget.value as T)}
      >
        <For each={props.options}>
          {(option) => <option value={option}>{props.optionLabel(option)}</option>}
        </For>
      </select>
    </div>
  );
}

export function NewCaseDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (caseId: string) => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [card, setCard] = createSignal({ name: '', phone: '', email: '', emergencyContact: '' });
  const [clientChannel, setClientChannel] = createSignal<NewClientAndCase['clientChannel']>('phone');
  const [serviceType, setServiceType] = createSignal<NewClientAndCase['serviceType']>('individual');
  const [caseChannel, setCaseChannel] = createSignal<NewClientAndCase['caseChannel']>('in_person');
  const [attempted, setAttempted] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const nameError = () => (attempted() && !card().name.trim() ? t('validation.required') : null);
  const edit = (field: keyof ReturnType<typeof card>) => (value: string) =>
    setCard((current) => ({ ...current, [field]: value }));

  const reset = () => {
    setCard({ name: '', phone: '', email: '', emergencyContact: '' });
    setAttempted(false);
    setFailure(null);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (sending() || !card().name.trim()) return;
    setSending(true);
    setFailure(null);
    try {
      const caseId = await vault.withKeys((keys) =>
        createClientAndCase(keys, {
          card: card(),
          clientChannel: clientChannel(),
          serviceType: serviceType(),
          caseChannel: caseChannel(),
        }),
      );
      reset();
      props.onCreated(caseId);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => {
        if (!open) reset();
        props.onOpenChange(open);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog__content dialog__content--wide">
            <Dialog.Title class="dialog__title">{t('cases.new.title')}</Dialog.Title>
            <Dialog.Description class="muted">{t('cases.new.intro')}</Dialog.Description>
            <form onSubmit={(event) => void submit(event)} novalidate aria-busy={sending()}>
              <Show when={failure()}>
                <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
              </Show>
              <fieldset class="fieldset">
                <legend class="fieldset__legend">{t('cases.new.contact')}</legend>
                <div class="field-grid">
                  <TextField
                    label={t('cases.new.name')}
                    value={card().name}
                    onChange={edit('name')}
                    error={nameError()}
                    disabled={sending()}
                    required
                  />
                  <TextField
                    label={t('cases.new.phone')}
                    value={card().phone}
                    onChange={edit('phone')}
                    disabled={sending()}
                  />
                  <TextField
                    label={t('cases.new.email')}
                    type="email"
                    value={card().email}
                    onChange={edit('email')}
                    disabled={sending()}
                  />
                  <TextField
                    label={t('cases.new.emergency')}
                    value={card().emergencyContact}
                    onChange={edit('emergencyContact')}
                    disabled={sending()}
                  />
                </div>
              </fieldset>
              <fieldset class="fieldset">
                <legend class="fieldset__legend">{t('cases.new.details')}</legend>
                <div class="field-grid">
                  <SelectField
                    label={t('cases.new.clientChannel')}
                    value={clientChannel()}
                    options={CLIENT_CHANNELS}
                    optionLabel={(value) => t(`cases.clientChannel.${value}` as MessageKey)}
                    onChange={setClientChannel}
                    disabled={sending()}
                  />
                  <SelectField
                    label={t('cases.new.serviceType')}
                    value={serviceType()}
                    options={SERVICE_TYPES}
                    optionLabel={(value) => t(`cases.service.${value}`)}
                    onChange={setServiceType}
                    disabled={sending()}
                  />
                  <SelectField
                    label={t('cases.new.caseChannel')}
                    value={caseChannel()}
                    options={CASE_CHANNELS}
                    optionLabel={(value) => t(`cases.channel.${value}`)}
                    onChange={setCaseChannel}
                    disabled={sending()}
                  />
                </div>
              </fieldset>
              <div class="button-row button-row--end">
                <Dialog.CloseButton class="button" disabled={sending()}>
                  {t('common.cancel')}
                </Dialog.CloseButton>
                <button type="submit" class="button button--primary" disabled={sending()}>
                  {sending() ? t('cases.new.submitting') : t('cases.new.submit')}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
