import { createResource, createSignal, createUniqueId, For, Index, Show } from 'solid-js';
import type { Person } from '../../lib/cases';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import {
  checkRecoveryShare,
  loadRecoveryCeremony,
  type RecoveryCeremonySetup,
  reassignDepartedCounselorCases,
} from '../../lib/recovery';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import './recovery.css';

/** 16 groups of 4, as the setup sheet prints them */
const SHARE_CHARACTERS = 64;

function CounselorSelect(props: {
  label: string;
  value: string;
  counselors: readonly Person[];
  onChange: (id: string) => void;
  error: string | null;
  disabled: boolean;
}) {
  const { t } = useI18n();
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
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <option value="">{t('recovery.choose')}</option>
        <For each={props.counselors}>
          {(person) => <option value={person.id}>{person.displayName}</option>}
        </For>
      </select>
      <Show when={props.error}>
        <p class="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

function CeremonyForm(props: { setup: RecoveryCeremonySetup }) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [departed, setDeparted] = createSignal('');
  const [successor, setSuccessor] = createSignal('');
  const [shares, setShares] = createSignal<string[]>(Array.from({ length: props.setup.threshold }, () => ''));
  const [attempted, setAttempted] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [done, setDone] = createSignal<string | null>(null);

  const nameOf = (id: string) => props.setup.counselors.find((person) => person.id === id)?.displayName ?? id;
  // A share being typed is judged once all 64 characters are in, or when the form is sent.
  const shareError = (text: string) => {
    if (!text.trim()) return attempted() ? t('validation.required') : null;
    const complete = text.replace(/[\s-]/g, '').length >= SHARE_CHARACTERS;
    return (complete || attempted()) && checkRecoveryShare(text) ? t('recovery.shareInvalid') : null;
  };
  const departedError = () => (attempted() && !departed() ? t('validation.required') : null);
  const successorError = () => {
    if (attempted() && !successor()) return t('validation.required');
    return successor() && successor() === departed() ? t('recovery.sameCounselor') : null;
  };
  const ready = () =>
    departed() !== '' &&
    successor() !== '' &&
    successor() !== departed() &&
    shares().every((text) => text.trim() !== '' && checkRecoveryShare(text) === null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (sending() || !ready()) return;
    setSending(true);
    setFailure(null);
    setDone(null);
    const ceremony = { shares: shares(), departedCounselorId: departed(), newCounselorId: successor() };
    try {
      const { reassigned } = await vault.withKeys((keys) => reassignDepartedCounselorCases(keys, ceremony));
      setDone(t('recovery.done', { count: reassigned, name: nameOf(ceremony.newCounselorId) }));
      // The shares are not kept on screen once they have done their work.
      setShares(shares().map(() => ''));
      setAttempted(false);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="card" onSubmit={(event) => void submit(event)} novalidate aria-busy={sending()}>
      <Show when={done()}>
        <Alert tone="success">{done()}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show
        when={props.setup.counselors.length > 0}
        fallback={<p class="empty">{t('recovery.noCounselors')}</p>}
      >
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('recovery.people')}</legend>
          <div class="field-grid">
            <CounselorSelect
              label={t('recovery.departed')}
              value={departed()}
              counselors={props.setup.counselors}
              onChange={setDeparted}
              error={departedError()}
              disabled={sending()}
            />
            <CounselorSelect
              label={t('recovery.newCounselor')}
              value={successor()}
              counselors={props.setup.counselors}
              onChange={setSuccessor}
              error={successorError()}
              disabled={sending()}
            />
          </div>
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('recovery.shares')}</legend>
          <p class="muted">{t('recovery.sharesHint')}</p>
          <Index each={shares()}>
            {(text, index) => (
              <TextField
                class="recovery-share"
                label={t('recovery.share', { n: index + 1 })}
                value={text()}
                onChange={(value) =>
                  setShares((current) => current.map((old, i) => (i === index ? value : old)))
                }
                error={shareError(text())}
                disabled={sending()}
                required
              />
            )}
          </Index>
        </fieldset>
        <SubmitButton
          busy={sending()}
          label={t('recovery.submit')}
          busyLabel={t('recovery.working')}
          block={false}
        />
      </Show>
    </form>
  );
}

/** A director's page: M directors bring their shares to hand a departed counselor's cases over. */
export function RecoveryCeremonyPage() {
  const { t } = useI18n();
  const [setup, { refetch }] = createResource(loadRecoveryCeremony);
  return (
    <div class="recovery-page">
      <div class="page-header">
        <h1>{t('recovery.heading')}</h1>
      </div>
      <AsyncContent resource={setup} onRetry={() => void refetch()}>
        {(value) => (
          <>
            <p>{t('recovery.intro', { threshold: value.threshold })}</p>
            <CeremonyForm setup={value} />
          </>
        )}
      </AsyncContent>
    </div>
  );
}
