import { A, Navigate, useNavigate } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import { PublicFrame } from '../../app/PublicFrame';
import type { SignedIn } from '../../lib/account';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { checkEmail, normalizeEmail, type ValidationMessage } from '../../lib/validation';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';

export interface SignInFormProps {
  heading: string;
  intro: string;
  /** The passphrase or recovery-code field, given the current value and its error. */
  secretField: (
    secret: () => string,
    setSecret: (value: string) => void,
    error: () => string | null,
  ) => JSX.Element;
  signInWith: (email: string, secret: string) => Promise<SignedIn>;
  alternative: { href: string; label: string };
}

/** Email + secret, shared by passphrase login and recovery-code login. */
export function SignInForm(props: SignInFormProps) {
  const { t, tMessage } = useI18n();
  const { session, signIn } = useSession();
  const { state } = useVault();
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [secret, setSecret] = createSignal('');
  const [attempted, setAttempted] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const emailError = (): ValidationMessage | null => checkEmail(email());
  const secretError = (): ValidationMessage | null =>
    secret().length === 0 ? { key: 'validation.required' } : null;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (emailError() || secretError() || submitting()) return;
    setSubmitting(true);
    setFailure(null);
    try {
      signIn(await props.signInWith(normalizeEmail(email()), secret()));
      navigate('/', { replace: true });
    } catch (error) {
      setFailure(error);
      setSecret('');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Show when={!(session() && state() === 'unlocked')} fallback={<Navigate href="/" />}>
      <PublicFrame>
        <form
          class="card auth-card"
          onSubmit={(event) => void submit(event)}
          novalidate
          aria-busy={submitting()}
        >
          <h1>{props.heading}</h1>
          <p class="lead">{props.intro}</p>
          <Show when={failure()}>
            <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
          </Show>
          <TextField
            label={t('login.email')}
            type="email"
            value={email()}
            onChange={setEmail}
            autocomplete="username"
            error={attempted() ? tMessage(emailError()) : null}
            disabled={submitting()}
            autofocus
            required
          />
          {props.secretField(secret, setSecret, () => (attempted() ? tMessage(secretError()) : null))}
          <SubmitButton busy={submitting()} label={t('login.submit')} busyLabel={t('login.submitting')} />
          <p class="auth-card__alternative">
            <A href={props.alternative.href}>{props.alternative.label}</A>
          </p>
        </form>
      </PublicFrame>
    </Show>
  );
}
