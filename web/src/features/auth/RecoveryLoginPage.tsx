import { logInWithRecoveryCode } from '../../lib/account';
import { useI18n } from '../../lib/i18n';
import { TextField } from '../../ui/TextField';
import { SignInForm } from './SignInForm';
import './auth.css';

export function RecoveryLoginPage() {
  const { t } = useI18n();
  return (
    <SignInForm
      heading={t('login.recovery.heading')}
      intro={t('login.recovery.intro')}
      signInWith={logInWithRecoveryCode}
      alternative={{ href: '/login', label: t('login.recovery.usePassphrase') }}
      secretField={(secret, setSecret, error) => (
        <TextField
          label={t('login.recovery.code')}
          value={secret()}
          onChange={setSecret}
          autocomplete="off"
          class="field--code"
          error={error()}
          required
        />
      )}
    />
  );
}
