import { Navigate, type RouteSectionProps } from '@solidjs/router';
import { lazy, Match, Switch } from 'solid-js';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useVault } from '../lib/vault-context';
import { Loading } from '../ui/Loading';
import { PublicFrame } from './PublicFrame';
import { BootFailure } from './StatusPages';

// Behind the first screen: loaded once a session is known, so the login page does not carry them.
const AppShell = lazy(() => import('./AppShell').then((m) => ({ default: m.AppShell })));
const LockScreen = lazy(() => import('../features/auth/LockScreen').then((m) => ({ default: m.LockScreen })));
const SetNewPassphrasePage = lazy(() =>
  import('../features/account/SetNewPassphrasePage').then((m) => ({ default: m.SetNewPassphrasePage })),
);

/**
 * Everything behind a session. With a session but a locked vault (idle, "lock", or a reload,
 * since keys live in memory only) the lock screen replaces the whole shell, so no page that
 * might hold decrypted data stays mounted. Right after a recovery-code login, setting a new
 * passphrase comes before everything else, whatever the address.
 */
export function SignedInArea(props: RouteSectionProps) {
  const { t } = useI18n();
  const { bootstrap, retryBootstrap, organizationExists, session, mustSetPassphrase } = useSession();
  const { state } = useVault();

  return (
    <Switch>
      <Match when={state() === 'unlocked' && session() && mustSetPassphrase()}>
        <SetNewPassphrasePage />
      </Match>
      <Match when={state() === 'unlocked' && session()}>
        {(current) => <AppShell session={current()}>{props.children}</AppShell>}
      </Match>
      <Match when={session()}>{(current) => <LockScreen session={current()} />}</Match>
      <Match when={bootstrap.loading}>
        <PublicFrame>
          <Loading label={t('common.loading')} />
        </PublicFrame>
      </Match>
      <Match when={bootstrap.error}>
        <PublicFrame>
          <BootFailure onRetry={retryBootstrap} />
        </PublicFrame>
      </Match>
      <Match when={organizationExists() === false}>
        <Navigate href="/setup" />
      </Match>
      <Match when={true}>
        <Navigate href="/login" />
      </Match>
    </Switch>
  );
}
