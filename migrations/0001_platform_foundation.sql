-- Platform foundation (issue 3): the organization, accounts, sessions, login throttling, the
-- hash-chained audit log (PROTOCOL §8) and the local-mode email outbox. Times are ms since epoch;
-- bytes are base64url; hashes in the audit chain are lowercase hex.

-- One deployment serves one institution: the singleton column admits exactly one row, which
-- also makes a racing second setup fail atomically.
CREATE TABLE org (
  id TEXT PRIMARY KEY,
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
  name TEXT NOT NULL,
  root_pk TEXT NOT NULL,
  recovery_pk TEXT NOT NULL,
  recovery_threshold INTEGER NOT NULL,
  recovery_share_count INTEGER NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  kdf_salt TEXT NOT NULL,
  kdf_m INTEGER NOT NULL,
  kdf_t INTEGER NOT NULL,
  kdf_p INTEGER NOT NULL,
  auth_hash TEXT NOT NULL,
  key_bundle TEXT NOT NULL,
  recovery_bundle TEXT NOT NULL,
  recovery_auth_hash TEXT NOT NULL,
  x25519_pk TEXT NOT NULL,
  ed25519_pk TEXT NOT NULL,
  cert_sig TEXT,
  cert_issued_at INTEGER,
  created_at INTEGER NOT NULL
);

CREATE TABLE root_key_wraps (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  enc TEXT NOT NULL,
  ct TEXT NOT NULL,
  sig TEXT NOT NULL,
  by_user_id TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  roles TEXT NOT NULL,
  display_name TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  invited_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER,
  accepted_user_id TEXT REFERENCES users (id),
  revoked_at INTEGER
);
CREATE INDEX invitations_by_email ON invitations (email);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- key is 'acct:<email>' or 'ip:<address>'.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  locked_until INTEGER
);

-- seq is the primary key, hence unique: two writers that read the same head cannot both append.
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_user_id TEXT,
  type TEXT NOT NULL,
  subject TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

CREATE TABLE audit_checkpoints (
  n INTEGER NOT NULL,
  admin_user_id TEXT NOT NULL REFERENCES users (id),
  head TEXT NOT NULL,
  sig TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (n, admin_user_id)
);

CREATE TABLE dev_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  to_email TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
