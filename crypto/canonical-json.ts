import { utf8 } from './bytes.js';
import { fail } from './errors.js';

/**
 * RFC 8785 JSON Canonicalization Scheme. Keys sort by UTF-16 code units (JavaScript's default
 * string order), numbers serialize as ECMAScript does, strings with JSON.stringify's escaping.
 * Strings are NFC-normalized first (PROTOCOL §2). Lone surrogates, non-finite numbers and
 * non-JSON values are refused rather than silently altered.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail('malformed', 'canonical JSON has no NaN or Infinity');
      return JSON.stringify(value);
    case 'string':
      return serializeString(value);
    case 'object': {
      if (Array.isArray(value)) {
        // Array.from turns holes into undefined, which is refused rather than written as nothing.
        return `[${Array.from(value, canonicalJson).join(',')}]`;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        fail('malformed', 'canonical JSON holds plain objects only (no Date, Map or byte array)');
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [nfc(key), item] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (let i = 1; i < entries.length; i++) {
        if (entries[i]?.[0] === entries[i - 1]?.[0]) fail('malformed', 'duplicate key after NFC');
      }
      return `{${entries.map(([key, item]) => `${serializeString(key)}:${canonicalJson(item)}`).join(',')}}`;
    }
    default:
      return fail('malformed', `canonical JSON cannot hold a ${typeof value}`);
  }
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}

/** Printable ASCII is already NFC and well formed: the common case skips both checks. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function nfc(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text : text.normalize('NFC');
}

function serializeString(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return JSON.stringify(text);
  if (!text.isWellFormed()) fail('malformed', 'string has a lone surrogate');
  return JSON.stringify(text.normalize('NFC'));
}
