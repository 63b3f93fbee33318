import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { utf8 } from './bytes.js';

export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** HKDF-SHA256 (RFC 5869) with a string info, as the protocol writes it. */
export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array | string, length: number) {
  return hkdf(nobleSha256, ikm, salt, typeof info === 'string' ? utf8(info) : info, length);
}
