import { type FormDefinition, formDefinitionSchema } from '../schema.js';
import { option, t } from './text.js';

/**
 * 结案小结 — what the counselor writes when a case closes (the case closing process's first
 * step). The reason, the dates and the session counts feed the center's statistics; the
 * account of the work stays encrypted.
 */
export const closingSummaryForm: FormDefinition = formDefinitionSchema.parse({
  id: 'closing-summary',
  version: 1,
  title: t('结案小结', 'Case closing summary'),
  description: t(
    '结案时填写。结案原因、日期和咨询次数用于机构统计，其余内容只在您的浏览器中加密保存。',
    'Written when a case closes. The reason, the date and the session counts feed the center’s statistics; everything else is encrypted in your browser.',
  ),
  fields: [
    {
      id: 'closing_date',
      type: 'date',
      label: t('结案日期', 'Closing date'),
      required: true,
      sensitivity: 'operational',
    },
    {
      id: 'closing_reason',
      type: 'singleChoice',
      label: t('结案原因', 'Reason for closing'),
      required: true,
      sensitivity: 'operational',
      options: [
        option('goals_met', '咨询目标达成', 'Goals met'),
        option('mutual', '双方商定结束', 'Ended by agreement'),
        option('client_ended', '来访者主动结束', 'Ended by the client'),
        option('dropout', '来访者脱落', 'Client stopped coming'),
        option('referred', '转介', 'Referred elsewhere'),
        option('other', '其他', 'Other'),
      ],
    },
    {
      id: 'sessions_planned',
      type: 'number',
      integer: true,
      min: 0,
      max: 500,
      label: t('计划咨询次数', 'Sessions planned'),
      sensitivity: 'operational',
    },
    {
      id: 'sessions_held',
      type: 'number',
      integer: true,
      min: 0,
      max: 500,
      label: t('实际咨询次数', 'Sessions held'),
      required: true,
      sensitivity: 'operational',
    },
    {
      id: 'referral_made',
      type: 'checkbox',
      label: t('已转介至其他机构或专业人员', 'Referred to another service or professional'),
      sensitivity: 'operational',
    },
    { id: 'summary_section', type: 'section', label: t('咨询总结', 'The work') },
    {
      id: 'presenting_problem',
      type: 'longText',
      label: t('来访时的主要问题', 'What the client came with'),
      required: true,
    },
    {
      id: 'course_of_work',
      type: 'longText',
      label: t('咨询过程与主要干预', 'Course of the work and main interventions'),
      required: true,
    },
    {
      id: 'outcome',
      type: 'longText',
      label: t('结案时的状况与变化', 'Where the client is now'),
      required: true,
    },
    {
      id: 'referral_details',
      type: 'longText',
      label: t('转介去向与交接情况', 'Where the client was referred, and the handover'),
      showIf: { '==': [{ var: 'referral_made' }, true] },
      requiredIf: { '==': [{ var: 'referral_made' }, true] },
    },
    {
      id: 'recommendations',
      type: 'longText',
      label: t('后续建议', 'Recommendations'),
    },
  ],
});
