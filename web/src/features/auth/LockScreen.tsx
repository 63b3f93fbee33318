import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { PublicFrame } from '../../app/PublicFrame';
import type { Session } from '../../lib/account';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { Alert } from '../../ui/Alert';
import { LockIcon } from '../../ui/icons';
import { PassphraseField } from '../../ui/PassphraseField';
import { SubmitButton } from '../../ui/SubmitButton';
import './auth.css';

/** Shown whenever a session exists but the keys are not in memory: after idle, "lock", or a reload. */
export function LockScreen(props: { session: Session }) {
  const { t, tMessage } = useI18n();
  const { unlock, logOut } = useSession();
  const navigate = useNavigate();
  const [passphrase, setPassphrase] = createSignal('');
  const [attempted, setAttempted] = createSignal(false);
  const [unlocking, setUnlocking] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (passphrase().length === 0 || unlocking()) return;
    setUnlocking(true);
    setFailure(null);
    try {
      await unlock(passphrase());
    } catch (error) {
      setFailure(error);
      setPassphrase('');
    } finally {
      setUnlocking(false);
    }
  };

  const logOutAndLeave = async () => {
    await logOut();
    navigate('/login', { replace: true });
  };

  return (
    <PublicFrame>
      <form class="card auth-card lock-card" onSubmit={(event) => void submit(event)} novalidate>
        <div class="lock-card__icon" aria-hidden="true">
          <LockIcon />
        </div>
        <h1>{t('lock.heading')}</h1>
        <p class="lead">{t('lock.intro')}</p>
        <p class="lock-card__who">
          <strong>{props.session.user.displayName}</strong>
          <span class="muted">{props.session.user.email}</span>
        </p>
        <Show when={failure()}>
          <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
        </Show>
        <PassphraseField
          label={t('passphrase.label')}
          value={passphrase()}
          onChange={setPassphrase}
          autocomplete="current-password"
          error={attempted() && passphrase().length === 0 ? tMessage({ key: 'validation.required' }) : null}
          disabled={unlocking()}
          autofocus
        />
        <SubmitButton busy={unlocking()} label={t('lock.unlock')} busyLabel={t('lock.unlocking')} />
        <button
          type="button"
          class="button button--quiet button--block"
          onClick={() => void logOutAndLeave()}
        >
          {t('shell.logout')}
        </button>
      </form>
    </PublicFrame>
  );
}
