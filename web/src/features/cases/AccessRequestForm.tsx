import { RadioGroup } from '@kobalte/core/radio-group';
import { TextField } from '@kobalte/core/text-field';
import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import {
  ACCESS_REASONS,
  type AccessRequestView,
  PERMISSIONS,
  type Permission,
} from '../../../../core/api/index';
import {
  type AccessReason,
  cancelAccessRequest,
  findCaseToRequest,
  listMyAccessRequests,
  requestCaseAccess,
} from '../../lib/cases';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { RetryAlert } from '../../ui/RetryAlert';
import { DAY_MS } from './labels';
// The radio styles are the form renderer's; the step page that reuses this form loads no other.
import '../forms/forms.css';

const DURATIONS = ['1', '7', '30'] as const;

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T) => void;
  disabled: boolean;
}) {
  return (
    <RadioGroup
      class="field radio-group"
      value={props.value}
      onChange={(value) => props.onChange(value as T)}
      disabled={props.disabled}
    >
      <RadioGroup.Label class="field__label">{props.label}</RadioGroup.Label>
      <div class="radio-group__items">
        <For each={props.options}>
          {(option) => (
            <RadioGroup.Item value={option} class="radio">
              <RadioGroup.ItemInput class="visually-hidden" />
              <RadioGroup.ItemControl class="radio__control">
                <RadioGroup.ItemIndicator class="radio__indicator" />
              </RadioGroup.ItemControl>
              <RadioGroup.ItemLabel class="radio__label">{props.optionLabel(option)}</RadioGroup.ItemLabel>
            </RadioGroup.Item>
          )}
        </For>
      </div>
    </RadioGroup>
  );
}

/**
 * Asking a case's primary counselor for temporary access. The reason is an operational category;
 * the note is sealed to the primary counselor, whom the case look-up names with their certified
 * keys. A process's step (`onAsked`) goes on with the request once it is filed, or with the one
 * already open.
 */
export function AccessRequestForm(props: {
  caseId: string;
  onAsked?: (request: AccessRequestView) => Promise<void>;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [requests, { refetch }] = createResource(listMyAccessRequests);
  const [counselor] = createResource(
    () => props.caseId,
    // Without it the request still goes, only without a note: the hint below says so.
    async (caseId) => {
      const found = await findCaseToRequest(caseId).catch(() => []);
      return found.find((entry) => entry.id === caseId)?.primaryCounselor ?? null;
    },
  );
  const [reason, setReason] = createSignal<AccessReason>('supervision');
  const [perm, setPerm] = createSignal<Permission>('read');
  const [days, setDays] = createSignal<(typeof DURATIONS)[number]>('7');
  const [note, setNote] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const reasonId = createUniqueId();
  const [failure, setFailure] = createSignal<unknown>(null);
  const [cancelled, setCancelled] = createSignal(false);

  // reading a failed resource throws: the form stays usable and the failure is shown with a retry
  const open = () =>
    (requests.state === 'errored' ? [] : (requests() ?? [])).find(
      (request) =>
        request.caseId === props.caseId && (request.status === 'pending' || request.status === 'approved'),
    );

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (sending()) return;
    setSending(true);
    setFailure(null);
    try {
      const filed = await vault.withKeys((keys) =>
        requestCaseAccess(keys, {
          caseId: props.caseId,
          reason: reason(),
          perm: perm(),
          durationMs: Number(days()) * DAY_MS,
          ...(counselor() && note().trim() ? { note: note() } : {}),
        }),
      );
      setNote('');
      setCancelled(false);
      await props.onAsked?.(filed);
      await refetch();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  const goOn = async (request: AccessRequestView) => {
    if (sending() || !props.onAsked) return;
    setSending(true);
    setFailure(null);
    try {
      await props.onAsked(request);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  const cancel = async (requestId: string) => {
    if (sending()) return;
    setSending(true);
    setFailure(null);
    try {
      await cancelAccessRequest(requestId);
      setCancelled(true);
      await refetch();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Show
      when={open()}
      fallback={
        <form onSubmit={(event) => void submit(event)} novalidate aria-busy={sending()}>
          <Show when={requests.state === 'errored'}>
            <RetryAlert error={requests.error} onRetry={() => void refetch()} />
          </Show>
          <Show when={failure()}>
            <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
          </Show>
          <div class="field">
            <label class="field__label" for={reasonId}>
              {t('access.reason')}
            </label>
            <select
              id={reasonId}
              class="field__select"
              value={reason()}
              disabled={sending()}
              onChange={(event) => setReason(event.currentTarget.value as AccessReason)}
            >
              <For each={ACCESS_REASONS}>
                {(value) => <option value={value}>{t(`access.reason.${value}`)}</option>}
              </For>
            </select>
          </div>
          <Choice
            label={t('access.perm')}
            value={perm()}
            options={PERMISSIONS}
            optionLabel={(value) => t(`cases.perm.${value}`)}
            onChange={setPerm}
            disabled={sending()}
          />
          <Choice
            label={t('access.duration')}
            value={days()}
            options={DURATIONS}
            optionLabel={(value) => t(`access.duration.${value}`)}
            onChange={setDays}
            disabled={sending()}
          />
          <Show when={cancelled()}>
            <Alert tone="success">{t('access.cancelled')}</Alert>
          </Show>
          <Show
            when={counselor()}
            fallback={counselor.loading ? null : <p class="field__hint">{t('access.noteUnavailable')}</p>}
          >
            {(person) => <p class="field__hint">{t('access.counselor', { name: person().displayName })}</p>}
          </Show>
          <Show when={counselor()}>
            <TextField class="field" value={note()} onChange={setNote} disabled={sending()}>
              <TextField.Label class="field__label">{t('access.note')}</TextField.Label>
              <TextField.TextArea class="field__input field__textarea" rows={3} />
            </TextField>
          </Show>
          <div class="button-row">
            <button type="submit" class="button button--primary" disabled={sending()}>
              {sending() ? t('access.submitting') : t('access.submit')}
            </button>
          </div>
        </form>
      }
    >
      {(request) => (
        <>
          <Show when={failure()}>
            <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
          </Show>
          <Alert tone="info">
            {request().status === 'pending' ? t('access.status.pending') : t('access.status.approved')}
          </Alert>
          <div class="button-row">
            <Show when={props.onAsked}>
              <button
                type="button"
                class="button button--primary"
                disabled={sending()}
                onClick={() => void goOn(request())}
              >
                {t('steps.ask.goOn')}
              </button>
            </Show>
            <button
              type="button"
              class="button"
              disabled={sending()}
              onClick={() => void cancel(request().id)}
            >
              {t('access.cancel')}
            </button>
          </div>
        </>
      )}
    </Show>
  );
}
