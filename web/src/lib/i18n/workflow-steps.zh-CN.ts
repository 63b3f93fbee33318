/** Supervision's steps done in a key holder's browser (issue 6): the supervisor's ask, the counselor's deliver. */
export const workflowStepsZhCN = {
  'steps.heading.request_case_access': '申请临时访问个案',
  'steps.heading.deliver_case_key': '向督导交付个案密钥',
  'steps.noCase': '这个流程没有关联个案。',
  'steps.ask.heading': '访问申请',
  'steps.ask.intro': '为督导申请访问个案 {number}：写明原因和时长，主咨询师批准后会从其浏览器交付密钥。',
  'steps.ask.goOn': '用这份申请继续流程',
  'steps.deliver.heading': '督导的申请',
  'steps.deliver.intro':
    '督导申请访问个案 {number}。批准后，本浏览器用您的密钥把个案密钥加密交给对方，到期时间写入授权，到期自动失效。',
  'steps.deliver.noRequest': '流程里没有访问申请，请督导先提交申请。',
  'steps.deliver.expiry': '现在交付，访问将于 {date} 到期。',
  'steps.deliver.finish': '密钥已交付，完成这一步',
  'steps.deliver.closed': '督导撤回了这份申请。完成这一步后，流程会请督导重新申请。',
  'steps.deliver.denied': '您拒绝了这份申请。完成这一步后，流程会通知督导并请其重新申请。',
  'steps.deliver.finishDenied': '通知督导并完成这一步',
  'case.processes.heading': '流程',
  'case.processes.intro':
    '督导每隔几次咨询会自动发起；需要时也可以现在发起。结案从撰写结案小结开始，审批后归档。',
  'case.processes.supervision': '申请督导',
  'case.processes.closing': '结案',
  'case.processes.started': '已发起“{name}”，下一步已在待办中。',
  'case.processes.toInbox': '打开待办',
} as const;
