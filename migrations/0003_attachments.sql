-- Encrypted attachments (issue 4): metadata here, the kind 0x04 chunk envelopes in R2 under
-- cases/<case id>/attachments/<attachment id>/<chunk index>. The file's name and type are secret:
-- they live in the record that refers to the attachment, not here.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  epoch INTEGER NOT NULL,
  size INTEGER NOT NULL,
  chunk_count INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  completed_at INTEGER
);
CREATE INDEX attachments_by_case ON attachments(case_id);
