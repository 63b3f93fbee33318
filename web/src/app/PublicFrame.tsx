import type { ParentProps } from 'solid-js';
import { useI18n } from '../lib/i18n';
import { BrandMark } from '../ui/BrandMark';
import { LocaleSwitch } from '../ui/LocaleSwitch';

/** The frame for pages outside a session: setup, login, invitation, lock screen, dev outbox. */
export function PublicFrame(props: ParentProps<{ wide?: boolean }>) {
  const { t } = useI18n();
  return (
    <div class="public">
      <header class="public__header">
        <BrandMark />
        <LocaleSwitch />
      </header>
      <main id="main" class="public__main" classList={{ 'public__main--wide': props.wide ?? false }}>
        {props.children}
      </main>
      <footer class="public__footer">{t('app.tagline')}</footer>
    </div>
  );
}
