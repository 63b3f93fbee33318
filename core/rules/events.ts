/**
 * What a rule can react to (issue 8). Every event names a subject — the thing de-duplication
 * counts per rule (a case, a grant, a task, an appointment) — and may name the case it concerns.
 * Payloads hold ids, dates and operational fields only, never a secret (DESIGN §2).
 */
export const EVENT_TYPES = [
  'record.saved',
  'case.opened',
  'case.status_changed',
  'case.closed',
  'appointment.upcoming',
  'appointment.completed',
  'appointment.no_show',
  'survey.submitted',
  'grant.expiring',
  'task.overdue',
  'supervision.report_overdue',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The synthetic event a schedule rule's scan enqueues for each subject it matched. */
export const SCHEDULE_MATCH = 'schedule.match';

/**
 * People an action can reach through the event: the case's primary counselor, a supervisor who
 * holds a live grant on the case, and the ids an event payload carries (`granteeId`, `ownerId`,
 * `assigneeId`, `counselorId`).
 */
export const RELATIONS = [
  'primary_counselor',
  'supervisor',
  'grantee',
  'owner',
  'assignee',
  'counselor',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** The payload key each event-carried relation is read from. */
export const RELATION_PAYLOAD_KEYS: Readonly<Partial<Record<Relation, string>>> = {
  grantee: 'granteeId',
  owner: 'ownerId',
  assignee: 'assigneeId',
  counselor: 'counselorId',
};

export type FactType = 'number' | 'string';

export interface Fact {
  /** The JSON Logic `var` path. */
  readonly path: string;
  readonly type: FactType;
  /** For string facts with a closed set of values: what the editor offers. */
  readonly values?: readonly string[];
}

/** Derived facts about the case an event concerns (and every open case a schedule scans). */
export const CASE_FACTS: readonly Fact[] = [
  { path: 'case.status', type: 'string', values: ['intake', 'active', 'closing', 'closed', 'archived'] },
  { path: 'case.serviceType', type: 'string' },
  { path: 'case.channel', type: 'string' },
  { path: 'case.daysOpen', type: 'number' },
  { path: 'case.daysSinceLastRecord', type: 'number' },
  { path: 'case.recordsSoFar', type: 'number' },
  { path: 'case.sessionsSoFar', type: 'number' },
];

/** Facts an event of each type brings beyond the case's: its payload, under `event.`. */
export const EVENT_FACTS: Readonly<Record<EventType, readonly Fact[]>> = {
  'record.saved': [
    { path: 'event.form', type: 'string' },
    { path: 'event.rev', type: 'number' },
  ],
  'case.opened': [],
  'case.status_changed': [
    { path: 'event.from', type: 'string', values: ['intake', 'active', 'closing', 'closed', 'archived'] },
    { path: 'event.to', type: 'string', values: ['intake', 'active', 'closing', 'closed', 'archived'] },
  ],
  'case.closed': [],
  'appointment.upcoming': [{ path: 'event.hoursAhead', type: 'number' }],
  'appointment.completed': [],
  'appointment.no_show': [],
  'survey.submitted': [{ path: 'event.form', type: 'string' }],
  'grant.expiring': [{ path: 'event.hoursLeft', type: 'number' }],
  'task.overdue': [{ path: 'event.daysOverdue', type: 'number' }],
  'supervision.report_overdue': [{ path: 'event.daysOverdue', type: 'number' }],
};

/** Events whose payload carries the operational fields of a form (`event.operational.<field>`). */
export const EVENTS_WITH_OPERATIONAL: readonly EventType[] = ['record.saved', 'survey.submitted'];

export const OPERATIONAL_PREFIX = 'event.operational.';

/** The facts a condition may read for a trigger; `event.operational.*` is open-ended where allowed. */
export function factsFor(
  trigger: { kind: 'event'; event: EventType } | { kind: 'schedule' },
): readonly Fact[] {
  return trigger.kind === 'schedule' ? CASE_FACTS : [...CASE_FACTS, ...EVENT_FACTS[trigger.event]];
}

export function isKnownVar(
  trigger: { kind: 'event'; event: EventType } | { kind: 'schedule' },
  path: string,
) {
  if (factsFor(trigger).some((fact) => fact.path === path)) return true;
  return (
    trigger.kind === 'event' &&
    EVENTS_WITH_OPERATIONAL.includes(trigger.event) &&
    /^event\.operational\.[a-z][a-z0-9_]{0,63}$/.test(path)
  );
}
