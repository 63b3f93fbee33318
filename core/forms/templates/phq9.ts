import { type FormDefinition, formDefinitionSchema } from '../schema.js';
import { completedOnField, DIFFICULTY_OPTIONS, frequencyItem, LAST_TWO_WEEKS } from './frequency-scale.js';
import { t } from './text.js';

/**
 * PHQ-9 (患者健康问卷抑郁量表), as published: nine items scored 0–3, total 0–27, severity bands
 * 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe. Any answer above
 * 0 on item 9 raises a risk flag to the counselor whatever the total. The answers are secret; the
 * total and the date are operational (measurement-based care, reports).
 */
export const PHQ9_ITEMS = [
  frequencyItem('phq9_1', '做事时提不起劲或没有兴趣', 'Little interest or pleasure in doing things'),
  frequencyItem('phq9_2', '感到心情低落、沮丧或绝望', 'Feeling down, depressed, or hopeless'),
  frequencyItem(
    'phq9_3',
    '入睡困难、睡不安稳或睡眠过多',
    'Trouble falling or staying asleep, or sleeping too much',
  ),
  frequencyItem('phq9_4', '感觉疲倦或没有活力', 'Feeling tired or having little energy'),
  frequencyItem('phq9_5', '食欲不振或吃太多', 'Poor appetite or overeating'),
  frequencyItem(
    'phq9_6',
    '觉得自己很糟——或觉得自己很失败，或让自己或家人失望',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  ),
  frequencyItem(
    'phq9_7',
    '对事物专注有困难，例如阅读报纸或看电视时',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
  ),
  frequencyItem(
    'phq9_8',
    '动作或说话速度缓慢到别人已经觉察？或正好相反——烦躁或坐立不安、动来动去的情况更胜于平常',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  ),
  frequencyItem(
    'phq9_9',
    '有不如死掉或用某种方式伤害自己的念头',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ),
];

export const phq9Form: FormDefinition = formDefinitionSchema.parse({
  id: 'phq-9',
  version: 1,
  title: t('PHQ-9 患者健康问卷（抑郁）', 'PHQ-9 Patient Health Questionnaire (depression)'),
  description: t(
    '请根据过去两个星期的实际情况，为每一项选择最符合的频率。',
    'For each item, choose how often it has bothered you over the last 2 weeks.',
  ),
  fields: [
    completedOnField,
    { id: 'items_section', type: 'section', label: LAST_TWO_WEEKS },
    ...PHQ9_ITEMS,
    {
      id: 'phq9_difficulty',
      type: 'singleChoice',
      label: t(
        '如果您勾选了任何问题，这些问题在您工作、处理家庭事务或与他人相处上造成了多大的困难？',
        'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      ),
      options: DIFFICULTY_OPTIONS,
    },
    {
      id: 'phq9_total',
      type: 'score',
      label: t('PHQ-9 总分', 'PHQ-9 total score'),
      sensitivity: 'operational',
      items: PHQ9_ITEMS.map((item) => item.id),
      method: 'sum',
      bands: [
        { min: 0, max: 4, label: t('极轻微', 'Minimal') },
        { min: 5, max: 9, label: t('轻度', 'Mild') },
        { min: 10, max: 14, label: t('中度', 'Moderate') },
        { min: 15, max: 19, label: t('中重度', 'Moderately severe') },
        { min: 20, max: 27, label: t('重度', 'Severe') },
      ],
    },
  ],
  riskFlags: [
    {
      logic: { '>': [{ var: 'phq9_9' }, 0] },
      message: t(
        '第 9 题（自伤或轻生念头）得分大于 0：请尽快评估风险',
        'Item 9 (thoughts of death or self-harm) is above 0: assess risk promptly',
      ),
    },
  ],
});
