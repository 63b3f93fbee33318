-- The supervision archive (督导档案, issue 14). Supervision reports and their feedback stay case
-- records under the case key; what is added here is operational only: the theme tags an admin
-- defines (危机干预, 伦理, 家庭治疗 …) and which report carries which theme, so a key holder's
-- browser can filter the reports it decrypts.
CREATE TABLE supervision_themes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);

CREATE TABLE supervision_record_themes (
  case_id TEXT NOT NULL REFERENCES cases (id),
  record_id TEXT NOT NULL,
  theme_id TEXT NOT NULL REFERENCES supervision_themes (id),
  tagged_by TEXT NOT NULL REFERENCES users (id),
  tagged_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, record_id, theme_id)
);
CREATE INDEX supervision_record_themes_by_theme ON supervision_record_themes (theme_id);
