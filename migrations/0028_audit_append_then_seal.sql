-- Issue 12: an audited write appends its event without the chain hash, and SQLite numbers it
-- (seq = the next rowid) inside the write's own transaction, so concurrent writers no longer race
-- for the same seq. prev_hash and hash are filled in right after, in seq order, once per event
-- (worker/audit-seal.ts); until then both are null. SQLite cannot drop NOT NULL in place, so the
-- table is rebuilt with the same columns in the same order (backups compare them).
CREATE TABLE audit_events_sealed_later (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_user_id TEXT,
  type TEXT NOT NULL,
  subject TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT,
  hash TEXT,
  CHECK ((prev_hash IS NULL) = (hash IS NULL))
);

INSERT INTO audit_events_sealed_later (seq, at, actor_user_id, type, subject, details, prev_hash, hash)
SELECT seq, at, actor_user_id, type, subject, details, prev_hash, hash FROM audit_events;

DROP TABLE audit_events;

ALTER TABLE audit_events_sealed_later RENAME TO audit_events;

CREATE INDEX audit_events_by_actor ON audit_events (actor_user_id, seq);
CREATE INDEX audit_events_by_subject ON audit_events (subject, seq);
CREATE INDEX audit_events_by_type ON audit_events (type, seq);
CREATE INDEX audit_events_by_time ON audit_events (at);

-- The events still to seal: few, and always the newest.
CREATE INDEX audit_events_unsealed ON audit_events (seq) WHERE hash IS NULL;
