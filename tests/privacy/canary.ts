import { randomBytes, toHex } from '../../crypto/bytes.js';

/**
 * A canary: a unique string placed in one secret field. The suite then looks for it in every
 * byte the server stored, in every encoding a leak could take.
 */
export function canary(field: string): string {
  return `金丝雀-${field}-${toHex(randomBytes(6))}`;
}

/** The byte patterns a leaked canary could appear as. */
export function encodingsOf(text: string): Map<string, Buffer> {
  const patterns = new Map<string, Buffer>();
  const utf8 = Buffer.from(text, 'utf8');
  patterns.set('utf-8', utf8);
  patterns.set('utf-16le', Buffer.from(text, 'utf16le'));
  patterns.set('utf-16be', Buffer.from(text, 'utf16le').swap16());
  patterns.set('hex', Buffer.from(utf8.toString('hex')));
  patterns.set('HEX', Buffer.from(utf8.toString('hex').toUpperCase()));
  // base64 of a string depends on where it starts within a 3-byte group: check all three, keeping
  // only whole groups of canary bytes (the first and last group may mix with its neighbours).
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), utf8]).toString('base64');
    const stable = encoded.slice(offset === 0 ? 0 : 4, encoded.length - 4);
    patterns.set(`base64+${offset}`, Buffer.from(stable));
    patterns.set(`base64url+${offset}`, Buffer.from(stable.replace(/\+/g, '-').replace(/\//g, '_')));
  }
  return patterns;
}

/** Where in `haystack` the canary shows up, by encoding. */
export function findLeaks(haystack: Buffer, text: string): string[] {
  return [...encodingsOf(text)].filter(([, pattern]) => haystack.includes(pattern)).map(([name]) => name);
}
