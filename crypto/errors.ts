/**
 * Every failure in crypto/ is a CryptoError with a code the UI can translate into a sentence a
 * person understands. Codes never carry secret material.
 */
export type CryptoErrorCode =
  | 'malformed' // bytes or strings of the wrong shape or length
  | 'unsupported' // a version, kind or suite this implementation does not speak
  | 'wrong-key' // key commitment mismatch: wrong key or wrong context, before any AEAD work
  | 'tampered' // authentication failed after the commitment matched
  | 'bad-signature'
  | 'uncertified' // a key without a valid certificate under the pinned org root
  | 'root-changed' // the org root key differs from the one pinned at first login
  | 'expired'
  | 'weak-parameters' // passphrase KDF parameters below the floor
  | 'bad-checksum' // a recovery code or share typed with a mistake
  | 'insufficient-shares'
  | 'inconsistent-shares'
  // case log (PROTOCOL §6)
  | 'dropped'
  | 'reordered'
  | 'injected'
  | 'altered'
  | 'rollback'
  | 'stale-revision'; // an older revision of a record served as if it were the latest

export class CryptoError extends Error {
  readonly code: CryptoErrorCode;
  /** Where in a structure the failure was found, e.g. the case log sequence number. */
  readonly at: number | undefined;

  constructor(code: CryptoErrorCode, message: string, at?: number) {
    super(message);
    this.name = 'CryptoError';
    this.code = code;
    this.at = at;
  }
}

export function fail(code: CryptoErrorCode, message: string, at?: number): never {
  throw new CryptoError(code, message, at);
}

export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  return error instanceof CryptoError && (code === undefined || error.code === code);
}
