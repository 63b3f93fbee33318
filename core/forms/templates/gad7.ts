import { type FormDefinition, formDefinitionSchema } from '../schema.js';
import { completedOnField, DIFFICULTY_OPTIONS, frequencyItem, LAST_TWO_WEEKS } from './frequency-scale.js';
import { t } from './text.js';

/**
 * GAD-7 (广泛性焦虑量表), as published: seven items scored 0–3, total 0–21, severity bands 0–4
 * minimal, 5–9 mild, 10–14 moderate, 15–21 severe. Answers secret; total and date operational.
 */
export const GAD7_ITEMS = [
  frequencyItem('gad7_1', '感觉紧张、焦虑或急切', 'Feeling nervous, anxious, or on edge'),
  frequencyItem('gad7_2', '不能够停止或控制担忧', 'Not being able to stop or control worrying'),
  frequencyItem('gad7_3', '对各种各样的事情担忧过多', 'Worrying too much about different things'),
  frequencyItem('gad7_4', '很难放松下来', 'Trouble relaxing'),
  frequencyItem('gad7_5', '由于不安而无法静坐', 'Being so restless that it is hard to sit still'),
  frequencyItem('gad7_6', '变得容易烦恼或急躁', 'Becoming easily annoyed or irritable'),
  frequencyItem(
    'gad7_7',
    '感到似乎将有可怕的事情发生而害怕',
    'Feeling afraid, as if something awful might happen',
  ),
];

export const gad7Form: FormDefinition = formDefinitionSchema.parse({
  id: 'gad-7',
  version: 1,
  title: t('GAD-7 广泛性焦虑量表', 'GAD-7 Generalized Anxiety Disorder scale'),
  description: t(
    '请根据过去两个星期的实际情况，为每一项选择最符合的频率。',
    'For each item, choose how often it has bothered you over the last 2 weeks.',
  ),
  fields: [
    completedOnField,
    { id: 'items_section', type: 'section', label: LAST_TWO_WEEKS },
    ...GAD7_ITEMS,
    {
      id: 'gad7_difficulty',
      type: 'singleChoice',
      label: t(
        '如果您勾选了任何问题，这些问题在您工作、处理家庭事务或与他人相处上造成了多大的困难？',
        'If you checked any problems, how difficult have they made it for you to do your work, take care of things at home, or get along with other people?',
      ),
      options: DIFFICULTY_OPTIONS,
    },
    {
      id: 'gad7_total',
      type: 'score',
      label: t('GAD-7 总分', 'GAD-7 total score'),
      sensitivity: 'operational',
      items: GAD7_ITEMS.map((item) => item.id),
      method: 'sum',
      bands: [
        { min: 0, max: 4, label: t('极轻微', 'Minimal') },
        { min: 5, max: 9, label: t('轻度', 'Mild') },
        { min: 10, max: 14, label: t('中度', 'Moderate') },
        { min: 15, max: 21, label: t('重度', 'Severe') },
      ],
    },
  ],
});
