import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { CaseSummary } from '../../../../core/api/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { startCaseProcess } from '../../lib/workflows';
import { Alert } from '../../ui/Alert';

type CaseProcess = 'supervision' | 'case_closing';

/**
 * The case's counselor starts a process on it by hand (issue 6): a supervision now, besides the
 * one every N sessions starts, and the case closing (结案), whose first step is the closing
 * summary written as the step's form. Both continue in the task inbox.
 */
export function CaseProcessesPanel(props: { summary: CaseSummary }) {
  const { t } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [started, setStarted] = createSignal<CaseProcess | null>(null);
  const closable = () => !['closed', 'archived'].includes(props.summary.status);

  const start = async (key: CaseProcess) => {
    if (busy()) return;
    setBusy(true);
    setFailure(null);
    setStarted(null);
    try {
      await startCaseProcess(key, props.summary.id);
      setStarted(key);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="case-processes-heading">
      <h2 class="card__title" id="case-processes-heading">
        {t('case.processes.heading')}
      </h2>
      <p class="muted">{t('case.processes.intro')}</p>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={started()}>
        {(key) => (
          <Alert tone="success">
            {t('case.processes.started', { name: t(`workflows.shipped.${key()}`) })}{' '}
            <A href="/tasks">{t('case.processes.toInbox')}</A>
          </Alert>
        )}
      </Show>
      <div class="button-row">
        <button type="button" class="button" disabled={busy()} onClick={() => void start('supervision')}>
          {t('case.processes.supervision')}
        </button>
        <Show when={closable()}>
          <button type="button" class="button" disabled={busy()} onClick={() => void start('case_closing')}>
            {t('case.processes.closing')}
          </button>
        </Show>
      </div>
    </section>
  );
}
