-- Rules engine and notifications (issue 8): rules, the event outbox, run history, de-duplication,
-- in-app notifications and a minimal task list the workflow engine (issue 6) can adopt. Every
-- column is operational: ids, dates, statuses and the admin's own rule names. Times are ms.

-- trigger/condition/actions are JSON (core/rules/model.ts); trigger_event is the event type an
-- event rule listens to, or 'schedule', so an event finds its rules through an index.
CREATE TABLE rules (
  id TEXT PRIMARY KEY,
  template TEXT UNIQUE,
  name TEXT NOT NULL,
  trigger_event TEXT NOT NULL,
  trigger TEXT NOT NULL,
  condition TEXT NOT NULL,
  actions TEXT NOT NULL,
  dedup_days INTEGER NOT NULL DEFAULT 0,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX rules_by_trigger ON rules (trigger_event, enabled);

-- The outbox: a route appends its event in the same D1 batch as its change; a processor runs
-- after the commit and from the Cron Trigger, retrying with backoff until processed_at is set.
-- dedup_key makes scans idempotent (one 'grant.expiring' per grant).
CREATE TABLE rule_events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  subject TEXT NOT NULL,
  case_id TEXT,
  payload TEXT NOT NULL DEFAULT '{}',
  dedup_key TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_until INTEGER,
  processed_at INTEGER,
  last_error TEXT
);
CREATE INDEX rule_events_pending ON rule_events (next_attempt_at) WHERE processed_at IS NULL;
CREATE INDEX rule_events_by_type ON rule_events (type, created_at);

-- One row per rule per attempt on an event; actions is the JSON list of each action's outcome.
CREATE TABLE rule_runs (
  id TEXT PRIMARY KEY,
  rule_id TEXT NOT NULL REFERENCES rules (id),
  event_id TEXT NOT NULL REFERENCES rule_events (id),
  event_type TEXT NOT NULL,
  subject TEXT NOT NULL,
  case_id TEXT,
  at INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'failed', 'deduplicated')),
  actions TEXT NOT NULL DEFAULT '[]',
  error TEXT
);
CREATE INDEX rule_runs_by_rule ON rule_runs (rule_id, at);
CREATE INDEX rule_runs_by_event ON rule_runs (event_id, rule_id);
CREATE INDEX rule_runs_by_time ON rule_runs (at);

CREATE TABLE rule_dedup (
  rule_id TEXT NOT NULL REFERENCES rules (id),
  subject TEXT NOT NULL,
  fired_at INTEGER NOT NULL,
  PRIMARY KEY (rule_id, subject)
);

-- source is '<event id>:<rule id>:<action index>': a retried action never notifies twice.
-- title is the rule's name; the text a user reads is built in the browser from these columns.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  rule_id TEXT REFERENCES rules (id),
  source TEXT NOT NULL,
  title TEXT NOT NULL,
  event_type TEXT NOT NULL,
  case_id TEXT,
  subject TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  UNIQUE (source, user_id)
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- A task is assigned to a user or to everyone holding a role (the first to finish it closes it).
CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  assignee_user_id TEXT REFERENCES users (id),
  assignee_role TEXT,
  case_id TEXT REFERENCES cases (id),
  due_at INTEGER,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  source_rule_id TEXT REFERENCES rules (id),
  source TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  completed_at INTEGER,
  completed_by TEXT REFERENCES users (id),
  CHECK ((assignee_user_id IS NULL) <> (assignee_role IS NULL))
);
CREATE INDEX tasks_by_user ON tasks (assignee_user_id, status);
CREATE INDEX tasks_by_role ON tasks (assignee_role, status);
CREATE INDEX tasks_open_by_due ON tasks (due_at) WHERE status = 'open';

-- The scans the Cron Trigger runs: open cases with their last record, grants about to expire.
CREATE INDEX cases_by_status ON cases (status);
CREATE INDEX case_records_by_case_time ON case_records (case_id, created_at);
CREATE INDEX case_key_wraps_by_expiry ON case_key_wraps (expires_at) WHERE expires_at > 0 AND revoked_at IS NULL;
