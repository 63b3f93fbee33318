-- A counselor's profile for matching new clients (issue 6): the languages they counsel in, their
-- specialties and, if they give it, their gender. Operational: every value comes from a fixed
-- list (core/api/counselor-profiles.ts), never free text. Kept by an admin or the counselor.
CREATE TABLE counselor_profiles (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  languages TEXT NOT NULL DEFAULT '[]',
  specialties TEXT NOT NULL DEFAULT '[]',
  gender TEXT CHECK (gender IN ('female', 'male')),
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id)
);
