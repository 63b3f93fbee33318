import {
  COUNSELING_LANGUAGES,
  COUNSELING_SPECIALTIES,
  COUNSELOR_GENDERS,
  type CounselorGender,
  type CounselorProfile,
} from '../../../../core/api/counselor-profiles';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { SelectField } from '../../ui/SelectField';

type GenderChoice = CounselorGender | 'none';
const GENDER_CHOICES: readonly GenderChoice[] = ['none', ...COUNSELOR_GENDERS];

/** The profile's fields, each chosen from its list (the values are operational, never typed). */
export function CounselorProfileFields(props: {
  value: CounselorProfile;
  onChange: (profile: CounselorProfile) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <div class="profile-fields">
      <CheckboxGroup
        legend={t('profile.languages')}
        options={COUNSELING_LANGUAGES}
        labelOf={(code) => t(`profile.language.${code}` as MessageKey)}
        selected={props.value.languages}
        onChange={(languages) => props.onChange({ ...props.value, languages: [...languages] })}
        disabled={props.disabled}
      />
      <CheckboxGroup
        legend={t('profile.specialties')}
        options={COUNSELING_SPECIALTIES}
        labelOf={(code) => t(`profile.specialty.${code}` as MessageKey)}
        selected={props.value.specialties}
        onChange={(specialties) => props.onChange({ ...props.value, specialties: [...specialties] })}
        disabled={props.disabled}
      />
      <SelectField
        label={t('profile.gender')}
        value={props.value.gender ?? 'none'}
        options={GENDER_CHOICES}
        optionLabel={(choice) => t(`profile.gender.${choice}` as MessageKey)}
        onChange={(choice) => props.onChange({ ...props.value, gender: choice === 'none' ? null : choice })}
        disabled={props.disabled}
      />
    </div>
  );
}
