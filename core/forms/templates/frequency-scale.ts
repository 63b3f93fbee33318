import { option, t } from './text.js';

/**
 * What PHQ-9 and GAD-7 share, as published (Spitzer, Williams, Kroenke et al., educational grant
 * from Pfizer; "no permission required to reproduce, translate, display or distribute"): the
 * two-week frequency scale scored 0–3 and the unscored question on how difficult the problems made
 * life. Chinese wording from the authors' Chinese (PRC) translation.
 */

export const LAST_TWO_WEEKS = t(
  '在过去两个星期，有多少时候您受到以下任何问题所困扰？',
  'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
);

export const FREQUENCY_OPTIONS = [
  { value: 0, label: t('完全不会', 'Not at all') },
  { value: 1, label: t('好几天', 'Several days') },
  { value: 2, label: t('一半以上的天数', 'More than half the days') },
  { value: 3, label: t('几乎每天', 'Nearly every day') },
];

export const DIFFICULTY_OPTIONS = [
  option('not_difficult', '毫无困难', 'Not difficult at all'),
  option('somewhat', '有点困难', 'Somewhat difficult'),
  option('very', '非常困难', 'Very difficult'),
  option('extremely', '极度困难', 'Extremely difficult'),
];

/** The date the scale was filled in: operational, so scores can be charted and reported over time. */
export const completedOnField = {
  id: 'completed_on',
  type: 'date',
  label: t('填写日期', 'Date completed'),
  required: true,
  sensitivity: 'operational',
} as const;

/** One scored item: a required 0–3 frequency answer, secret like every answer. */
export function frequencyItem(id: string, zh: string, en: string) {
  return { id, type: 'likert', label: t(zh, en), required: true, options: FREQUENCY_OPTIONS } as const;
}
