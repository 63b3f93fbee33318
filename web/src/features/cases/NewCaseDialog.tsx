import { createResource, createSignal, Show } from 'solid-js';
import { CASE_CHANNELS, CLIENT_CHANNELS, SERVICE_TYPES } from '../../../../core/api/index';
import { createClientAndCase, type NewClientAndCase } from '../../lib/cases';
import { type ContactFields, listClients, openCaseForClient } from '../../lib/clients';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField } from '../../ui/SelectField';
import { createSubmission } from '../../ui/submission';
import { ContactCardFields, EMPTY_CONTACT } from '../clients/ContactCardFields';

const NEW_CLIENT = 'new';

/** A case for a new client (their contact card made here) or for one the front desk handed over. */
export function NewCaseDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (caseId: string) => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [registered] = createResource(
    () => props.open || undefined,
    () => vault.withKeys(listClients),
  );
  const [client, setClient] = createSignal<string>(NEW_CLIENT);
  const [card, setCard] = createSignal<ContactFields>(EMPTY_CONTACT);
  const [clientChannel, setClientChannel] = createSignal<NewClientAndCase['clientChannel']>('phone');
  const [serviceType, setServiceType] = createSignal<NewClientAndCase['serviceType']>('individual');
  const [caseChannel, setCaseChannel] = createSignal<NewClientAndCase['caseChannel']>('in_person');
  const { attempted, sending, failure, submit: send, reset: resetSubmission } = createSubmission();

  const isNew = () => client() === NEW_CLIENT;
  // Registered clients are a convenience: if they cannot be listed, a new client still can be made.
  const registeredClients = () =>
    registered.state === 'ready' ? registered().clients.filter((entry) => entry.card !== null) : [];
  const nameOf = (id: string) => {
    const name = registeredClients().find((entry) => entry.id === id)?.card?.name;
    return typeof name === 'string' ? name : id;
  };

  const reset = () => {
    setClient(NEW_CLIENT);
    setCard(EMPTY_CONTACT);
    resetSubmission();
  };

  const submit = () =>
    send(!isNew() || card().name.trim() !== '', async () => {
      const caseId = await vault.withKeys((keys) =>
        isNew()
          ? createClientAndCase(keys, {
              card: card(),
              clientChannel: clientChannel(),
              serviceType: serviceType(),
              caseChannel: caseChannel(),
            })
          : openCaseForClient(keys, {
              clientId: client(),
              serviceType: serviceType(),
              channel: caseChannel(),
            }),
      );
      reset();
      props.onCreated(caseId);
    });

  return (
    <FormDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      onReset={reset}
      onSubmit={() => void submit()}
      title={t('cases.new.title')}
      intro={t('cases.new.intro')}
      submitLabel={t('cases.new.submit')}
      submittingLabel={t('cases.new.submitting')}
      sending={sending()}
      failure={failure()}
      wide
    >
      <Show when={registeredClients().length > 0}>
        <SelectField
          label={t('clients.forCase.source')}
          value={client()}
          options={[NEW_CLIENT, ...registeredClients().map((entry) => entry.id)]}
          optionLabel={(id) => (id === NEW_CLIENT ? t('clients.forCase.newClient') : nameOf(id))}
          onChange={setClient}
          disabled={sending()}
        />
      </Show>
      <Show when={isNew()}>
        <ContactCardFields value={card()} onChange={setCard} attempted={attempted()} disabled={sending()} />
      </Show>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('cases.new.details')}</legend>
        <div class="field-grid">
          <Show when={isNew()}>
            <SelectField
              label={t('cases.new.clientChannel')}
              value={clientChannel()}
              options={CLIENT_CHANNELS}
              optionLabel={(value) => t(`cases.clientChannel.${value}` as MessageKey)}
              onChange={setClientChannel}
              disabled={sending()}
            />
          </Show>
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
    </FormDialog>
  );
}
