import { createSignal, For, Show } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import type { OpenedSubmission } from '../../lib/portal';
import { Alert } from '../../ui/Alert';
import { FormView } from '../forms/FormView';
import { localized } from '../forms/localized';
import { scoreOfValues } from './measures';

/** A client's answers, opened in this browser: score, risk flags, the answers, and filing. */
export function SubmissionCard(props: {
  opened: OpenedSubmission;
  canFile: boolean;
  onFile: () => Promise<void>;
  onDiscard: () => Promise<void>;
}) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [filing, setFiling] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const score = () => (props.opened.form ? scoreOfValues(props.opened.form, props.opened.values) : null);
  const band = () => {
    const label = score()?.band;
    return label ? localized(i18n, label) : '';
  };
  const act = async (action: () => Promise<void>) => {
    setFiling(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
      setFiling(false);
    }
  };

  return (
    <li class="record-card submission-card">
      <div class="record-card__header">
        <h3 class="record-card__title">
          {props.opened.form ? localized(i18n, props.opened.form.title) : props.opened.submission.form}
        </h3>
        <span class="badge badge--warning">{t('portal.submission.pending')}</span>
      </div>
      <p class="muted record-card__meta">
        {t('portal.submission.meta', { date: formatDateTime(props.opened.submission.submittedAt) })}
      </p>
      <Show when={props.opened.check !== 'ok'}>
        <Alert tone="error">{t(`portal.check.${props.opened.check}`)}</Alert>
      </Show>
      <For each={props.opened.risks}>
        {(risk) => (
          <Alert tone="warning">
            <strong>{t('portal.submission.risk')}</strong> {localized(i18n, risk)}
          </Alert>
        )}
      </For>
      <Show when={score()}>
        {(result) => (
          <p class="submission-card__score">
            {t('portal.submission.score', { value: result().value, band: band() })}
          </p>
        )}
      </Show>
      <Show when={props.opened.check !== 'unreadable' && props.opened.form}>
        {(form) => <FormView form={form()} values={props.opened.values} />}
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={props.canFile}>
        <div class="button-row record-card__actions">
          <Show when={props.opened.check === 'ok'}>
            <button
              type="button"
              class="button button--primary"
              disabled={filing()}
              onClick={() => void act(props.onFile)}
            >
              {filing() ? t('portal.submission.filing') : t('portal.submission.file')}
            </button>
          </Show>
          <Show
            when={confirming()}
            fallback={
              <button
                type="button"
                class="button button--quiet"
                disabled={filing()}
                onClick={() => setConfirming(true)}
              >
                {t('portal.submission.discard')}
              </button>
            }
          >
            <span class="muted">{t('portal.submission.discardConfirm')}</span>
            <button
              type="button"
              class="button button--danger"
              disabled={filing()}
              onClick={() => void act(props.onDiscard)}
            >
              {t('portal.submission.discardYes')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </Show>
        </div>
      </Show>
    </li>
  );
}
