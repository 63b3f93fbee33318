import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { PassphraseForm } from './PassphraseForm';
import './account.css';

/** "Change passphrase", reached from the user menu: the current passphrase proves it is still you. */
export function ChangePassphrasePage() {
  const { t } = useI18n();
  const [changed, setChanged] = createSignal(false);

  return (
    <>
      <div class="page-header">
        <h1>{t('account.passphrase.heading')}</h1>
      </div>
      <section class="card passphrase-card" aria-labelledby="passphrase-change-heading">
        <h2 class="card__title" id="passphrase-change-heading">
          {t('account.passphrase.cardTitle')}
        </h2>
        <p class="muted">{t('account.passphrase.intro')}</p>
        <Show when={changed()}>
          <Alert tone="success">{t('account.passphrase.changed')}</Alert>
        </Show>
        <PassphraseForm requireCurrent onChanged={() => setChanged(true)} />
      </section>
    </>
  );
}
