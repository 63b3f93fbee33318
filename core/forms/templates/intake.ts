import { type FormDefinition, formDefinitionSchema } from '../schema.js';
import { option, t } from './text.js';

/** 首次访谈记录表 — the first interview, opening a case. */
export const intakeForm: FormDefinition = formDefinitionSchema.parse({
  id: 'intake',
  version: 1,
  title: t('首次访谈记录表', 'Intake interview'),
  description: t(
    '首次访谈时填写。来源、服务类型和计划次数用于机构统计，其余内容加密保存。',
    'Filled in at the first interview. Source, service type and planned sessions feed the center’s statistics; everything else is encrypted.',
  ),
  fields: [
    {
      id: 'intake_date',
      type: 'date',
      label: t('访谈日期', 'Interview date'),
      required: true,
      sensitivity: 'operational',
    },
    {
      id: 'referral_source',
      type: 'singleChoice',
      label: t('来访途径', 'How they came to us'),
      required: true,
      sensitivity: 'operational',
      options: [
        option('self', '自行前来', 'On their own'),
        option('website', '机构网站', 'Website'),
        option('friend', '亲友推荐', 'Friend or family'),
        option('school', '学校转介', 'School referral'),
        option('hospital', '医院转介', 'Hospital referral'),
        option('other', '其他', 'Other'),
      ],
    },
    {
      id: 'service_type',
      type: 'singleChoice',
      label: t('服务类型', 'Service'),
      required: true,
      sensitivity: 'operational',
      options: [
        option('individual', '个体咨询', 'Individual'),
        option('couple', '伴侣咨询', 'Couple'),
        option('family', '家庭咨询', 'Family'),
        option('youth', '儿童青少年咨询', 'Children and youth'),
      ],
    },
    { id: 'background_section', type: 'section', label: t('基本情况', 'Background') },
    { id: 'chief_complaint', type: 'longText', label: t('主诉', 'Presenting concern'), required: true },
    { id: 'problem_history', type: 'longText', label: t('问题的发生与发展', 'History of the concern') },
    { id: 'personal_history', type: 'longText', label: t('个人成长史', 'Personal history') },
    { id: 'family_history', type: 'longText', label: t('家庭情况', 'Family') },
    {
      id: 'previous_treatment',
      type: 'checkbox',
      label: t('曾接受过心理咨询或治疗', 'Has had counseling or treatment before'),
    },
    {
      id: 'previous_treatment_details',
      type: 'longText',
      label: t('既往咨询或治疗情况', 'Previous counseling or treatment'),
      showIf: { '==': [{ var: 'previous_treatment' }, true] },
    },
    {
      id: 'medication',
      type: 'checkbox',
      label: t('目前正在服用精神科药物', 'Currently takes psychiatric medication'),
    },
    {
      id: 'medication_details',
      type: 'text',
      label: t('药物名称与剂量', 'Medication and dose'),
      showIf: { '==': [{ var: 'medication' }, true] },
      requiredIf: { '==': [{ var: 'medication' }, true] },
    },
    { id: 'risk_section', type: 'section', label: t('风险评估', 'Risk assessment') },
    {
      id: 'suicidal_ideation',
      type: 'singleChoice',
      label: t('自杀意念', 'Suicidal ideation'),
      required: true,
      options: [
        option('none', '无', 'None'),
        option('passive', '消极意念', 'Passive thoughts'),
        option('active', '主动意念', 'Active thoughts'),
        option('plan', '有计划', 'With a plan'),
      ],
    },
    {
      id: 'safety_plan',
      type: 'longText',
      label: t('安全计划与处理', 'Safety plan and actions taken'),
      showIf: { '!=': [{ var: 'suicidal_ideation' }, 'none'] },
      requiredIf: { in: [{ var: 'suicidal_ideation' }, ['active', 'plan']] },
    },
    { id: 'self_harm_history', type: 'checkbox', label: t('有自伤史', 'History of self-harm') },
    { id: 'assessment_section', type: 'section', label: t('评估与计划', 'Assessment and plan') },
    { id: 'impression', type: 'longText', label: t('初步印象', 'Initial impression') },
    { id: 'goals', type: 'longText', label: t('咨询目标', 'Goals') },
    {
      id: 'planned_sessions',
      type: 'number',
      integer: true,
      min: 1,
      max: 100,
      label: t('计划咨询次数', 'Planned sessions'),
      sensitivity: 'operational',
    },
  ],
  riskFlags: [
    {
      logic: { in: [{ var: 'suicidal_ideation' }, ['active', 'plan']] },
      message: t('首次访谈报告主动自杀意念', 'Active suicidal ideation reported at intake'),
    },
  ],
});
