import type { Cert } from '../core/api/views.js';
import { fromBase64Url } from '../crypto/bytes.js';
import { verifyCert } from '../crypto/cert.js';
import { ApiError } from './errors.js';

export interface CertifiableUser {
  id: string;
  email: string;
  x25519Pk: string;
  ed25519Pk: string;
}

/** PROTOCOL §4: refuses a certificate the org root key did not sign over exactly these keys. */
export function assertValidCert(rootPk: string, user: CertifiableUser, cert: Cert): void {
  const fields = {
    userId: user.id,
    email: user.email,
    x25519Pk: fromBase64Url(user.x25519Pk),
    ed25519Pk: fromBase64Url(user.ed25519Pk),
    issuedAtMs: cert.issuedAtMs,
  };
  if (!verifyCert(fromBase64Url(rootPk), fields, fromBase64Url(cert.sig))) {
    throw new ApiError(
      400,
      'bad_certificate',
      'the certificate signature does not verify under the org root key',
    );
  }
}
