import { type FormDefinition, formDefinitionSchema } from '../schema.js';
import { option, t } from './text.js';

/** 督导报告 — what a counselor brings to supervision and what they take away from it. */
export const supervisionReportForm: FormDefinition = formDefinitionSchema.parse({
  id: 'supervision-report',
  version: 1,
  title: t('督导报告', 'Supervision report'),
  description: t(
    '督导前后填写。日期、形式、时长和是否讨论风险用于机构统计，其余内容加密保存。',
    'Filled in around a supervision session. Date, format, length and whether risk was discussed feed the center’s statistics; everything else is encrypted.',
  ),
  fields: [
    {
      id: 'supervision_date',
      type: 'date',
      label: t('督导日期', 'Supervision date'),
      required: true,
      sensitivity: 'operational',
    },
    {
      id: 'supervision_format',
      type: 'singleChoice',
      label: t('督导形式', 'Format'),
      required: true,
      sensitivity: 'operational',
      options: [
        option('individual', '个体督导', 'Individual'),
        option('group', '团体督导', 'Group'),
        option('peer', '朋辈督导', 'Peer'),
      ],
    },
    {
      id: 'duration_minutes',
      type: 'number',
      integer: true,
      min: 10,
      max: 480,
      label: t('时长（分钟）', 'Length (minutes)'),
      required: true,
      sensitivity: 'operational',
    },
    {
      id: 'sessions_so_far',
      type: 'number',
      integer: true,
      min: 0,
      max: 500,
      label: t('截至目前的咨询次数', 'Sessions so far'),
      sensitivity: 'operational',
    },
    { id: 'case_section', type: 'section', label: t('个案概况', 'The case') },
    {
      id: 'case_summary',
      type: 'longText',
      label: t('个案概念化', 'Case conceptualization'),
      required: true,
    },
    { id: 'progress', type: 'longText', label: t('咨询进展', 'Progress so far') },
    {
      id: 'questions',
      type: 'longText',
      label: t('希望在督导中讨论的问题', 'Questions for supervision'),
      required: true,
    },
    {
      id: 'countertransference',
      type: 'longText',
      label: t('咨询师的个人反应', 'Counselor’s own reactions'),
    },
    {
      id: 'risk_discussed',
      type: 'checkbox',
      label: t('本次督导讨论了风险问题', 'Risk was discussed in this supervision'),
      sensitivity: 'operational',
    },
    {
      id: 'risk_notes',
      type: 'longText',
      label: t('风险讨论与处理意见', 'Risk discussion and decisions'),
      showIf: { '==': [{ var: 'risk_discussed' }, true] },
      requiredIf: { '==': [{ var: 'risk_discussed' }, true] },
    },
    { id: 'feedback_section', type: 'section', label: t('督导意见', 'Supervisor’s feedback') },
    { id: 'supervisor_feedback', type: 'longText', label: t('督导意见与建议', 'Feedback and suggestions') },
    { id: 'action_plan', type: 'longText', label: t('后续行动计划', 'Action plan') },
    {
      id: 'next_supervision_date',
      type: 'date',
      label: t('下次督导日期', 'Next supervision'),
      sensitivity: 'operational',
    },
  ],
  rules: [
    {
      logic: {
        or: [
          { '!': { var: 'next_supervision_date' } },
          { '>': [{ var: 'next_supervision_date' }, { var: 'supervision_date' }] },
        ],
      },
      message: t('下次督导日期应在本次督导之后', 'The next supervision comes after this one'),
    },
  ],
});
