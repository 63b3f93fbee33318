import { For, Show } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { OperationProgress } from '../../ui/OperationProgress';
import { SubmitButton } from '../../ui/SubmitButton';
import { StepHeading } from './StepHeading';

export const MIN_RECOVERY_SHARES = 2;
export const MAX_RECOVERY_SHARES = 7;

export interface RecoveryChoice {
  threshold: number;
  total: number;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function RecoveryStep(props: {
  choice: RecoveryChoice;
  onChange: (choice: RecoveryChoice) => void;
  onBack: () => void;
  onCreate: () => void;
  creating: boolean;
  error: unknown;
}) {
  const { t } = useI18n();

  const setTotal = (total: number) =>
    props.onChange({ total, threshold: Math.min(props.choice.threshold, total) });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!props.creating) props.onCreate();
  };

  return (
    <form class="wizard-step" onSubmit={submit} aria-busy={props.creating}>
      <StepHeading>{t('setup.recovery.heading')}</StepHeading>
      <p class="lead">{t('setup.recovery.intro')}</p>
      <div class="field-grid">
        <div class="field">
          <label class="field__label" for="recovery-total">
            {t('setup.recovery.total')}
          </label>
          <select
            id="recovery-total"
            class="field__select"
            value={props.choice.total}
            disabled={props.creating}
            onChange={(event) => setTotal(Number(event.currentTarget.value))}
          >
            <For each={range(MIN_RECOVERY_SHARES, MAX_RECOVERY_SHARES)}>
              {(n) => <option value={n}>{n}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="recovery-threshold">
            {t('setup.recovery.threshold')}
          </label>
          <select
            id="recovery-threshold"
            class="field__select"
            value={props.choice.threshold}
            disabled={props.creating}
            onChange={(event) =>
              props.onChange({ ...props.choice, threshold: Number(event.currentTarget.value) })
            }
          >
            <For each={range(MIN_RECOVERY_SHARES, props.choice.total)}>
              {(n) => <option value={n}>{n}</option>}
            </For>
          </select>
        </div>
      </div>
      <p class="recovery-summary" aria-live="polite">
        {t('setup.recovery.summary', { threshold: props.choice.threshold, total: props.choice.total })}
      </p>
      <Show when={props.creating}>
        <OperationProgress label={t('setup.creatingProgress')} />
      </Show>
      <Show when={props.error}>
        <Alert tone="error">{t(errorMessageKey(props.error))}</Alert>
      </Show>
      <div class="button-row button-row--end">
        <button type="button" class="button" disabled={props.creating} onClick={() => props.onBack()}>
          {t('common.back')}
        </button>
        <SubmitButton
          busy={props.creating}
          label={t('setup.create')}
          busyLabel={t('setup.creating')}
          block={false}
        />
      </div>
    </form>
  );
}
