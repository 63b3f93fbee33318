-- Case files (issue 4): groups, clients and their contact cards, cases with per-epoch keys,
-- encrypted records, the signed case log (PROTOCOL §6) and access requests. The server stores
-- ciphertext and wrapped keys it cannot open; every wrap keeps exactly the columns a browser
-- rebuilds the PROTOCOL §5 info string from. Times are ms since epoch (0 = no expiry); bytes are
-- base64url; case-log hashes are lowercase hex.

-- PROTOCOL §4 group keys (the front desk): an X25519 pair whose private key is wrapped to each
-- member. Membership is holding a wrap at the group's current epoch.
CREATE TABLE groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  epoch INTEGER NOT NULL DEFAULT 0,
  x25519_pk TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);

CREATE TABLE group_key_wraps (
  group_id TEXT NOT NULL REFERENCES groups (id),
  epoch INTEGER NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  enc TEXT NOT NULL,
  ct TEXT NOT NULL,
  sig TEXT NOT NULL,
  by_user_id TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, epoch, user_id)
);
CREATE INDEX group_key_wraps_by_user ON group_key_wraps (user_id);

-- The contact card is one envelope under the contact-card key; channel is operational.
CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  channel TEXT,
  contact_epoch INTEGER NOT NULL DEFAULT 0,
  contact_envelope TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);

-- to_id is a user id (to_kind 'user') or a group id (to_kind 'group').
CREATE TABLE contact_key_wraps (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (id),
  epoch INTEGER NOT NULL,
  to_kind TEXT NOT NULL CHECK (to_kind IN ('user', 'group')),
  to_id TEXT NOT NULL,
  perm TEXT NOT NULL CHECK (perm IN ('read', 'write')),
  expires_at INTEGER NOT NULL DEFAULT 0,
  enc TEXT NOT NULL,
  ct TEXT NOT NULL,
  sig TEXT NOT NULL,
  by_user_id TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  UNIQUE (client_id, epoch, to_id)
);
CREATE INDEX contact_key_wraps_by_recipient ON contact_key_wraps (to_id);

-- needs_rotation is set by a revocation and cleared by a rotation; an expired grant makes a
-- case need rotation too, computed at read time from expires_at.
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (id),
  primary_counselor_id TEXT NOT NULL REFERENCES users (id),
  status TEXT NOT NULL DEFAULT 'intake'
    CHECK (status IN ('intake', 'active', 'closing', 'closed', 'archived')),
  service_type TEXT NOT NULL,
  channel TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  closed_at INTEGER,
  current_epoch INTEGER NOT NULL DEFAULT 0,
  log_seq INTEGER NOT NULL DEFAULT 0,
  log_head TEXT NOT NULL,
  needs_rotation INTEGER NOT NULL DEFAULT 0 CHECK (needs_rotation IN (0, 1)),
  created_by TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX cases_by_primary_counselor ON cases (primary_counselor_id);
CREATE INDEX cases_by_client ON cases (client_id);

-- One row per case-key epoch: the case inbox key pair of that epoch (public key, and private key
-- sealed under the epoch's case key) and, from epoch 1 on, the previous epoch's key sealed under
-- this one (PROTOCOL §5 key chain, context tacit/1/key-chain|case=…|epoch=<e-1>).
CREATE TABLE case_epochs (
  case_id TEXT NOT NULL REFERENCES cases (id),
  epoch INTEGER NOT NULL,
  inbox_pk TEXT NOT NULL,
  inbox_sealed TEXT NOT NULL,
  previous_key_envelope TEXT,
  opened_by TEXT NOT NULL REFERENCES users (id),
  opened_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, epoch),
  CHECK ((epoch = 0) = (previous_key_envelope IS NULL))
);

-- to_user_id is a user id or the literal 'org-recovery' (the org recovery key's wrap).
CREATE TABLE case_key_wraps (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  epoch INTEGER NOT NULL,
  to_user_id TEXT NOT NULL,
  perm TEXT NOT NULL CHECK (perm IN ('read', 'write')),
  expires_at INTEGER NOT NULL DEFAULT 0,
  enc TEXT NOT NULL,
  ct TEXT NOT NULL,
  sig TEXT NOT NULL,
  by_user_id TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  UNIQUE (case_id, epoch, to_user_id)
);
CREATE INDEX case_key_wraps_by_recipient ON case_key_wraps (to_user_id, case_id);

-- A correction is a new revision; nothing here is ever updated.
CREATE TABLE case_records (
  case_id TEXT NOT NULL REFERENCES cases (id),
  record_id TEXT NOT NULL,
  rev INTEGER NOT NULL CHECK (rev >= 1),
  form TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES users (id),
  epoch INTEGER NOT NULL,
  envelope TEXT NOT NULL,
  operational TEXT NOT NULL DEFAULT '{}',
  seq INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, record_id, rev),
  UNIQUE (case_id, seq)
);

-- entry is the canonical JSON of PROTOCOL §6. (case_id, seq) is the primary key, so of two
-- writers that read the same head only one can append; seq is NOT NULL, which the append uses
-- to abort a batch whose head or epoch moved (worker/case-log.ts).
CREATE TABLE case_log (
  case_id TEXT NOT NULL REFERENCES cases (id),
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  sig TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
);

-- reason is an operational category; the free-text note, if any, is HPKE-sealed by the
-- requester's browser to note_to_user_id (the primary counselor at the time) and opaque here.
CREATE TABLE access_requests (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  requester_id TEXT NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL CHECK (reason IN ('supervision', 'consultation', 'coverage', 'audit')),
  note_to_user_id TEXT REFERENCES users (id),
  note_enc TEXT,
  note_ct TEXT,
  perm TEXT NOT NULL CHECK (perm IN ('read', 'write')),
  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'denied', 'delivered', 'cancelled')),
  decided_by TEXT REFERENCES users (id),
  decided_at INTEGER,
  grant_id TEXT REFERENCES case_key_wraps (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX access_requests_by_case ON access_requests (case_id, status);
CREATE INDEX access_requests_by_requester ON access_requests (requester_id);
