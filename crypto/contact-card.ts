import { fromUtf8 } from './bytes.js';
import { canonicalJsonBytes, type JsonValue } from './canonical-json.js';
import { decryptEnvelope, type Envelope, EnvelopeKind, encryptEnvelope } from './envelope.js';
import { fail } from './errors.js';

/**
 * A client's contact card (DESIGN §2, the second compartment): name, phone, email, emergency
 * contact, under the contact-card key that the front-desk group and the case's clinicians hold.
 * A kind 0x01 envelope; the protocol leaves its context open, ours is
 * `tacit/1/contact|org=…|client=…|epoch=<e>`.
 */

export interface ContactBinding {
  org: string;
  clientId: string;
  epoch: number;
}

export type ContactCard = { [field: string]: JsonValue };

export function contactCardContext(b: ContactBinding): string {
  if (!Number.isSafeInteger(b.epoch) || b.epoch < 0)
    fail('malformed', 'epoch must be a non-negative integer');
  return `tacit/1/contact|org=${b.org}|client=${b.clientId}|epoch=${b.epoch}`;
}

export function encryptContactCard(key: Uint8Array, binding: ContactBinding, card: ContactCard): Envelope {
  const plaintext = canonicalJsonBytes(card);
  const envelope = encryptEnvelope(key, EnvelopeKind.recordBody, contactCardContext(binding), plaintext);
  plaintext.fill(0);
  return envelope;
}

export function decryptContactCard(
  key: Uint8Array,
  binding: ContactBinding,
  envelope: Uint8Array,
): ContactCard {
  const plaintext = decryptEnvelope(key, EnvelopeKind.recordBody, contactCardContext(binding), envelope);
  try {
    const card: unknown = JSON.parse(fromUtf8(plaintext));
    if (typeof card !== 'object' || card === null || Array.isArray(card)) fail('malformed', 'contact card');
    return card as ContactCard;
  } finally {
    plaintext.fill(0);
  }
}
