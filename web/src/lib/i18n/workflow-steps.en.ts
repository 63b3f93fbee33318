import type { workflowStepsZhCN } from './workflow-steps.zh-CN';

export const workflowStepsEn: { readonly [K in keyof typeof workflowStepsZhCN]: string } = {
  'steps.heading.request_case_access': 'Ask for temporary access to the case',
  'steps.heading.deliver_case_key': 'Give the supervisor the case key',
  'steps.noCase': 'This process runs on no case.',
  'steps.ask.heading': 'Access request',
  'steps.ask.intro':
    'Ask for access to case {number} for supervision: give a reason and a duration. Once the primary counselor approves, their browser delivers the key.',
  'steps.ask.goOn': 'Go on with this request',
  'steps.deliver.heading': 'The supervisor’s request',
  'steps.deliver.intro':
    'A supervisor asks for access to case {number}. Once you approve, this browser wraps the case key to them with your keys; the expiry is bound into the grant and it ends on its own.',
  'steps.deliver.noRequest': 'The process holds no access request yet; the supervisor asks first.',
  'steps.deliver.expiry': 'Delivered now, the access ends on {date}.',
  'steps.deliver.finish': 'The key is delivered: finish this step',
  'steps.deliver.closed':
    'The supervisor withdrew this request. Finishing this step asks them to request again.',
  'steps.deliver.denied':
    'You denied this request. Finishing this step tells the supervisor and asks them to request again.',
  'steps.deliver.finishDenied': 'Tell the supervisor and finish this step',
  'case.processes.heading': 'Processes',
  'case.processes.intro':
    'Supervision starts on its own every few sessions; you can also ask for one now. Closing starts with the closing summary and ends, once approved, with the case archived.',
  'case.processes.supervision': 'Ask for supervision',
  'case.processes.closing': 'Close the case',
  'case.processes.started': '“{name}” started; its next step is in the task inbox.',
  'case.processes.toInbox': 'Open the inbox',
};
