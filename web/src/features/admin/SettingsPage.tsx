import { Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { ScheduleSettings } from '../schedule/ScheduleSettings';
import { ThemeSettings } from '../supervision-archive/ThemeSettings';
import '../supervision-archive/supervision-archive.css';

/** /admin/settings: one section per feature that has something to configure. */
export function SettingsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const isAdmin = () => (session()?.user.roles ?? []).includes('admin');
  return (
    <div class="settings-page">
      <div class="page-header">
        <h1>{t('settings.heading')}</h1>
      </div>
      <ScheduleSettings />
      <Show when={isAdmin()}>
        <ThemeSettings />
      </Show>
    </div>
  );
}
