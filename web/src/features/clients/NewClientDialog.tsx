import { createSignal } from 'solid-js';
import { CLIENT_CHANNELS } from '../../../../core/api/index';
import { type ClientChannel, type ContactFields, createClient } from '../../lib/clients';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField } from '../../ui/SelectField';
import { createSubmission } from '../../ui/submission';
import { ContactCardFields, EMPTY_CONTACT } from './ContactCardFields';

/** The front desk registers a client: a contact card only, no case (a counselor opens one later). */
export function NewClientDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [card, setCard] = createSignal<ContactFields>(EMPTY_CONTACT);
  const [channel, setChannel] = createSignal<ClientChannel>('phone');
  const { attempted, sending, failure, submit: send, reset: resetSubmission } = createSubmission();

  const reset = () => {
    setCard(EMPTY_CONTACT);
    resetSubmission();
  };

  const submit = () =>
    send(card().name.trim() !== '', async () => {
      await vault.withKeys((keys) => createClient(keys, { card: card(), channel: channel() }));
      reset();
      props.onCreated();
    });

  return (
    <FormDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      onReset={reset}
      onSubmit={() => void submit()}
      title={t('clients.new.title')}
      intro={t('clients.new.intro')}
      submitLabel={t('clients.new.submit')}
      submittingLabel={t('clients.new.submitting')}
      sending={sending()}
      failure={failure()}
      wide
    >
      <ContactCardFields value={card()} onChange={setCard} attempted={attempted()} disabled={sending()} />
      <SelectField
        label={t('cases.new.clientChannel')}
        value={channel()}
        options={CLIENT_CHANNELS}
        optionLabel={(value) => t(`cases.clientChannel.${value}` as MessageKey)}
        onChange={setChannel}
        disabled={sending()}
      />
    </FormDialog>
  );
}
