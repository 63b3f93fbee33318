import { type FormDefinition, formDefinitionSchema } from '../schema.js';
import { t } from './text.js';

/**
 * 知情同意书 — the consent a client signs before counseling starts, signed on screen. The drawn
 * signatures are secret fields: encrypted in the browser with the rest of the record.
 */
export const informedConsentForm: FormDefinition = formDefinitionSchema.parse({
  id: 'informed-consent',
  version: 1,
  title: t('知情同意书', 'Informed consent'),
  description: t(
    '请来访者阅读以下内容并在屏幕上签名。除签署日期和是否为未成年人外，内容加密保存。',
    'The client reads the following and signs on screen. Apart from the date and whether the client is a minor, everything is encrypted.',
  ),
  fields: [
    {
      id: 'services_section',
      type: 'section',
      label: t('咨询服务', 'Counseling'),
      help: t(
        '心理咨询是来访者与咨询师之间的合作。每次会谈约 50 分钟，来访者可以随时提出结束咨询。',
        'Counseling is a collaboration between client and counselor. A session lasts about 50 minutes, and the client may end counseling at any time.',
      ),
    },
    {
      id: 'confidentiality_section',
      type: 'section',
      label: t('保密原则及其例外', 'Confidentiality and its limits'),
      help: t(
        '咨询内容严格保密。以下情况例外：来访者有伤害自己或他人的严重危险；涉及未成年人或弱势群体遭受虐待；法律规定需要披露。咨询师接受专业督导时，会在隐去身份信息的前提下讨论个案。',
        'What is said in counseling stays confidential, except when the client is at serious risk of harming themself or others, when a minor or vulnerable person is being abused, or when the law requires disclosure. The counselor discusses cases in professional supervision without identifying the client.',
      ),
    },
    {
      id: 'understood_confidentiality',
      type: 'checkbox',
      label: t('我已了解保密原则及其例外', 'I understand confidentiality and its limits'),
      required: true,
    },
    {
      id: 'understood_records',
      type: 'checkbox',
      label: t(
        '我了解咨询记录会加密保存，只有我的咨询师能够阅读',
        'I understand my records are encrypted and only my counselor can read them',
      ),
      required: true,
    },
    {
      id: 'agrees_recording',
      type: 'checkbox',
      label: t('我同意为督导目的对会谈录音', 'I agree to sessions being recorded for supervision'),
    },
    { id: 'signature_section', type: 'section', label: t('签署', 'Signature') },
    {
      id: 'client_name',
      type: 'text',
      label: t('来访者姓名', 'Client’s name'),
      required: true,
      maxLength: 100,
    },
    {
      id: 'client_signature',
      type: 'signature',
      label: t('来访者签名', 'Client’s signature'),
      required: true,
    },
    {
      id: 'is_minor',
      type: 'checkbox',
      label: t('来访者未满 18 周岁', 'The client is under 18'),
      sensitivity: 'operational',
    },
    {
      id: 'guardian_name',
      type: 'text',
      label: t('监护人姓名', 'Guardian’s name'),
      maxLength: 100,
      showIf: { '==': [{ var: 'is_minor' }, true] },
      requiredIf: { '==': [{ var: 'is_minor' }, true] },
    },
    {
      id: 'guardian_signature',
      type: 'signature',
      label: t('监护人签名', 'Guardian’s signature'),
      showIf: { '==': [{ var: 'is_minor' }, true] },
      requiredIf: { '==': [{ var: 'is_minor' }, true] },
    },
    {
      id: 'signed_date',
      type: 'date',
      label: t('签署日期', 'Date signed'),
      required: true,
      sensitivity: 'operational',
    },
  ],
});
