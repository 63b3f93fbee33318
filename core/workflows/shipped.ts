import type { WorkflowGraph } from './model.js';

/** The processes Tacit ships as definitions an admin installs with one click (issue 6). */
export interface ShippedWorkflow {
  key: string;
  name: string;
  graph: WorkflowGraph;
}

const approved = { '==': [{ var: 'decision' }, 'approved'] };

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
    key: 'supervision',
    name: '督导 Supervision after every N sessions',
    graph: {
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'report',
          type: 'form_task',
          label: 'Submit supervision report',
          assignee: { kind: 'relation', relation: 'primary_counselor' },
          dueInHours: 168,
        },
        {
          id: 'review',
          type: 'approval',
          label: 'Review and give feedback',
          assignee: { kind: 'round_robin', role: 'supervisor' },
          dueInHours: 168,
        },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'report' },
        { from: 'report', to: 'review' },
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
          assignee: { kind: 'relation', relation: 'primary_counselor' },
          dueInHours: 168,
        },
        {
          id: 'approve',
          type: 'approval',
          label: 'Approve closing',
          assignee: { kind: 'role', role: 'supervisor' },
          dueInHours: 72,
        },
        {
          id: 'archive',
          type: 'form_task',
          label: 'Archive the case',
          assignee: { kind: 'role', role: 'director' },
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
