import { type FormDefinition, formDefinitionSchema } from '../schema.js';
import { option, t } from './text.js';

/** 单次咨询记录表 — the note a counselor writes after every session. */
export const sessionNoteForm: FormDefinition = formDefinitionSchema.parse({
  id: 'session-note',
  version: 1,
  title: t('单次咨询记录表', 'Session record'),
  description: t(
    '每次咨询后填写。除日期、次数、时长和形式外，内容只在您的浏览器中加密保存。',
    'Written after every session. Apart from date, number, length and format, everything is encrypted in your browser.',
  ),
  fields: [
    {
      id: 'session_date',
      type: 'date',
      label: t('咨询日期', 'Session date'),
      required: true,
      sensitivity: 'operational',
    },
    {
      id: 'session_number',
      type: 'number',
      integer: true,
      min: 1,
      max: 500,
      label: t('第几次咨询', 'Session number'),
      required: true,
      sensitivity: 'operational',
    },
    {
      id: 'duration_minutes',
      type: 'number',
      integer: true,
      min: 10,
      max: 240,
      label: t('时长（分钟）', 'Length (minutes)'),
      required: true,
      sensitivity: 'operational',
    },
    {
      id: 'modality',
      type: 'singleChoice',
      label: t('咨询形式', 'Format'),
      required: true,
      sensitivity: 'operational',
      options: [
        option('in_person', '面询', 'In person'),
        option('video', '视频', 'Video'),
        option('phone', '电话', 'Phone'),
      ],
    },
    { id: 'content_section', type: 'section', label: t('会谈内容', 'The session') },
    { id: 'presenting_issues', type: 'longText', label: t('本次主要议题', 'Main themes'), required: true },
    {
      id: 'observations',
      type: 'longText',
      label: t('来访者状态观察（情绪、言语、行为）', 'Observations (mood, speech, behaviour)'),
    },
    { id: 'interventions', type: 'longText', label: t('咨询师的干预与技术', 'Interventions and techniques') },
    { id: 'client_response', type: 'longText', label: t('来访者的反应', 'Client response') },
    { id: 'risk_section', type: 'section', label: t('风险评估', 'Risk assessment') },
    {
      id: 'risk_level',
      type: 'singleChoice',
      label: t('风险等级', 'Risk level'),
      required: true,
      options: [
        option('none', '无', 'None'),
        option('low', '低', 'Low'),
        option('medium', '中', 'Medium'),
        option('high', '高', 'High'),
      ],
    },
    {
      id: 'risk_details',
      type: 'longText',
      label: t('风险情况与处理', 'Risk details and actions taken'),
      showIf: { '!=': [{ var: 'risk_level' }, 'none'] },
      requiredIf: { in: [{ var: 'risk_level' }, ['medium', 'high']] },
    },
    { id: 'plan_section', type: 'section', label: t('后续计划', 'Next steps') },
    { id: 'homework', type: 'longText', label: t('家庭作业', 'Homework') },
    { id: 'next_plan', type: 'longText', label: t('下次咨询计划', 'Plan for the next session') },
  ],
  riskFlags: [
    {
      logic: { '==': [{ var: 'risk_level' }, 'high'] },
      message: t('本次记录评估为高风险', 'This session was assessed as high risk'),
    },
  ],
});
