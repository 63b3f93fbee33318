-- Case conferences (会诊, issue 14): a discussion about one case among chosen certified clinicians.
-- Only operational columns: ids, epochs, times, wrapped keys and ciphertext. Any title and every
-- message body live inside envelopes sealed under the conference key (crypto/conference.ts).
-- needs_rotation is set by a removal: the server then refuses messages at the current epoch until
-- a remaining participant's browser uploads epoch e+1. expires_at is ms, 0 = no expiry.
CREATE TABLE conferences (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  created_by TEXT NOT NULL REFERENCES users (id),
  current_epoch INTEGER NOT NULL CHECK (current_epoch >= 1),
  needs_rotation INTEGER NOT NULL DEFAULT 0 CHECK (needs_rotation IN (0, 1)),
  expires_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX conferences_by_case ON conferences (case_id);

-- One row per person ever added; removed_at ends their access to every epoch, old ones included.
-- last_read_seq is what the unread count is computed from.
CREATE TABLE conference_participants (
  conference_id TEXT NOT NULL REFERENCES conferences (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  added_by TEXT NOT NULL REFERENCES users (id),
  added_at INTEGER NOT NULL,
  removed_at INTEGER,
  last_read_seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (conference_id, user_id)
);
CREATE INDEX conference_participants_by_user ON conference_participants (user_id);

-- The conference key of one epoch wrapped to one participant (PROTOCOL §5 construction with the
-- tacit/1/conference-grant info), signed by by_user_id.
CREATE TABLE conference_key_wraps (
  id TEXT PRIMARY KEY,
  conference_id TEXT NOT NULL REFERENCES conferences (id),
  epoch INTEGER NOT NULL,
  to_user_id TEXT NOT NULL REFERENCES users (id),
  by_user_id TEXT NOT NULL REFERENCES users (id),
  expires_at INTEGER NOT NULL,
  enc TEXT NOT NULL,
  ct TEXT NOT NULL,
  sig TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (conference_id, epoch, to_user_id)
);

-- Epoch e's key sealed under epoch e+1's, so the remaining participants keep the history.
CREATE TABLE conference_key_chain (
  conference_id TEXT NOT NULL REFERENCES conferences (id),
  epoch INTEGER NOT NULL,
  envelope TEXT NOT NULL,
  PRIMARY KEY (conference_id, epoch)
);

-- seq orders a conference's messages (and counts the unread); the envelope and the author's
-- signature are opaque to the server, which only checks the signature before storing.
CREATE TABLE conference_messages (
  id TEXT PRIMARY KEY,
  conference_id TEXT NOT NULL REFERENCES conferences (id),
  seq INTEGER NOT NULL,
  epoch INTEGER NOT NULL,
  author_id TEXT NOT NULL REFERENCES users (id),
  envelope TEXT NOT NULL,
  sig TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (conference_id, seq)
);
