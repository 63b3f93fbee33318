import { Show } from 'solid-js';
import type { BookingPreferences } from '../../../../../core/api/bookings';
import { type MessageKey, useI18n } from '../../../lib/i18n';

/** What the client wished for in a counselor, as opened from the sealed request. */
export function BookingPreferencesLine(props: { preferences: BookingPreferences | undefined }) {
  const { t, locale } = useI18n();
  const parts = () => {
    const wish = props.preferences;
    if (!wish) return [];
    const topics = wish.topics.map((topic) => t(`profile.specialty.${topic}` as MessageKey));
    return [
      ...(wish.language
        ? [t('steps.screen.prefLanguage', { language: t(`profile.language.${wish.language}` as MessageKey) })]
        : []),
      ...(topics.length > 0
        ? [t('steps.screen.prefTopics', { topics: new Intl.ListFormat(locale()).format(topics) })]
        : []),
      ...(wish.counselorGender
        ? [
            t('steps.screen.prefGender', {
              gender: t(`profile.gender.${wish.counselorGender}` as MessageKey),
            }),
          ]
        : []),
    ];
  };
  return (
    <p class="step-request__preferences" data-testid="request-preferences">
      <span class="muted">{t('steps.screen.preferences')}：</span>
      <Show when={parts().length > 0} fallback={t('steps.screen.noPreferences')}>
        {parts().join(' · ')}
      </Show>
    </p>
  );
}
