import { createSignal, Show } from 'solid-js';
import { downloadBackup, saveFile } from '../../lib/compliance';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { OperationProgress } from '../../ui/OperationProgress';

/** The encrypted full export an admin takes to move the center (docs/backup.md). */
export function BackupSection() {
  const { t } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const download = async () => {
    setBusy(true);
    setDone(false);
    setFailure(null);
    try {
      saveFile(await downloadBackup());
      setDone(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="backup-heading">
      <h2 class="card__title" id="backup-heading">
        {t('rights.backup.heading')}
      </h2>
      <p class="muted">{t('rights.backup.intro')}</p>
      <div class="button-row">
        <button type="button" class="button" disabled={busy()} onClick={() => void download()}>
          {t('rights.backup.button')}
        </button>
      </div>
      <Show when={busy()}>
        <OperationProgress label={t('rights.backup.running')} />
      </Show>
      <Show when={done()}>
        <Alert tone="success">{t('rights.backup.done')}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
    </section>
  );
}
