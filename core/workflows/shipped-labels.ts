import type { LocalizedText } from '../forms/schema.js';
import { t } from '../forms/templates/text.js';

/**
 * The shipped processes store their names and step labels as written in shipped.ts (a task's
 * title is its step's label). The pages show those in the reader's language through this table,
 * keyed by the stored text: a label an admin rewrote in the designer is no longer a key here and
 * stays as written.
 */
export const SHIPPED_LABELS: Readonly<Record<string, LocalizedText>> = {
  '请假审批 Leave request': t('请假审批', 'Leave request'),
  'Approve leave': t('审批请假', 'Approve leave'),
  'Leave approved': t('请假已批准', 'Leave approved'),
  'Leave refused': t('请假未获批准', 'Leave refused'),

  '新来访者预约 New client booking': t('新来访者预约', 'New client booking'),
  'Screen the booking request': t('初筛预约申请', 'Screen the booking request'),
  'Match a counselor and book the first session': t(
    '匹配咨询师并预约首次咨询',
    'Match a counselor and book the first session',
  ),
  'Confirm the new client and open the case': t(
    '确认新来访者并建立个案',
    'Confirm the new client and open the case',
  ),
  'Tell the client their appointment': t('告知来访者预约时间', 'Tell the client their appointment'),
  'A new client is booked with you': t('有新来访者预约了您', 'A new client is booked with you'),
  Declined: t('已婉拒', 'Declined'),

  '督导 Supervision after every N sessions': t('督导', 'Supervision'),
  'Submit supervision report': t('提交督导报告', 'Submit supervision report'),
  'Ask for temporary access to the case': t('申请临时访问个案', 'Ask for temporary access to the case'),
  'Give the supervisor temporary access to the case': t(
    '向督导开放个案的临时访问',
    'Give the supervisor temporary access to the case',
  ),
  'No access was given: ask again': t('未获得访问权限：请重新申请', 'No access was given: ask again'),
  'Review and give feedback': t('审阅并给出督导意见', 'Review and give feedback'),

  '结案 Case closing': t('结案', 'Case closing'),
  'Write the closing summary': t('撰写结案小结', 'Write the closing summary'),
  'Approve closing': t('审批结案', 'Approve closing'),
  'Archive the case': t('归档个案', 'Archive the case'),
};

/** A stored process name or step label in the reader's language; anything else as written. */
export function shippedLabel(stored: string, locale: keyof LocalizedText): string {
  return SHIPPED_LABELS[stored]?.[locale] ?? stored;
}
