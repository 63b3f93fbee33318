-- Workflow engine (issue 6): versioned definitions, instances pinned to the version they started
-- on, their history, and their timers. Workflow tasks live in the rules engine's tasks table
-- (0008), extended here. Every column is operational: ids, dates, statuses, the admin's own
-- labels and JSON Logic over operational data.

-- One row per version of a process; key names the process across versions. A draft is edited in
-- place; publishing freezes it, and the previous published version of the key retires.
CREATE TABLE workflow_definitions (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  graph TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  published_at INTEGER,
  UNIQUE (key, version)
);
-- At most one published version per process.
CREATE UNIQUE INDEX workflow_definitions_published ON workflow_definitions (key) WHERE status = 'published';

-- state is the engine's JSON (core/workflows/engine.ts); seq counts transitions and is the
-- optimistic lock: a transition inserts history row seq + 1, so two racing ones cannot both apply.
CREATE TABLE workflow_instances (
  id TEXT PRIMARY KEY,
  definition_id TEXT NOT NULL REFERENCES workflow_definitions (id),
  status TEXT NOT NULL CHECK (status IN ('running', 'done')),
  state TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  case_id TEXT REFERENCES cases (id),
  subject TEXT,
  started_by TEXT REFERENCES users (id),
  started_at INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX workflow_instances_by_definition ON workflow_instances (definition_id, status);

CREATE TABLE workflow_history (
  instance_id TEXT NOT NULL REFERENCES workflow_instances (id),
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('started', 'task_done', 'timer_fired')),
  node_id TEXT,
  visited TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (instance_id, seq)
);

CREATE TABLE workflow_timers (
  id TEXT PRIMARY KEY,
  instance_id TEXT NOT NULL REFERENCES workflow_instances (id),
  node_id TEXT NOT NULL,
  fire_at INTEGER NOT NULL,
  fired_at INTEGER
);
CREATE INDEX workflow_timers_due ON workflow_timers (fire_at) WHERE fired_at IS NULL;

ALTER TABLE tasks ADD COLUMN workflow_instance_id TEXT REFERENCES workflow_instances (id);
ALTER TABLE tasks ADD COLUMN workflow_node_id TEXT;
-- form_task | approval | assignment | key_delivery; NULL for a rule's task.
ALTER TABLE tasks ADD COLUMN workflow_step TEXT;
-- completed | approved | rejected
ALTER TABLE tasks ADD COLUMN outcome TEXT;
CREATE INDEX tasks_by_workflow ON tasks (workflow_instance_id);
