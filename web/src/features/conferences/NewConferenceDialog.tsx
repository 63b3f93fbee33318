import { TextField as Kobalte } from '@kobalte/core/text-field';
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { fetchConferencePeople, startConference } from '../../lib/conferences';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Checkbox } from '../../ui/Checkbox';
import { FormDialog } from '../../ui/FormDialog';
import { RetryAlert } from '../../ui/RetryAlert';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { caseNumber } from '../cases/labels';

const DAY_MS = 86_400_000;
const DURATIONS = ['7', '30', '90', '0'] as const;
type Duration = (typeof DURATIONS)[number];

/**
 * Opens a conference (会诊) on a case I hold: my browser makes its key and wraps it to the chosen
 * clinicians with the conference's end bound in; the title and the de-identified summary travel
 * sealed under that key as the first message.
 */
export function NewConferenceDialog(props: {
  caseId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const { session } = useSession();
  const navigate = useNavigate();
  const [people, { refetch: refetchPeople }] = createResource(
    () => (props.open ? true : undefined),
    fetchConferencePeople,
  );
  const [title, setTitle] = createSignal('');
  const [summary, setSummary] = createSignal('');
  const [chosen, setChosen] = createSignal<readonly string[]>([]);
  const [duration, setDuration] = createSignal<Duration>('30');
  const [problem, setProblem] = createSignal<'title' | 'participants' | null>(null);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const colleagues = () =>
    // reading a failed resource throws: the list is empty and the failure is shown with a retry
    [...((people.state === 'errored' ? undefined : people())?.values() ?? [])].filter(
      (person) => person.clinician && person.id !== session()?.user.id,
    );

  const reset = () => {
    setTitle('');
    setSummary('');
    setChosen([]);
    setDuration('30');
    setProblem(null);
    setFailure(null);
  };
  const toggle = (id: string, on: boolean) => {
    setChosen((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
    if (problem() === 'participants') setProblem(null);
  };
  const retitle = (value: string) => {
    setTitle(value);
    if (problem() === 'title') setProblem(null);
  };

  const submit = async () => {
    if (!title().trim()) return setProblem('title');
    if (chosen().length === 0) return setProblem('participants');
    setProblem(null);
    setSending(true);
    setFailure(null);
    try {
      const days = Number(duration());
      const id = await vault.withKeys((keys) =>
        startConference(keys, {
          caseId: props.caseId,
          participantIds: chosen(),
          expiresAt: days === 0 ? 0 : Date.now() + days * DAY_MS,
          title: title(),
          summary: summary(),
        }),
      );
      reset();
      props.onOpenChange(false);
      navigate(`/conferences/${id}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <FormDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      onReset={reset}
      onSubmit={() => void submit()}
      title={t('conferences.new.title')}
      intro={t('conferences.new.intro', { case: caseNumber(props.caseId) })}
      submitLabel={t('conferences.new.submit')}
      submittingLabel={t('conferences.new.submitting')}
      sending={sending()}
      failure={failure()}
      wide
    >
      <TextField
        label={t('conferences.new.topic')}
        value={title()}
        onChange={retitle}
        required
        error={problem() === 'title' ? t('conferences.new.topicRequired') : null}
      />
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('conferences.new.participants')}</legend>
        <Show when={people.state === 'errored'}>
          <RetryAlert error={people.error} onRetry={() => void refetchPeople()} />
        </Show>
        <Show when={!people.loading} fallback={<p class="muted">{t('common.loading')}</p>}>
          <Show
            when={colleagues().length > 0 || people.state === 'errored'}
            fallback={<p class="empty">{t('conferences.new.noColleagues')}</p>}
          >
            <div class="checkbox-list">
              <For each={colleagues()}>
                {(person) => (
                  <Checkbox
                    label={person.displayName}
                    checked={chosen().includes(person.id)}
                    onChange={(on) => toggle(person.id, on)}
                  />
                )}
              </For>
            </div>
          </Show>
        </Show>
        <Show when={problem() === 'participants'}>
          <p class="field__error">{t('conferences.new.participantsRequired')}</p>
        </Show>
      </fieldset>
      <SelectField
        label={t('conferences.new.duration')}
        value={duration()}
        options={DURATIONS}
        optionLabel={(days) =>
          days === '0' ? t('conferences.new.noEnd') : t('conferences.new.days', { days })
        }
        onChange={setDuration}
        disabled={sending()}
      />
      <Kobalte class="field" value={summary()} onChange={setSummary}>
        <Kobalte.Label class="field__label">{t('conferences.new.summary')}</Kobalte.Label>
        <Kobalte.TextArea class="field__input field__textarea" rows={4} />
        <Kobalte.Description class="field__hint">{t('conferences.new.summaryHint')}</Kobalte.Description>
      </Kobalte>
    </FormDialog>
  );
}
