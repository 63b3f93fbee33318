import { createResource, createSignal, Index, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import {
  checkRecoveryShare,
  loadRecoveryCeremony,
  type RecoveryCeremony,
  type RecoveryCeremonySetup,
  reassignDepartedCounselorCases,
} from '../../lib/recovery';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { OperationProgress } from '../../ui/OperationProgress';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import './recovery.css';

/** 16 groups of 4, as the setup sheet prints them */
const SHARE_CHARACTERS = 64;

function CeremonyForm(props: { setup: RecoveryCeremonySetup }) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [departed, setDeparted] = createSignal('');
  const [successor, setSuccessor] = createSignal('');
  const [shares, setShares] = createSignal<string[]>(Array.from({ length: props.setup.threshold }, () => ''));
  const [attempted, setAttempted] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  const [asking, setAsking] = createSignal<RecoveryCeremony | null>(null);
  const [progress, setProgress] = createSignal<{ done: number; total: number } | null>(null);

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

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (sending() || !ready()) return;
    setDone(null);
    setAsking({ shares: shares(), departedCounselorId: departed(), newCounselorId: successor() });
  };

  const reassign = async (ceremony: RecoveryCeremony) => {
    setSending(true);
    setProgress(null);
    try {
      const { reassigned } = await vault.withKeys((keys) =>
        reassignDepartedCounselorCases(keys, ceremony, (doneCount, total) =>
          setProgress({ done: doneCount, total }),
        ),
      );
      setAsking(null);
      setDone(t('recovery.done', { count: reassigned, name: nameOf(ceremony.newCounselorId) }));
      // The shares are not kept on screen once they have done their work.
      setShares(shares().map(() => ''));
      setAttempted(false);
    } finally {
      setSending(false);
      setProgress(null);
    }
  };
  const progressLabel = () => {
    const now = progress();
    return now ? t('recovery.progress', { done: now.done, total: now.total }) : t('recovery.progressOpening');
  };

  return (
    <form class="card" onSubmit={submit} novalidate aria-busy={sending()}>
      <Show when={done()}>
        <Alert tone="success">{done()}</Alert>
      </Show>
      <ConfirmDialog
        subject={asking()}
        title={(ceremony) =>
          t('recovery.confirmTitle', {
            departed: nameOf(ceremony.departedCounselorId),
            successor: nameOf(ceremony.newCounselorId),
          })
        }
        body={(ceremony) =>
          t('recovery.confirmBody', {
            departed: nameOf(ceremony.departedCounselorId),
            successor: nameOf(ceremony.newCounselorId),
          })
        }
        confirmLabel={t('recovery.confirm')}
        workingLabel={t('recovery.working')}
        action={reassign}
        onClose={() => setAsking(null)}
      >
        {() => (
          <Show when={sending()}>
            <Show when={progress()} fallback={<OperationProgress label={progressLabel()} />}>
              {(now) => <OperationProgress label={progressLabel()} done={now().done} total={now().total} />}
            </Show>
          </Show>
        )}
      </ConfirmDialog>
      <Show
        when={props.setup.counselors.length > 0}
        fallback={<p class="empty">{t('recovery.noCounselors')}</p>}
      >
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('recovery.people')}</legend>
          <div class="field-grid">
            <SelectField
              label={t('recovery.departed')}
              value={departed()}
              options={props.setup.counselors.map((person) => person.id)}
              optionLabel={nameOf}
              placeholder={t('recovery.choose')}
              onChange={setDeparted}
              error={departedError()}
              disabled={sending()}
              required
            />
            <SelectField
              label={t('recovery.newCounselor')}
              value={successor()}
              options={props.setup.counselors.map((person) => person.id)}
              optionLabel={nameOf}
              placeholder={t('recovery.choose')}
              onChange={setSuccessor}
              error={successorError()}
              disabled={sending()}
              required
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
