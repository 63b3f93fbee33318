-- Form definitions (issue 5): the draft an admin edits and the versions they published. A record
-- names the version it was written with ("<form id>@<version>"), so a published version never
-- changes: the trigger refuses it even if a route forgot. Built-in forms live in code
-- (core/forms/templates), not here; installing a template copies it here as published.
CREATE TABLE form_versions (
  form_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('designer', 'template')),
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at INTEGER NOT NULL,
  published_at INTEGER,
  published_by TEXT REFERENCES users(id),
  PRIMARY KEY (form_id, version)
);
CREATE UNIQUE INDEX form_versions_one_draft ON form_versions(form_id) WHERE published_at IS NULL;
CREATE TRIGGER form_versions_published_never_change
BEFORE UPDATE ON form_versions
WHEN OLD.published_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a published form version never changes');
END;
