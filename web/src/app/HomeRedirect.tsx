import { Navigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';
import { navigationFor } from './navigation';

/** "/" opens the first page of the person's first role. */
export function HomeRedirect() {
  const { t } = useI18n();
  const { session } = useSession();
  const firstPage = () => navigationFor(session()?.user.roles ?? [])[0]?.items[0]?.path;

  return (
    <Show when={firstPage()} fallback={<p class="card">{t('home.noPages')}</p>}>
      {(path) => <Navigate href={path()} />}
    </Show>
  );
}
