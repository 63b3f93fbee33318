import { createResource, createSignal, Show } from 'solid-js';
import { type Counselor, listCounselors, shareClientWith } from '../../lib/clients';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField } from '../../ui/SelectField';
import { createSubmission } from '../../ui/submission';

/** Hands a client's contact card to the counselor who will see them (their key, write access). */
export function ShareClientDialog(props: {
  client: { id: string; name: string } | null;
  onOpenChange: (open: boolean) => void;
  onShared: (counselor: Counselor) => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [counselors] = createResource(listCounselors);
  const [chosen, setChosen] = createSignal('');
  const { attempted, sending, failure, submit: send, reset: resetSubmission } = createSubmission();

  const reset = () => {
    setChosen('');
    resetSubmission();
  };
  // An errored resource throws when read: the failure is shown instead (below).
  const available = (): readonly Counselor[] => (counselors.state === 'ready' ? counselors() : []);
  const counselor = () => available().find((person) => person.id === chosen());

  const submit = () => {
    const client = props.client;
    const to = counselor();
    return send(client !== null && to !== undefined, async () => {
      if (!client || !to) return;
      await vault.withKeys((keys) => shareClientWith(keys, client.id, to.id));
      reset();
      props.onShared(to);
    });
  };

  return (
    <FormDialog
      open={props.client !== null}
      onOpenChange={props.onOpenChange}
      onReset={reset}
      onSubmit={() => void submit()}
      title={t('clients.share.title', { name: props.client?.name ?? '' })}
      intro={t('clients.share.intro')}
      submitLabel={t('clients.share.submit')}
      submittingLabel={t('clients.share.submitting')}
      sending={sending()}
      failure={failure() ?? counselors.error}
    >
      <Show when={counselors.state === 'ready' && available().length === 0}>
        <Alert tone="info">{t('clients.share.noCounselors')}</Alert>
      </Show>
      <SelectField
        label={t('clients.share.counselor')}
        value={chosen()}
        options={available().map((person) => person.id)}
        optionLabel={(id) => available().find((person) => person.id === id)?.displayName ?? id}
        onChange={setChosen}
        placeholder={t('clients.share.choose')}
        error={attempted() && !chosen() ? t('validation.required') : null}
        disabled={sending() || counselors.loading}
      />
    </FormDialog>
  );
}
