import { useI18n } from '../lib/i18n';

export function BrandMark() {
  const { t } = useI18n();
  return (
    <span class="brand">
      <img class="brand__logo" src="/favicon.svg" alt="" width="28" height="28" />
      <span class="brand__name">{t('app.name')}</span>
    </span>
  );
}
