import { type ParentProps, Show } from 'solid-js';
import { useI18n } from '../lib/i18n';
import type { Role } from '../lib/roles';
import { useSession } from '../lib/session';

/** Hides a page from people without one of its roles. A convenience only: the server enforces roles. */
export function RoleGate(props: ParentProps<{ roles: readonly Role[] }>) {
  const { t } = useI18n();
  const { session } = useSession();
  const allowed = () => (session()?.user.roles ?? []).some((role) => props.roles.includes(role));

  return (
    <Show when={allowed()} fallback={<p class="card">{t('error.forbidden')}</p>}>
      {props.children}
    </Show>
  );
}
