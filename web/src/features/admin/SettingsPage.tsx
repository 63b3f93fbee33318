import { useI18n } from '../../lib/i18n';
import { ScheduleSettings } from '../schedule/ScheduleSettings';

/** /admin/settings: one section per feature that has something to configure. */
export function SettingsPage() {
  const { t } = useI18n();
  return (
    <div class="settings-page">
      <div class="page-header">
        <h1>{t('settings.heading')}</h1>
      </div>
      <ScheduleSettings />
    </div>
  );
}
