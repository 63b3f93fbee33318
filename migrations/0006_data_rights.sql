-- Audit, compliance and data rights (issue 11): indexes for the audit viewer's filters,
-- retention policies per service type, and two-person destruction (crypto-shredding) of cases.
-- Times are ms since epoch.

CREATE INDEX audit_events_by_actor ON audit_events (actor_user_id, seq);
CREATE INDEX audit_events_by_subject ON audit_events (subject, seq);
CREATE INDEX audit_events_by_type ON audit_events (type, seq);
CREATE INDEX audit_events_by_time ON audit_events (at);

-- Keep a case this many years after it was closed; then it is listed for a director to destroy.
CREATE TABLE retention_policies (
  service_type TEXT PRIMARY KEY,
  keep_years INTEGER NOT NULL CHECK (keep_years BETWEEN 1 AND 100),
  updated_by TEXT NOT NULL REFERENCES users (id),
  updated_at INTEGER NOT NULL
);

-- A director asks, a different person who holds the case key confirms, and only then is the case
-- shredded. At most one open request per case; a done request is the case's tombstone here (the
-- audit chain holds the other one).
CREATE TABLE case_destructions (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  reason TEXT NOT NULL CHECK (reason IN ('retention_expired', 'subject_request', 'other')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'destroyed', 'cancelled')),
  requested_by TEXT NOT NULL REFERENCES users (id),
  requested_at INTEGER NOT NULL,
  decided_by TEXT REFERENCES users (id),
  decided_at INTEGER
);
CREATE UNIQUE INDEX case_destructions_open ON case_destructions (case_id) WHERE status != 'cancelled';
