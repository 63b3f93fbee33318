-- The staff key and the knowledge base (知识库, issue 14; crypto/README.md "the staff key").
-- The staff key is one symmetric key per epoch, wrapped to every active certified staff member
-- (PROTOCOL §5 construction, info tacit/1/staff-grant|…); from epoch 1 on, the previous epoch's key
-- is sealed under this one (context tacit/1/staff-key-chain|org=…|epoch=<e-1>).
CREATE TABLE staff_key_epochs (
  epoch INTEGER PRIMARY KEY CHECK (epoch >= 0),
  previous_key_envelope TEXT,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  CHECK ((epoch = 0) = (previous_key_envelope IS NULL))
);

CREATE TABLE staff_key_wraps (
  epoch INTEGER NOT NULL REFERENCES staff_key_epochs (epoch),
  user_id TEXT NOT NULL REFERENCES users (id),
  enc TEXT NOT NULL,
  ct TEXT NOT NULL,
  sig TEXT NOT NULL,
  by_user_id TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (epoch, user_id)
);
CREATE INDEX staff_key_wraps_by_user ON staff_key_wraps (user_id);

-- Categories are operational (names an admin chooses, like 危机干预 or 转介资源); every article's
-- title and body are inside envelopes under the staff key (crypto/knowledge.ts).
CREATE TABLE kb_categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);

CREATE TABLE kb_articles (
  id TEXT PRIMARY KEY,
  category_id TEXT REFERENCES kb_categories (id),
  current_version INTEGER NOT NULL CHECK (current_version >= 1),
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX kb_articles_by_category ON kb_articles (category_id);

-- Every save is a new version; nothing here is ever updated. The envelope and the author's
-- signature are opaque to the server, which checks the signature before storing.
CREATE TABLE kb_article_versions (
  article_id TEXT NOT NULL REFERENCES kb_articles (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  epoch INTEGER NOT NULL,
  author_id TEXT NOT NULL REFERENCES users (id),
  envelope TEXT NOT NULL,
  sig TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (article_id, version)
);

-- An article's attachment: chunks in R2 under kb/<article>/<attachment>/<i>, each a kind 0x04
-- envelope under the staff key of `epoch` (context tacit/1/kb-attachment|…). The file name and
-- type are inside the article version that links it, never here.
CREATE TABLE kb_attachments (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES kb_articles (id),
  epoch INTEGER NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  chunk_count INTEGER NOT NULL CHECK (chunk_count >= 1),
  uploaded_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  completed_at INTEGER
);
CREATE INDEX kb_attachments_by_article ON kb_attachments (article_id);
