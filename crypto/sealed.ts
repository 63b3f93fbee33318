import { fromUtf8, utf8 } from './bytes.js';
import { canonicalJsonBytes, type JsonValue } from './canonical-json.js';
import { fail } from './errors.js';
import { type HpkeSealed, openBase, sealBase } from './hpke.js';

/** PROTOCOL §7: a client without an account seals to a public key. */

export function intakeInfo(org: string, requestId: string): string {
  return `tacit/1/intake|org=${org}|request=${requestId}`;
}

export function inboxInfo(caseId: string, submissionId: string): string {
  return `tacit/1/inbox|case=${caseId}|submission=${submissionId}`;
}

export function sealSubmission(
  recipientPk: Uint8Array,
  info: string,
  value: JsonValue,
  ikmE?: Uint8Array,
): HpkeSealed {
  return sealBase(recipientPk, utf8(info), new Uint8Array(0), canonicalJsonBytes(value), ikmE);
}

export function openSubmission(recipientSk: Uint8Array, info: string, sealed: HpkeSealed): JsonValue {
  const plaintext = openBase(sealed.enc, recipientSk, utf8(info), new Uint8Array(0), sealed.ct);
  try {
    return JSON.parse(fromUtf8(plaintext)) as JsonValue;
  } catch {
    return fail('malformed', 'the submission is not JSON');
  }
}

export const sealBookingRequest = (
  intakeGroupPk: Uint8Array,
  org: string,
  requestId: string,
  value: JsonValue,
) => sealSubmission(intakeGroupPk, intakeInfo(org, requestId), value);

export const openBookingRequest = (
  intakeGroupSk: Uint8Array,
  org: string,
  requestId: string,
  sealed: HpkeSealed,
) => openSubmission(intakeGroupSk, intakeInfo(org, requestId), sealed);

export const sealInboxSubmission = (
  inboxPk: Uint8Array,
  caseId: string,
  submissionId: string,
  value: JsonValue,
) => sealSubmission(inboxPk, inboxInfo(caseId, submissionId), value);

export const openInboxSubmission = (
  inboxSk: Uint8Array,
  caseId: string,
  submissionId: string,
  sealed: HpkeSealed,
) => openSubmission(inboxSk, inboxInfo(caseId, submissionId), sealed);

/**
 * An access request's free-text note (why a supervisor asks for a case) is secret: sealed to the
 * primary counselor's X25519 key. Our extension of §7, plaintext = the UTF-8 note.
 */
export function accessNoteInfo(org: string, requestId: string, to: string): string {
  return `tacit/1/access-note|org=${org}|request=${requestId}|to=${to}`;
}

export function sealAccessNote(counselorPk: Uint8Array, info: string, note: string): HpkeSealed {
  return sealBase(counselorPk, utf8(info), new Uint8Array(0), utf8(note));
}

export function openAccessNote(counselorSk: Uint8Array, info: string, sealed: HpkeSealed): string {
  return fromUtf8(openBase(sealed.enc, counselorSk, utf8(info), new Uint8Array(0), sealed.ct));
}
