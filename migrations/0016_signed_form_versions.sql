-- Signed form versions (issue 5, crypto/form-version.ts): the publishing admin's Ed25519 signature
-- over the definition, base64url. The signer is published_by. Browsers refuse a designed version
-- without a valid signature by a certified admin, so the server cannot flip a field's sensitivity.
-- Template rows stay unsigned: browsers use their own bundled copy of a shipped form.
ALTER TABLE form_versions ADD COLUMN signature TEXT;
