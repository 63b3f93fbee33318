import { z } from './zod.js';

/** PROTOCOL §2: bytes travel as base64url without padding, identifiers are lowercase UUIDs. */

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function base64UrlByteLength(text: string): number | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const strayBits = (text.length * 6) % 8;
  const last = BASE64URL_ALPHABET.indexOf(text.at(-1) ?? 'A');
  // Non-canonical encodings (stray low bits set) would let two strings mean the same bytes.
  if ((last & ((1 << strayBits) - 1)) !== 0) return undefined;
  return Math.floor((text.length * 6) / 8);
}

/** Exactly `length` bytes: keys, signatures, salts. */
export function fixedBytes(what: string, length: number) {
  return z.string().refine((text) => base64UrlByteLength(text) === length, {
    error: `${what} must be ${length} bytes in base64url`,
  });
}

/** Opaque ciphertext the server stores and returns: up to `maxBytes`. */
export function opaqueBytes(what: string, maxBytes: number) {
  return z.string().refine(
    (text) => {
      const length = base64UrlByteLength(text);
      return length !== undefined && length > 0 && length <= maxBytes;
    },
    { error: `${what} must be 1 to ${maxBytes} bytes in base64url` },
  );
}

export const idSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
  error: 'must be a lowercase UUID',
});

/** Emails are stored and certified lowercased (the cert binds the stored form, PROTOCOL §4). */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'must be an email address' }));

export const displayNameSchema = z.string().trim().min(1).max(100);

export const publicKey = (what: string) => fixedBytes(what, 32);
export const signature = (what: string) => fixedBytes(what, 64);

/** Hashes in the audit chain are lowercase hex, as inside canonical JSON (PROTOCOL §2). */
export const hashHexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { error: 'must be 32 bytes of lowercase hex' });

export const timestampSchema = z.int().nonnegative();
