import { useI18n } from '../lib/i18n';
import { GlobeIcon } from './icons';

/** One button that switches to the other language, labelled in that language. */
export function LocaleSwitch() {
  const { locale, setLocale, t } = useI18n();
  const other = () => (locale() === 'zh-CN' ? 'en' : 'zh-CN');
  return (
    <button
      type="button"
      class="button button--quiet locale-switch"
      title={t('locale.switch')}
      onClick={() => setLocale(other())}
    >
      <GlobeIcon />
      <span lang={other()}>{t('locale.other')}</span>
    </button>
  );
}
