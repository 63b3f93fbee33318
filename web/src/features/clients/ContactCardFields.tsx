import type { ContactFields } from '../../lib/clients';
import { useI18n } from '../../lib/i18n';
import { TextField } from '../../ui/TextField';

export const EMPTY_CONTACT: ContactFields = { name: '', phone: '', email: '', emergencyContact: '' };

/** The contact card's fields (DESIGN §2: encrypted in the browser); only the name is required. */
export function ContactCardFields(props: {
  value: ContactFields;
  onChange: (value: ContactFields) => void;
  attempted: boolean;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const edit = (field: keyof ContactFields) => (value: string) =>
    props.onChange({ ...props.value, [field]: value });
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t('cases.new.contact')}</legend>
      <div class="field-grid">
        <TextField
          label={t('cases.new.name')}
          value={props.value.name}
          onChange={edit('name')}
          error={props.attempted && !props.value.name.trim() ? t('validation.required') : null}
          disabled={props.disabled}
          required
        />
        <TextField
          label={t('cases.new.phone')}
          value={props.value.phone}
          onChange={edit('phone')}
          disabled={props.disabled}
        />
        <TextField
          label={t('cases.new.email')}
          type="email"
          value={props.value.email}
          onChange={edit('email')}
          disabled={props.disabled}
        />
        <TextField
          label={t('cases.new.emergency')}
          value={props.value.emergencyContact}
          onChange={edit('emergencyContact')}
          disabled={props.disabled}
        />
      </div>
    </fieldset>
  );
}
