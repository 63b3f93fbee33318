import { fromUtf8 } from './bytes.js';
import { canonicalJsonBytes, type JsonValue } from './canonical-json.js';
import { decryptEnvelope, type Envelope, EnvelopeKind, encryptEnvelope } from './envelope.js';
import { fail } from './errors.js';

/** A case record's secret fields (PROTOCOL §3: plaintext = canonical JSON of the secret fields). */

export interface RecordBinding {
  org: string;
  caseId: string;
  recordId: string;
  rev: number;
  /** "<form id>@<version>" */
  form: string;
  author: string;
}

export function recordContext(b: RecordBinding): string {
  if (!Number.isSafeInteger(b.rev) || b.rev < 1) fail('malformed', 'revision must be 1 or more');
  return `tacit/1/record|org=${b.org}|case=${b.caseId}|record=${b.recordId}|rev=${b.rev}|form=${b.form}|author=${b.author}`;
}

export type SecretFields = { [field: string]: JsonValue };

export function encryptRecord(
  caseKey: Uint8Array,
  binding: RecordBinding,
  secretFields: SecretFields,
): Envelope {
  const plaintext = canonicalJsonBytes(secretFields);
  const envelope = encryptEnvelope(caseKey, EnvelopeKind.recordBody, recordContext(binding), plaintext);
  plaintext.fill(0);
  return envelope;
}

export function decryptRecord(
  caseKey: Uint8Array,
  binding: RecordBinding,
  envelope: Uint8Array,
): SecretFields {
  const plaintext = decryptEnvelope(caseKey, EnvelopeKind.recordBody, recordContext(binding), envelope);
  try {
    const value: unknown = JSON.parse(fromUtf8(plaintext));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('malformed', 'record body');
    return value as SecretFields;
  } finally {
    plaintext.fill(0);
  }
}
