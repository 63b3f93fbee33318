import { logIn } from '../../lib/account';
import { useI18n } from '../../lib/i18n';
import { PassphraseField } from '../../ui/PassphraseField';
import { SignInForm } from './SignInForm';
import './auth.css';

export function LoginPage() {
  const { t } = useI18n();
  return (
    <SignInForm
      heading={t('login.heading')}
      intro={t('login.intro')}
      signInWith={logIn}
      alternative={{ href: '/login/recovery', label: t('login.useRecoveryCode') }}
      secretField={(secret, setSecret, error) => (
        <PassphraseField
          label={t('passphrase.label')}
          value={secret()}
          onChange={setSecret}
          autocomplete="current-password"
          error={error()}
        />
      )}
    />
  );
}
