import { fail } from './errors.js';

/**
 * Crockford base32 for codes people type from paper: no I, L, O or U; on reading, I and L are
 * taken as 1 and O as 0, case and separators are ignored.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VALUES = new Map<string, number>([...ALPHABET].map((char, index) => [char, index]));
VALUES.set('I', 1);
VALUES.set('L', 1);
VALUES.set('O', 0);

export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export function fromBase32(text: string, byteLength: number): Uint8Array {
  const chars = text.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== Math.ceil((byteLength * 8) / 5)) fail('malformed', 'wrong number of characters');
  const out = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of chars) {
    const value = VALUES.get(char);
    if (value === undefined) fail('malformed', `"${char}" is not a code character`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8 && index < byteLength) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** Groups of four characters joined by dashes, as printed and shown. */
export function groupCode(code: string, size = 4): string {
  return code.match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? '';
}
