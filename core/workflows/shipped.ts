import type { WorkflowGraph } from './model.js';

/** The processes Tacit ships as definitions an admin installs with one click (issue 6). */
export interface ShippedWorkflow {
  key: string;
  name: string;
  graph: WorkflowGraph;
}

const approved = { '==': [{ var: 'decision' }, 'approved'] };
/** The key holder denied the supervisor's request: the supervisor hears of it and asks again. */
const accessDenied = { '==': [{ var: 'access' }, 'denied'] };
const frontDesk = { kind: 'role', role: 'frontdesk' } as const;
const director = { kind: 'role', role: 'director' } as const;
const counselor = { kind: 'relation', relation: 'primary_counselor' } as const;

/** Sessions between two supervision reports until a center changes it in the designer. */
export const SUPERVISION_EVERY_SESSIONS = 6;

/** The supervision process's report step: past its due time, the rules hear `supervision.report_overdue`. */
export const SUPERVISION_REPORT_STEP = { workflow: 'supervision', node: 'report' } as const;

export const SHIPPED_WORKFLOWS: readonly ShippedWorkflow[] = [
  {
    key: 'leave_request',
    name: '请假审批 Leave request',
    graph: {
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'approve',
          type: 'approval',
          label: 'Approve leave',
          assignee: { kind: 'role', role: 'director' },
          dueInHours: 48,
        },
        {
          id: 'tell_granted',
          type: 'notification',
          label: 'Leave approved',
          to: { kind: 'relation', relation: 'requester' },
        },
        {
          id: 'tell_refused',
          type: 'notification',
          label: 'Leave refused',
          to: { kind: 'relation', relation: 'requester' },
        },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'approve' },
        { from: 'approve', to: 'tell_granted', when: approved },
        { from: 'approve', to: 'tell_refused' },
        { from: 'tell_granted', to: 'end' },
        { from: 'tell_refused', to: 'end' },
      ],
    },
  },
  {
    key: 'new_client_booking',
    name: '新来访者预约 New client booking',
    graph: {
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'screen',
          type: 'approval',
          label: 'Screen the booking request',
          assignee: frontDesk,
          action: 'screen_booking',
          dueInHours: 24,
          remindBeforeHours: 4,
          escalateTo: director,
        },
        {
          id: 'match',
          type: 'assignment',
          label: 'Match a counselor and book the first session',
          assignee: frontDesk,
          action: 'match_counselor',
          dueInHours: 24,
          escalateTo: director,
        },
        {
          id: 'confirm',
          type: 'approval',
          label: 'Confirm the new client and open the case',
          assignee: { kind: 'relation', relation: 'matched_counselor' },
          action: 'open_case',
          dueInHours: 24,
          escalateTo: director,
        },
        {
          id: 'notify',
          type: 'form_task',
          label: 'Tell the client their appointment',
          assignee: frontDesk,
          action: 'notify_client',
          dueInHours: 24,
        },
        {
          id: 'tell_counselor',
          type: 'notification',
          label: 'A new client is booked with you',
          to: { kind: 'relation', relation: 'matched_counselor' },
        },
        { id: 'end', type: 'end' },
        { id: 'declined', type: 'end', label: 'Declined' },
      ],
      edges: [
        { from: 'start', to: 'screen' },
        { from: 'screen', to: 'match', when: approved },
        { from: 'screen', to: 'declined' },
        { from: 'match', to: 'confirm' },
        { from: 'confirm', to: 'notify', when: approved },
        { from: 'confirm', to: 'match' },
        { from: 'notify', to: 'tell_counselor' },
        { from: 'tell_counselor', to: 'end' },
      ],
    },
  },
  {
    key: 'supervision',
    name: '督导 Supervision after every N sessions',
    graph: {
      nodes: [
        {
          id: 'start',
          type: 'start',
          trigger: { kind: 'every_n_sessions', sessions: SUPERVISION_EVERY_SESSIONS },
        },
        {
          id: 'report',
          type: 'form_task',
          label: 'Submit supervision report',
          assignee: counselor,
          formKey: 'supervision-report',
          dueInHours: 168,
          remindBeforeHours: 24,
          escalateTo: { kind: 'relation', relation: 'supervisor' },
        },
        {
          id: 'ask',
          type: 'form_task',
          label: 'Ask for temporary access to the case',
          assignee: { kind: 'relation', relation: 'supervisor' },
          action: 'request_case_access',
          dueInHours: 48,
        },
        {
          id: 'share',
          type: 'key_delivery',
          label: 'Give the supervisor temporary access to the case',
          assignee: counselor,
          action: 'deliver_case_key',
          dueInHours: 48,
        },
        {
          id: 'tell_denied',
          type: 'notification',
          label: 'No access was given: ask again',
          to: { kind: 'relation', relation: 'supervisor' },
        },
        {
          id: 'review',
          type: 'approval',
          label: 'Review and give feedback',
          assignee: { kind: 'relation', relation: 'key_recipient' },
          dueInHours: 168,
          remindBeforeHours: 24,
          escalateTo: director,
        },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'report' },
        { from: 'report', to: 'ask' },
        { from: 'ask', to: 'share' },
        { from: 'share', to: 'tell_denied', when: accessDenied },
        { from: 'tell_denied', to: 'ask' },
        { from: 'share', to: 'review' },
        { from: 'review', to: 'end', when: approved },
        { from: 'review', to: 'report' },
      ],
    },
  },
  {
    key: 'case_closing',
    name: '结案 Case closing',
    graph: {
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'summary',
          type: 'form_task',
          label: 'Write the closing summary',
          assignee: counselor,
          formKey: 'closing-summary',
          dueInHours: 168,
          remindBeforeHours: 24,
        },
        {
          id: 'approve',
          type: 'approval',
          label: 'Approve closing',
          assignee: { kind: 'role', role: 'supervisor' },
          dueInHours: 72,
          escalateTo: director,
        },
        {
          id: 'archive',
          type: 'form_task',
          label: 'Archive the case',
          assignee: director,
          action: 'archive_case',
          dueInHours: 72,
        },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'summary' },
        { from: 'summary', to: 'approve' },
        { from: 'approve', to: 'archive', when: approved },
        { from: 'approve', to: 'summary' },
        { from: 'archive', to: 'end' },
      ],
    },
  },
];
