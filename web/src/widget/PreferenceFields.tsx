import { For } from 'solid-js';
import type { BookingPreferences } from '../../../core/api/bookings';
import {
  COUNSELING_LANGUAGES,
  COUNSELING_SPECIALTIES,
  COUNSELOR_GENDERS,
  type CounselingLanguage,
  type CounselorGender,
} from '../../../core/api/counselor-profiles';
import { type MessageKey, useI18n } from '../lib/i18n';
import { CheckboxGroup } from '../ui/CheckboxGroup';

/** What the visitor would like in a counselor: optional, chosen from lists, sealed with the rest. */
export function PreferenceFields(props: {
  value: BookingPreferences;
  onChange: (preferences: BookingPreferences) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="fieldset widget-form__preferences">
      <legend class="fieldset__legend">{t('widget.preferences')}</legend>
      <p class="field__hint">{t('widget.preferences.hint')}</p>
      <label class="field">
        <span class="field__label">{t('widget.language')}</span>
        <select
          class="field__input"
          value={props.value.language ?? ''}
          disabled={props.disabled}
          onChange={(event) => {
            const { language: _, ...rest } = props.value;
            const chosen = event.currentTarget.value as CounselingLanguage | '';
            props.onChange(chosen ? { ...rest, language: chosen } : rest);
          }}
        >
          <option value="">{t('widget.language.any')}</option>
          <For each={COUNSELING_LANGUAGES}>
            {(code) => <option value={code}>{t(`profile.language.${code}` as MessageKey)}</option>}
          </For>
        </select>
      </label>
      <CheckboxGroup
        legend={t('widget.topics')}
        options={COUNSELING_SPECIALTIES}
        labelOf={(code) => t(`profile.specialty.${code}` as MessageKey)}
        selected={props.value.topics}
        onChange={(topics) => props.onChange({ ...props.value, topics: [...topics].slice(0, 5) })}
        disabled={props.disabled}
      />
      <label class="field">
        <span class="field__label">{t('widget.gender')}</span>
        <select
          class="field__input"
          value={props.value.counselorGender ?? ''}
          disabled={props.disabled}
          onChange={(event) => {
            const { counselorGender: _, ...rest } = props.value;
            const chosen = event.currentTarget.value as CounselorGender | '';
            props.onChange(chosen ? { ...rest, counselorGender: chosen } : rest);
          }}
        >
          <option value="">{t('widget.gender.any')}</option>
          <For each={COUNSELOR_GENDERS}>
            {(gender) => <option value={gender}>{t(`profile.gender.${gender}` as MessageKey)}</option>}
          </For>
        </select>
      </label>
    </fieldset>
  );
}
