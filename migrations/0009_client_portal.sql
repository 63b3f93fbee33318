-- The client portal (issue 5, PROTOCOL §7). A counselor's one-time link for one form of one case:
-- the token is stored only as its SHA-256; the link names the case key epoch whose inbox key the
-- answers are sealed to and the submission id bound into the seal's info. A submission holds the
-- HPKE-sealed answers (opaque here) and the form's operational part, checked against the form.
CREATE TABLE portal_links (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  form TEXT NOT NULL,
  epoch INTEGER NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  submission_id TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  submitted_at INTEGER
);
CREATE INDEX portal_links_by_case ON portal_links (case_id, created_at);

-- link_id is UNIQUE: of two racing submissions through one link exactly one is stored.
-- A filed submission became the signed case record with the same id (record_id = id).
CREATE TABLE portal_submissions (
  id TEXT PRIMARY KEY,
  link_id TEXT NOT NULL UNIQUE REFERENCES portal_links (id),
  case_id TEXT NOT NULL REFERENCES cases (id),
  form TEXT NOT NULL,
  epoch INTEGER NOT NULL,
  enc TEXT NOT NULL,
  ct TEXT NOT NULL,
  operational TEXT NOT NULL DEFAULT '{}',
  submitted_at INTEGER NOT NULL,
  filed_at INTEGER,
  filed_by TEXT REFERENCES users (id)
);
CREATE INDEX portal_submissions_by_case ON portal_submissions (case_id, submitted_at);
