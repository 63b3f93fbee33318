import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { PublicFrame } from '../../app/PublicFrame';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { Checkbox } from '../../ui/Checkbox';
import { PassphraseForm } from './PassphraseForm';
import '../auth/auth.css';

/**
 * Right after a recovery-code login, before anything else: a new passphrase (the code just used is
 * the proof), then the new recovery code, shown once, since the old one is spent.
 */
export function SetNewPassphrasePage() {
  const { t } = useI18n();
  const { finishRecovery, logOut } = useSession();
  const navigate = useNavigate();
  const [recoveryCode, setRecoveryCode] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);

  const enter = () => {
    setRecoveryCode(null);
    finishRecovery();
    navigate('/', { replace: true });
  };

  // The keys and the session go at once, inside logOut(); leave before its request returns, or a
  // late navigation would undo a link the person clicks on the login page meanwhile.
  const logOutAndLeave = async () => {
    const loggedOut = logOut();
    navigate('/login', { replace: true });
    await loggedOut;
  };

  return (
    <PublicFrame>
      <div class="card auth-card">
        <Show
          when={recoveryCode()}
          fallback={
            <>
              <h1>{t('account.reset.heading')}</h1>
              <p class="lead">{t('account.reset.intro')}</p>
              <PassphraseForm
                requireCurrent={false}
                onChanged={(changed) => setRecoveryCode(changed.recoveryCode)}
              />
              <button
                type="button"
                class="button button--quiet button--block"
                onClick={() => void logOutAndLeave()}
              >
                {t('shell.logout')}
              </button>
            </>
          }
        >
          {(code) => (
            <section aria-labelledby="new-recovery-code-heading">
              <h1 id="new-recovery-code-heading">{t('account.reset.done.heading')}</h1>
              <p class="lead">{t('account.reset.done.intro')}</p>
              <h2 class="card__title">{t('account.reset.done.recoveryCode')}</h2>
              <code class="secret-code">{code()}</code>
              <p class="muted">{t('account.reset.done.recoveryNote')}</p>
              <Checkbox label={t('account.reset.done.confirm')} checked={saved()} onChange={setSaved} />
              <div class="button-row">
                <button type="button" class="button button--primary" disabled={!saved()} onClick={enter}>
                  {t('account.reset.done.continue')}
                </button>
              </div>
            </section>
          )}
        </Show>
      </div>
    </PublicFrame>
  );
}
