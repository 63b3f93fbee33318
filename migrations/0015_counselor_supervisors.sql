-- Each counselor's supervisor (督导), assigned by an admin (issue 8). Rules ("remind the counselor
-- and their supervisor") and workflows (a step assigned to the case's counselor's supervisor)
-- resolve the relation through this column. NULL: no supervisor assigned.
ALTER TABLE users ADD COLUMN supervisor_id TEXT REFERENCES users (id);
CREATE INDEX users_by_supervisor ON users (supervisor_id) WHERE supervisor_id IS NOT NULL;
