import { type FormDefinition, formDefinitionSchema } from '../schema.js';
import { option, t } from './text.js';

const FIVE_POINTS = [
  { value: 1, label: t('非常不满意', 'Very dissatisfied') },
  { value: 2, label: t('不满意', 'Dissatisfied') },
  { value: 3, label: t('一般', 'Neutral') },
  { value: 4, label: t('满意', 'Satisfied') },
  { value: 5, label: t('非常满意', 'Very satisfied') },
];

/**
 * 满意度调查: the overall score (1–5) and whether the client would recommend the center are
 * operational, for reports and the "satisfaction < 3 → care task" rule; everything the client
 * writes, and how they rate their counselor, stays secret.
 */
export const satisfactionForm: FormDefinition = formDefinitionSchema.parse({
  id: 'satisfaction-survey',
  version: 1,
  title: t('满意度调查', 'Satisfaction survey'),
  description: t(
    '感谢您抽出时间。您的回答帮助我们改进服务。',
    'Thank you for your time. Your answers help us improve our service.',
  ),
  fields: [
    {
      id: 'overall_satisfaction',
      type: 'likert',
      label: t(
        '总体而言，您对我们的咨询服务满意吗？',
        'Overall, how satisfied are you with our counseling service?',
      ),
      required: true,
      sensitivity: 'operational',
      options: FIVE_POINTS,
    },
    {
      id: 'counselor_helpful',
      type: 'likert',
      label: t('您觉得咨询师对您有帮助吗？', 'How helpful has your counselor been?'),
      options: [
        { value: 1, label: t('完全没有帮助', 'Not at all helpful') },
        { value: 2, label: t('帮助不大', 'Slightly helpful') },
        { value: 3, label: t('有些帮助', 'Somewhat helpful') },
        { value: 4, label: t('很有帮助', 'Very helpful') },
        { value: 5, label: t('非常有帮助', 'Extremely helpful') },
      ],
    },
    {
      id: 'would_recommend',
      type: 'singleChoice',
      label: t('您会向亲友推荐我们吗？', 'Would you recommend us to a friend or relative?'),
      sensitivity: 'operational',
      options: [
        option('yes', '会', 'Yes'),
        option('unsure', '不确定', 'Not sure'),
        option('no', '不会', 'No'),
      ],
    },
    {
      id: 'comments',
      type: 'longText',
      label: t('您的意见和建议', 'Your comments and suggestions'),
      help: t(
        '只有负责您的咨询人员能读到，我们的服务器读不到。',
        'Only the counselors caring for you can read this; our server cannot.',
      ),
      maxLength: 5000,
    },
  ],
});
