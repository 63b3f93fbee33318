-- The front-desk group key (issue 4): who made each epoch's key pair signs its public key
-- (crypto/group-key.ts), so a browser wrapping a contact card to the front desk can tell a key a
-- certified person made from one the server substituted. A group key made before this migration
-- has no signature; browsers refuse it and a member's next rotation replaces it.
ALTER TABLE groups ADD COLUMN pk_sig TEXT;
ALTER TABLE groups ADD COLUMN pk_by TEXT REFERENCES users (id);

-- The group key chain: at each rotation a member's browser HPKE-seals epoch e's private key to
-- epoch e+1's public key (crypto/group-key.ts), so members still open booking requests sealed to
-- an earlier key; someone who left holds only the earlier keys.
CREATE TABLE group_key_chain (
  group_id TEXT NOT NULL REFERENCES groups (id),
  epoch INTEGER NOT NULL,
  enc TEXT NOT NULL,
  ct TEXT NOT NULL,
  by_user_id TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, epoch)
);
